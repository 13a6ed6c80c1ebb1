import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { isTrialPlan, planChangeFor } from "../../../lib/purchases"
import { planForSale, type PlanForSale } from "../../../lib/tariffs"
import type { PlanChange } from "../../../modules/subscription"

export type PreparePurchaseInput = {
  customer_id: string
  variant_id: string
  region_id?: string | null
  sales_channel_ids: string[] | null
}

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
 * Under the customer's lock, reads only: the plan being bought with its price
 * in the region's currency, from the catalog cache the preview reads (so the
 * purchase charges what the preview showed); what the purchase does to the
 * live subscription (new, extension, upgrade with the unused time credited,
 * or a change scheduled for the period end), or TRIAL_NOT_AVAILABLE; and
 * whether the customer completed a purchase before (first-purchase-only
 * codes). The grant re-checks that the live subscription is still this one.
 */
export const preparePurchaseStep = createStep(
  "prepare-purchase",
  async (input: PreparePurchaseInput, { container }) => {
    const plan: PlanForSale = await planForSale(container, {
      variantId: input.variant_id,
      regionId: input.region_id,
      salesChannelIds: input.sales_channel_ids,
    })
    const decision = await planChangeFor(container, input.customer_id, plan)
    return new StepResponse({
      plan,
      has_prior_purchase: decision.has_prior_purchase,
      decision: {
        change: decision.change,
        credit_amount: decision.credit_amount,
        chargeable_amount: decision.chargeable_amount,
        effective_at: decision.effective_at.toISOString(),
        subscription_id: decision.subscription_id,
        extra_ms: decision.extra_ms,
        is_trial: isTrialPlan(plan),
      } satisfies PlanChangeDecision,
    })
  }
)
