import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SUBSCRIPTION_MODULE } from "../../../modules/subscription"
import type SubscriptionModuleService from "../../../modules/subscription/service"

export type SetPurchaseOrderInput = {
  purchase_id: string
  order_id: string
}

/**
 * Stores the recorded order's id on the purchase; from then on the purchase
 * counts as recorded and the workflow leaves it alone. Compensation clears it
 * again, so a purchase whose order was rolled back is recorded on a retry.
 */
export const setPurchaseOrderStep = createStep(
  "set-purchase-order",
  async (input: SetPurchaseOrderInput, { container }) => {
    const subscriptions = container.resolve<SubscriptionModuleService>(SUBSCRIPTION_MODULE)
    await subscriptions.updatePurchases({ id: input.purchase_id, order_id: input.order_id })
    return new StepResponse(input.order_id, input.purchase_id)
  },
  async (purchaseId, { container }) => {
    if (!purchaseId) return
    const subscriptions = container.resolve<SubscriptionModuleService>(SUBSCRIPTION_MODULE)
    await subscriptions.updatePurchases({ id: purchaseId, order_id: null })
  }
)
