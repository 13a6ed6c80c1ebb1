import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { subscriptionService } from "../../../lib/purchases"
import type { RenewalAttempt, RenewalUndo, SubscriptionDTO } from "../../../modules/subscription"
import type { SavedCardCharge } from "./charge-saved-card"
import type { RenewalPlan } from "./load-renewal-plan"

export type SettleRenewalInput = {
  attempt: RenewalAttempt
  plan: RenewalPlan
  purchase_id: string
  charge: SavedCardCharge
  retry_days: number[]
  now: string
}

/**
 * Moves the subscription: a paid renewal starts the new period on the
 * renewal plan (`active`); a decline makes it `past_due` with the next retry,
 * or `expired` when none is left. Both are refused (SUBSCRIPTION_CHANGED) if
 * the subscription no longer waits for this period. Compensation restores it.
 */
export const settleRenewalStep = createStep(
  "settle-renewal",
  async (input: SettleRenewalInput, { container }) => {
    const service = subscriptionService(container)
    const { attempt, plan } = input
    const change = input.charge.approved
      ? await service.applyRenewal({
          subscription_id: attempt.subscription_id,
          period_start: plan.period_start,
          period_end: plan.period_end,
          product_id: plan.product_id,
          variant_id: plan.variant_id,
          amount: plan.price.amount,
          currency_code: plan.price.currency_code,
          purchase_id: input.purchase_id,
        })
      : await service.declineRenewal({
          subscription_id: attempt.subscription_id,
          period_start: plan.period_start,
          retry_days: input.retry_days,
          now: input.now,
        })
    return new StepResponse<SubscriptionDTO, RenewalUndo>(change.subscription, change.before)
  },
  async (before, { container }) => {
    if (!before) return
    await subscriptionService(container).restoreRenewal(before)
  }
)
