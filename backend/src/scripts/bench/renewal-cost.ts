// `node bench/run.mjs renewal-cost` runs this with `medusa exec`: what one
// renewal costs the server, call by call (the renew-subscription workflow's
// steps called one by one as it calls them, then the whole workflow and the
// order subscriber it triggers), with process.cpuUsage and wall time, one
// call at a time on a warm process. Writes JSON to BENCH_OUTPUT.
import fs from "node:fs"
import type { ExecArgs, IPaymentModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { planForSale } from "../../lib/tariffs"
import { SUBSCRIPTION_MODULE } from "../../modules/subscription"
import type SubscriptionModuleService from "../../modules/subscription/service"
import { authorizeAndCapture, paymentProviderId } from "../../workflows/purchase-tariff/steps/charge-payment"
import { purchaseTariffWorkflow } from "../../workflows/purchase-tariff"
import { renewSubscriptionWorkflow } from "../../workflows/renew-subscription"
import { costTimer, medianRows, standardMonthlyVariant, waitForOrder } from "./cost"

const ITERATIONS = Number(process.env.BENCH_ITERATIONS || 40)
/** The first iterations warm the JIT and the pools; they are not counted. */
const WARM_UP = Math.ceil(ITERATIONS / 4)

export default async function renewalCost({ container }: ExecArgs) {
  const { timed, samples, count } = costTimer()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const customers = container.resolve(Modules.CUSTOMER)
  const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
  const locking = container.resolve(Modules.LOCKING)
  const subscriptions = container.resolve<SubscriptionModuleService>(SUBSCRIPTION_MODULE)

  const variantId = await standardMonthlyVariant(container)
  const tag = Date.now().toString(36).toUpperCase()

  /** A customer who bought Standard monthly with a saved card (auto-renew), its order recorded. */
  const subscriber = async (role: string, i: number) => {
    const customerId = (await customers.createCustomers({ email: `renewal-cost-${tag}-${role}-${i}@bench.local` })).id
    const { result } = await purchaseTariffWorkflow(container).run({
      input: {
        customer_id: customerId,
        variant_id: variantId,
        payment_token: "tok_success",
        idempotency_key: `renewal-cost-${role}-${i}`,
        sales_channel_ids: null,
        // as POST /store/purchases: the card saved, auto-renew on by default
        save_card: true,
        auto_renew: null,
      },
    })
    await waitForOrder(subscriptions, result.purchase.id)
    const [subscription] = await subscriptions.listSubscriptions({ customer_id: customerId })
    // as the pass runs: an hour after the period ended
    return { customerId, subscription, now: new Date(new Date(subscription.ends_at).getTime() + 3600000).toISOString() }
  }

  for (let i = 0; i < ITERATIONS; i++) {
    count(i >= WARM_UP)

    // ── the parts, called one by one as the workflow's steps call them
    const { customerId, subscription, now } = await subscriber("parts", i)
    const lockKey = `purchase:customer:${customerId}`
    await timed("lock: acquire the customer's lock", () => locking.acquire(lockKey, { expire: 120 }))
    const attempt = await timed("subscription: begin renewal (locks, re-checks, counts the charge)", () =>
      subscriptions.beginRenewal(subscription.id, { now })
    )
    if (!attempt?.variant_id) {
      throw new Error(`subscription ${subscription.id} is not due at ${now}`)
    }
    const plan = await timed("catalog: plan and price (cached)", () =>
      planForSale(container, { variantId: attempt.variant_id!, salesChannelIds: null })
    )
    const amount = plan.price.amount
    const purchase = await timed("subscription: create renewal purchase", () =>
      subscriptions.createPurchases({
        customer_id: customerId,
        subscription_id: subscription.id,
        product_id: plan.product_id,
        variant_id: plan.variant_id,
        interval: plan.interval,
        interval_count: plan.interval_count,
        kind: "renewal",
        period_start: new Date(attempt.period_start),
        period_end: new Date(new Date(attempt.period_start).getTime() + 30 * 86400000),
        original_amount: amount,
        credit_amount: 0,
        discount_amount: 0,
        total: amount,
        currency_code: plan.price.currency_code,
        status: "pending",
      })
    )
    const collection = await timed("payment module: create collection", () =>
      payments.createPaymentCollections({ currency_code: plan.price.currency_code, amount })
    )
    await timed("subscription: note the collection on the purchase", () =>
      subscriptions.updatePurchases({ id: purchase.id, payment_collection_id: collection.id })
    )
    const { data: [accountHolder] } = await timed("account holder (query.graph)", () =>
      query.graph({
        entity: "account_holder",
        fields: ["id", "provider_id", "external_id", "email", "data"],
        filters: { id: attempt.account_holder_id! },
      })
    )
    const session = await timed("payment module: create session (saved card, off-session)", () =>
      payments.createPaymentSession(collection.id, {
        provider_id: paymentProviderId(),
        currency_code: plan.price.currency_code,
        amount,
        data: { payment_method_id: attempt.payment_method_id, off_session: true, off_session_attempt: attempt.attempt },
        context: { account_holder: accountHolder as never },
      })
    )
    const payment = await timed("payment module: authorize and capture", () =>
      authorizeAndCapture(payments, session.id, amount)
    )
    if (!payment) {
      throw new Error("the emulator declined or left the authorization pending")
    }
    const period_end = new Date(new Date(attempt.period_start).getTime() + 30 * 86400000).toISOString()
    await timed("subscription: apply renewal (and read the subscription back)", () =>
      subscriptions.applyRenewal({
        subscription_id: subscription.id,
        period_start: attempt.period_start,
        period_end,
        product_id: plan.product_id,
        variant_id: plan.variant_id,
        amount,
        currency_code: plan.price.currency_code,
        purchase_id: purchase.id,
      })
    )
    await timed("subscription: complete renewal purchase", () =>
      subscriptions.completePurchase(purchase.id, {
        subscription_id: subscription.id,
        payment_collection_id: collection.id,
        payment_id: payment.id,
      })
    )
    await timed("lock: release the customer's lock", () => locking.release(lockKey))

    // ── the whole workflow, then the order subscriber it triggers
    const whole = await subscriber("workflow", i)
    const { result } = await timed("workflow renew-subscription (the steps above, with the workflow engine)", () =>
      renewSubscriptionWorkflow(container).run({
        input: { subscription_id: whole.subscription.id, customer_id: whole.customerId, now: whole.now, retry_days: [1, 3, 5] },
      })
    )
    if (result.outcome !== "renewed" || !result.purchase) {
      throw new Error(`the renewal of ${whole.subscription.id} ended ${result.outcome}`)
    }
    await timed("order subscriber (purchase.completed → Medusa order)", () => waitForOrder(subscriptions, result.purchase!.id))
  }

  fs.writeFileSync(process.env.BENCH_OUTPUT || "renewal-cost.json", JSON.stringify({ rows: medianRows(samples) }, null, 2))
}
