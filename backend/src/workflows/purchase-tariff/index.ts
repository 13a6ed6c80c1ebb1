import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { checkIdempotencyStep } from "./steps/check-idempotency"
import { chargePaymentStep } from "./steps/charge-payment"
import { completePurchaseStep } from "./steps/complete-purchase"
import { createPurchaseStep } from "./steps/create-purchase"
import { grantSubscriptionStep } from "./steps/grant-subscription"
import { preparePurchaseStep } from "./steps/prepare-purchase"
import { reservePromocodeStep } from "./steps/reserve-promocode"
import { saveCardForRenewalStep } from "./steps/save-card-for-renewal"
import { schedulePlanChangeStep } from "./steps/schedule-plan-change"

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
  /** renewals: the shopper's choice (see steps/save-card-for-renewal.ts); unset: renewal settings untouched */
  save_card?: boolean
  auto_renew?: boolean | null
  convert_to_variant_id?: string | null
}

/**
 * A customer buys a tariff plan (see docs/ARCHITECTURE.md, "The purchase path"): a new
 * subscription, one more period, an upgrade now with the unused time
 * credited, or a cheaper plan scheduled for the period end (nothing charged;
 * `purchase` is null). Every
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

    const { plan, has_prior_purchase, decision } = preparePurchaseStep({
      customer_id: input.customer_id,
      variant_id: input.variant_id,
      region_id: input.region_id,
      sales_channel_ids: input.sales_channel_ids,
    })

    // A cheaper plan is scheduled for the period end: nothing reserved or charged.
    const scheduled = when("schedule-cheaper-plan", { decision }, ({ decision }) => decision.change === "scheduled").then(
      () =>
        schedulePlanChangeStep({
          customer_id: input.customer_id,
          subscription_id: decision.subscription_id as string,
          variant_id: input.variant_id,
        })
    )

    const charged = when("charge-for-plan", { decision }, ({ decision }) => decision.change !== "scheduled").then(() => {
      // The promo code applies to what is charged now: the price less the credit.
      const chargeablePlan = transform({ plan, decision }, ({ plan, decision }) => ({
        ...plan,
        price: { ...plan.price, amount: decision.chargeable_amount },
      }))
      const price = reservePromocodeStep({
        code: input.promocode,
        customer_id: input.customer_id,
        plan: chargeablePlan,
        has_prior_purchase,
      })

      const purchase = createPurchaseStep({
        customer_id: input.customer_id,
        idempotency_key: input.idempotency_key,
        plan,
        price,
        decision,
      })

      const payment = chargePaymentStep({
        purchase_id: purchase.id,
        amount: price.total,
        currency_code: price.currency_code,
        token: input.payment_token,
      })

      const grantInput = transform({ price, decision }, ({ price, decision }) => ({
        free_days: price.promocode?.type === "free_period" ? price.promocode.free_days : null,
        amount: price.total + decision.credit_amount,
      }))
      const granted = grantSubscriptionStep({
        customer_id: input.customer_id,
        purchase_id: purchase.id,
        plan,
        free_days: grantInput.free_days,
        decision,
        amount: grantInput.amount,
      })

      const renewing = saveCardForRenewalStep({
        save_card: input.save_card ?? false,
        auto_renew: input.auto_renew,
        convert_to_variant_id: input.convert_to_variant_id,
        token: input.payment_token,
        customer_id: input.customer_id,
        subscription_id: granted.subscription.id,
        plan,
        sales_channel_ids: input.sales_channel_ids,
        promocode: price.promocode,
      })

      const completed = completePurchaseStep({
        purchase_id: purchase.id,
        usage_id: price.usage_id,
        subscription_id: granted.subscription.id,
        payment,
        period: granted.period,
      })

      // Redis event bus: retried with backoff if the order subscriber fails.
      emitEventStep({
        eventName: PURCHASE_COMPLETED_EVENT,
        data: { id: completed.id },
        options: { attempts: 5, backoff: { type: "exponential", delay: 5000 } },
      })
      return { purchase: completed, subscription: renewing }
    })
    releaseLockStep({ key: lockKey, executeOnSubWorkflow: true })

    const result = transform({ decision, scheduled, charged }, ({ decision, scheduled, charged }) => ({
      change: decision.change,
      credit_amount: decision.credit_amount,
      effective_at: decision.effective_at,
      purchase: charged?.purchase ?? null,
      subscription: charged?.subscription ?? scheduled!,
    }))
    return new WorkflowResponse(result)
  }
)
