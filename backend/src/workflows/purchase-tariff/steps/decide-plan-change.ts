import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { isTrialPlan, planChangeFor } from "../../../lib/purchases"
import type { PlanForSale } from "../../../lib/tariffs"
import type { PlanChange } from "../../../modules/subscription"

export type PlanChangeDecision = {
  change: PlanChange
  credit_amount: number
  /** the price less the credit: what the promo code applies to */
  chargeable_amount: number
  effective_at: string
  subscription_id: string | null
  /** an upgrade whose credit exceeds the new price: the rest as time on the new period */
  extra_ms: number
  is_trial: boolean
}

/**
 * Under the customer's lock: what this purchase does to the live
 * subscription (new, extension, upgrade with the unused time credited, or a
 * change scheduled for the period end), or TRIAL_NOT_AVAILABLE. Changes
 * nothing; the grant re-checks that the live subscription is still this one.
 */
export const decidePlanChangeStep = createStep(
  "decide-plan-change",
  async (input: { customer_id: string; plan: PlanForSale }, { container }) => {
    const decision = await planChangeFor(container, input.customer_id, input.plan)
    return new StepResponse<PlanChangeDecision>({
      change: decision.change,
      credit_amount: decision.credit_amount,
      chargeable_amount: decision.chargeable_amount,
      effective_at: decision.effective_at.toISOString(),
      subscription_id: decision.subscription_id,
      extra_ms: decision.extra_ms,
      is_trial: isTrialPlan(input.plan),
    })
  }
)
