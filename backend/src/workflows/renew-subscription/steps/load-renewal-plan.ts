import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { periodEnd } from "../../../modules/subscription/lib/period"
import { planForSale, type PlanForSale } from "../../../lib/tariffs"
import { renewalDiscount } from "../../../lib/renewal-discount"
import type { RenewalAttempt } from "../../../modules/subscription"

export type RenewalPlan = PlanForSale & {
  period_start: string
  period_end: string
  /** the promo code discount taken off `price.amount` (a repeating or forever code) */
  discount: { promocode_id: string; code: string; original_amount: number; discount_amount: number } | null
}

/**
 * The plan the renewal charges (`pending_variant_id ?? variant_id`; the
 * Trial: the plan it converts to) at today's catalog price less the promo
 * code discount that continues (a repeating or forever code), and the period
 * it pays for: from the old period end, one period of that plan. Null when
 * that plan is no longer for sale (PLAN_NOT_FOUND): there is no price to charge.
 */
const PLAN_NOT_FOUND = "PLAN_NOT_FOUND"

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
    const plan = await planForSale(container, { variantId: attempt.variant_id, salesChannelIds: null }).catch(
      (error: { code?: string }) => {
        if (error?.code === PLAN_NOT_FOUND) return null
        throw error
      }
    )
    if (!plan) {
      // taken off sale, unpublished or priceless: nothing can be charged, the
      // subscription ends at its period end (the workflow's "renewal-unsold")
      return new StepResponse<RenewalPlan | null>(null)
    }
    const start = new Date(attempt.period_start)
    const end = periodEnd(start, { interval: plan.interval, interval_count: plan.interval_count })
    const off = renewalDiscount(plan.price.amount, plan.price.currency_code, attempt.discount)
    return new StepResponse<RenewalPlan | null>({
      ...plan,
      price: off ? { ...plan.price, amount: off.total } : plan.price,
      period_start: start.toISOString(),
      period_end: end.toISOString(),
      discount:
        off && attempt.discount
          ? {
              promocode_id: attempt.discount.promocode_id,
              code: attempt.discount.code,
              original_amount: plan.price.amount,
              discount_amount: off.discount_amount,
            }
          : null,
    })
  }
)
