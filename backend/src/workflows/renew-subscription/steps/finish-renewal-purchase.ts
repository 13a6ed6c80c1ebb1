import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { subscriptionService } from "../../../lib/purchases"
import type { SavedCardCharge } from "./charge-saved-card"
import type { RenewalPlan } from "./load-renewal-plan"

/**
 * The renewal purchase's outcome: completed with its payment and period, or
 * failed with the decline reason (every attempt stays a purchase row).
 */
export const finishRenewalPurchaseStep = createStep(
  "finish-renewal-purchase",
  async (
    input: { purchase_id: string; subscription_id: string; plan: RenewalPlan; charge: SavedCardCharge },
    { container }
  ) => {
    const service = subscriptionService(container)
    const { charge } = input
    const purchase = charge.approved
      ? await service.completePurchase(input.purchase_id, {
          subscription_id: input.subscription_id,
          payment_collection_id: charge.payment_collection_id,
          payment_id: charge.payment_id,
          period_start: new Date(input.plan.period_start),
          period_end: new Date(input.plan.period_end),
        })
      : await service.failPurchase(input.purchase_id, {
          failure_reason: charge.reason,
          payment_collection_id: charge.payment_collection_id,
        })
    return new StepResponse(purchase)
  }
)
