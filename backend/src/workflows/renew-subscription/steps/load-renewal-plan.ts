import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { periodEnd } from "../../../modules/subscription/lib/period"
import { planForSale, type PlanForSale } from "../../../lib/tariffs"
import type { RenewalAttempt } from "../../../modules/subscription"

export type RenewalPlan = PlanForSale & { period_start: string; period_end: string }

/**
 * The plan the renewal charges (`pending_variant_id ?? variant_id`; the
 * Trial: the plan it converts to) at today's catalog price, and the period it
 * pays for: from the old period end, one period of that plan.
 */
export const loadRenewalPlanStep = createStep(
  "load-renewal-plan",
  async (attempt: RenewalAttempt, { container }) => {
    if (!attempt.variant_id) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Subscription ${attempt.subscription_id} has no plan to renew to.`,
        "PLAN_NOT_FOUND"
      )
    }
    const plan = await planForSale(container, { variantId: attempt.variant_id, salesChannelIds: null })
    const start = new Date(attempt.period_start)
    const end = periodEnd(start, { interval: plan.interval, interval_count: plan.interval_count })
    return new StepResponse<RenewalPlan>({
      ...plan,
      period_start: start.toISOString(),
      period_end: end.toISOString(),
    })
  }
)
