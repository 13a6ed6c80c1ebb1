import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { checkIdempotencyStep } from "./steps/check-idempotency"
import { chargePaymentStep } from "./steps/charge-payment"
import { completePurchaseStep } from "./steps/complete-purchase"
import { createPurchaseStep } from "./steps/create-purchase"
import { grantSubscriptionStep } from "./steps/grant-subscription"
import { loadPlanStep } from "./steps/load-plan"
import { reservePromocodeStep } from "./steps/reserve-promocode"

export const PURCHASE_COMPLETED_EVENT = "purchase.completed"

export type PurchaseTariffInput = {
  customer_id: string
  variant_id: string
  promocode?: string | null
  payment_token?: string | null
  idempotency_key: string
  region_id?: string | null
  /** the publishable key's channels; null for an admin acting on any channel */
  sales_channel_ids: string[] | null
}

/**
 * A customer buys a tariff plan (see DESIGN.md, "Purchase workflow"). Every
 * step with a side effect has a compensation, so a failure at any point leaves
 * no reservation held, no payment kept and no tariff granted, and the purchase
 * recorded as failed.
 */
export const purchaseTariffWorkflow = createWorkflow(
  "purchase-tariff",
  (input: PurchaseTariffInput) => {
    const lockKey = transform({ input }, ({ input }) => `purchase:customer:${input.customer_id}`)
    // The lock holds also when this runs inside another workflow (admin assignment).
    acquireLockStep({ key: lockKey, timeout: 15, ttl: 120, executeOnSubWorkflow: true })

    checkIdempotencyStep({
      customer_id: input.customer_id,
      idempotency_key: input.idempotency_key,
    })

    const { plan, has_prior_purchase } = loadPlanStep({
      customer_id: input.customer_id,
      variant_id: input.variant_id,
      region_id: input.region_id,
      sales_channel_ids: input.sales_channel_ids,
    })

    const price = reservePromocodeStep({
      code: input.promocode,
      customer_id: input.customer_id,
      plan,
      has_prior_purchase,
    })

    const purchase = createPurchaseStep({
      customer_id: input.customer_id,
      idempotency_key: input.idempotency_key,
      plan,
      price,
    })

    const payment = chargePaymentStep({
      purchase_id: purchase.id,
      amount: price.total,
      currency_code: price.currency_code,
      token: input.payment_token,
    })

    const freeDays = transform({ price }, ({ price }) =>
      price.promocode?.type === "free_period" ? price.promocode.free_days : null
    )
    const subscription = grantSubscriptionStep({
      customer_id: input.customer_id,
      purchase_id: purchase.id,
      plan,
      free_days: freeDays,
    })

    const completed = completePurchaseStep({
      purchase_id: purchase.id,
      usage_id: price.usage_id,
      subscription_id: subscription.id,
      payment,
    })

    // Redis event bus: retried with backoff if the order subscriber fails.
    emitEventStep({
      eventName: PURCHASE_COMPLETED_EVENT,
      data: { id: completed.id },
      options: { attempts: 5, backoff: { type: "exponential", delay: 5000 } },
    })
    releaseLockStep({ key: lockKey, executeOnSubWorkflow: true })

    return new WorkflowResponse({ purchase: completed, subscription })
  }
)
