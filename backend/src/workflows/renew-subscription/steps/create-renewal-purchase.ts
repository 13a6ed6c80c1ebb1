import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { subscriptionService } from "../../../lib/purchases"
import type { RenewalAttempt } from "../../../modules/subscription"
import type { RenewalPlan } from "./load-renewal-plan"

/**
 * Records the renewal as a pending `renewal` purchase for its period. The
 * unique index on (subscription_id, period_start) of renewals that have not
 * failed refuses a second one for the same period, whatever ran twice.
 * Compensation marks it failed (`renewal_error`); a purchase is never erased.
 */
export const createRenewalPurchaseStep = createStep(
  "create-renewal-purchase",
  async (input: { attempt: RenewalAttempt; plan: RenewalPlan }, { container }) => {
    const { attempt, plan } = input
    const purchase = await subscriptionService(container).createPurchases({
      customer_id: attempt.customer_id,
      subscription_id: attempt.subscription_id,
      product_id: plan.product_id,
      variant_id: plan.variant_id,
      interval: plan.interval,
      interval_count: plan.interval_count,
      kind: "renewal",
      period_start: new Date(plan.period_start),
      period_end: new Date(plan.period_end),
      // a repeating or forever code's discount: the code, the price before it
      original_amount: plan.discount?.original_amount ?? plan.price.amount,
      credit_amount: 0,
      discount_amount: plan.discount?.discount_amount ?? 0,
      promocode: plan.discount?.code ?? null,
      total: plan.price.amount,
      currency_code: plan.price.currency_code,
      status: "pending",
    })
    return new StepResponse(purchase, purchase.id)
  },
  async (purchaseId, { container }) => {
    if (!purchaseId) return
    const purchase = await subscriptionService(container).retrievePurchase(purchaseId)
    if (purchase.status === "pending") {
      await subscriptionService(container).failPurchase(purchaseId, { failure_reason: "renewal_error" })
    }
  }
)
