// `node bench/run.mjs purchase-cost` runs this with `medusa exec`: what one
// purchase costs the server, call by call, measured in this process with
// process.cpuUsage (CPU of the Node process, all its threads) and wall time,
// one call at a time on a warm process. Writes JSON to BENCH_OUTPUT.
import fs from "node:fs"
import type { ExecArgs, IPaymentModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { saveCard } from "../../lib/saved-cards"
import { loadPlanForSale, planForSale, resolveRegion } from "../../lib/tariffs"
import { PROMOCODE_MODULE, type PromocodeModuleService } from "../../modules/promocode"
import { SUBSCRIPTION_MODULE } from "../../modules/subscription"
import type SubscriptionModuleService from "../../modules/subscription/service"
import { authorizeAndCapture, paymentProviderId } from "../../workflows/purchase-tariff/steps/charge-payment"
import { purchaseTariffWorkflow } from "../../workflows/purchase-tariff"
import { recordPurchaseOrderWorkflow } from "../../workflows/record-purchase-order"
import { recordPurchaseOrdersWorkflow } from "../../workflows/record-purchase-order/batch"
import { costTimer, medianRows, standardMonthlyVariant, waitForOrder } from "./cost"

const ITERATIONS = Number(process.env.BENCH_ITERATIONS || 60)
/** The first iterations warm the JIT and the pools; they are not counted. */
const WARM_UP = Math.ceil(ITERATIONS / 4)

/** Deletes the purchases' orders (and their payment links) and clears `order_id`, as if never recorded. */
async function unrecord(container: ExecArgs["container"], purchaseIds: string[]) {
  const subscriptions = container.resolve<SubscriptionModuleService>(SUBSCRIPTION_MODULE)
  const purchases = await subscriptions.listPurchases({ id: purchaseIds })
  await container.resolve(ContainerRegistrationKeys.LINK).dismiss(
    purchases.map((p) => ({
      [Modules.ORDER]: { order_id: p.order_id },
      [Modules.PAYMENT]: { payment_collection_id: p.payment_collection_id },
    }))
  )
  await container.resolve(Modules.ORDER).deleteOrders(purchases.map((p) => p.order_id!))
  await subscriptions.updatePurchases(purchases.map((p) => ({ id: p.id, order_id: null })))
}

export default async function purchaseCost({ container }: ExecArgs) {
  const { timed, samples, count } = costTimer()
  const customers = container.resolve(Modules.CUSTOMER)
  const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
  const subscriptions = container.resolve<SubscriptionModuleService>(SUBSCRIPTION_MODULE)
  const promocodes = container.resolve<PromocodeModuleService>(PROMOCODE_MODULE)

  const variant = { id: await standardMonthlyVariant(container) }
  const tag = Date.now().toString(36).toUpperCase()
  const [code] = await promocodes.createPromocodes([
    { code: `COST${tag}`, type: "percentage", value: 10, description: "purchase-cost benchmark" },
  ])
  const newCustomer = async (role: string, i: number) =>
    (await customers.createCustomers({ email: `cost-${tag}-${role}-${i}@bench.local` })).id

  for (let i = 0; i < ITERATIONS; i++) {
    count(i >= WARM_UP)

    // ── the parts, called one by one as the workflow's steps call them
    const customerId = await newCustomer("parts", i)
    const region = await timed("catalog: region", () => resolveRegion(container))
    const plan = await timed("catalog: plan and price (query.graph, uncached)", () =>
      loadPlanForSale(container, { variantId: variant.id, region, salesChannelIds: null })
    )
    await timed("catalog: plan and price (cached)", () =>
      planForSale(container, { variantId: variant.id, salesChannelIds: null })
    )
    await timed("subscription: live subscription", () => subscriptions.liveSubscription(customerId))
    await timed("subscription: purchase history (trial, prior purchase)", () =>
      subscriptions.purchaseHistory(customerId)
    )
    const usage = await timed("promocode: reserve", () =>
      promocodes.reserve({
        code: code.code,
        customer_id: customerId,
        variant_id: plan.variant_id,
        product_id: plan.product_id,
        amount: plan.price.amount,
        currency_code: plan.price.currency_code,
        has_prior_purchase: false,
      })
    )
    const purchase = await timed("subscription: create pending purchase", () =>
      subscriptions.createPurchases({
        customer_id: customerId,
        idempotency_key: `cost-${i}`,
        product_id: plan.product_id,
        variant_id: plan.variant_id,
        interval: plan.interval,
        interval_count: plan.interval_count,
        original_amount: plan.price.amount,
        discount_amount: 0,
        total: plan.price.amount,
        currency_code: plan.price.currency_code,
        status: "pending",
      })
    )
    const amount = plan.price.amount
    const collection = await timed("payment module: create collection", () =>
      payments.createPaymentCollections({ currency_code: plan.price.currency_code, amount })
    )
    const session = await timed("payment module: create session", () =>
      payments.createPaymentSession(collection.id, {
        provider_id: paymentProviderId(),
        currency_code: plan.price.currency_code,
        amount,
        data: { token: "tok_success" },
      })
    )
    // as the charge step does: one call when the provider captures in the
    // authorization (the emulator's autoCapture, on in medusa-config.ts)
    const payment = await timed("payment module: authorize and capture", () =>
      authorizeAndCapture(payments, session.id, amount)
    )
    if (!payment) {
      throw new Error("the emulator declined or left the authorization pending")
    }
    const { subscription } = await timed("subscription: grant or extend", () =>
      subscriptions.grantOrExtend({
        customer_id: customerId,
        product_id: plan.product_id,
        variant_id: plan.variant_id,
        interval: plan.interval,
        interval_count: plan.interval_count,
        purchase_id: purchase.id,
      })
    )
    await timed("payment module: save the card (account holder, payment method)", () =>
      saveCard(container, { customer_id: customerId, token: "tok_success" })
    )
    await timed("promocode: redeem", () => promocodes.redeem(usage.id, { purchase_id: purchase.id }))
    await timed("subscription: complete purchase", () =>
      subscriptions.completePurchase(purchase.id, {
        subscription_id: subscription.id,
        payment_collection_id: collection.id,
        payment_id: payment.id,
      })
    )
    // the order of that purchase (no event was emitted for it): the workflow alone, no polling
    await timed("workflow record-purchase-order (the order of a paid purchase)", () =>
      recordPurchaseOrderWorkflow(container).run({ input: { purchase_id: purchase.id } })
    )

    // ── the whole workflow, then the order subscriber it triggers
    const recorded = [purchase.id]
    for (const promocode of [null, code.code]) {
      const label = promocode ? "with a code" : "without a code"
      const buyer = await newCustomer(promocode ? "code" : "plain", i)
      const { result } = await timed(`workflow purchase-tariff, ${label}`, () =>
        purchaseTariffWorkflow(container).run({
          input: {
            customer_id: buyer,
            variant_id: variant.id,
            promocode,
            payment_token: "tok_success",
            idempotency_key: `cost-${label}-${i}`,
            sales_channel_ids: null,
            // as POST /store/purchases runs it: the card saved for renewals
            save_card: true,
          },
        })
      )
      await timed(`order subscriber (purchase.completed → Medusa order), ${label}`, () =>
        waitForOrder(subscriptions, result.purchase.id)
      )
      recorded.push(result.purchase.id)
    }

    // ── the same three purchases' orders recorded again, in one batch (as the
    // subscriber records purchases completed together): the orders removed first
    await unrecord(container, recorded)
    await timed(
      "workflow record-purchase-orders, 3 purchases in one run (per purchase)",
      () => recordPurchaseOrdersWorkflow(container).run({ input: { purchase_ids: recorded } }),
      recorded.length
    )
  }

  fs.writeFileSync(process.env.BENCH_OUTPUT || "purchase-cost.json", JSON.stringify({ rows: medianRows(samples) }, null, 2))
}
