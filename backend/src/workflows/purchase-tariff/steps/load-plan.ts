import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { hasCompletedPurchase } from "../../../lib/purchases"
import { planForSale } from "../../../lib/tariffs"

export type LoadPlanInput = {
  customer_id: string
  variant_id: string
  region_id?: string | null
  sales_channel_ids: string[] | null
}

/**
 * The plan being bought with its price in the region's currency, from the
 * catalog cache the preview reads (so the purchase charges what the preview
 * showed), and whether the customer completed a purchase before (for
 * first-purchase-only codes).
 */
export const loadPlanStep = createStep(
  "load-plan-for-purchase",
  async (input: LoadPlanInput, { container }) => {
    const plan = await planForSale(container, {
      variantId: input.variant_id,
      regionId: input.region_id,
      salesChannelIds: input.sales_channel_ids,
    })
    const has_prior_purchase = await hasCompletedPurchase(container, input.customer_id)
    return new StepResponse({ plan, has_prior_purchase })
  }
)
