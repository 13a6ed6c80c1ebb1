import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SUBSCRIPTION_MODULE } from "../../../modules/subscription"
import type SubscriptionModuleService from "../../../modules/subscription/service"
import type { SetPurchaseOrderInput } from "./set-purchase-order"

/**
 * set-purchase-order for a batch: every recorded order's id on its purchase
 * in one call. Compensation clears them again.
 */
export const setPurchaseOrdersStep = createStep(
  "set-purchase-orders",
  async (input: SetPurchaseOrderInput[], { container }) => {
    const subscriptions = container.resolve<SubscriptionModuleService>(SUBSCRIPTION_MODULE)
    await subscriptions.updatePurchases(input.map(({ purchase_id, order_id }) => ({ id: purchase_id, order_id })))
    return new StepResponse(
      input,
      input.map((assignment) => assignment.purchase_id)
    )
  },
  async (purchaseIds, { container }) => {
    if (!purchaseIds?.length) return
    const subscriptions = container.resolve<SubscriptionModuleService>(SUBSCRIPTION_MODULE)
    await subscriptions.updatePurchases(purchaseIds.map((id) => ({ id, order_id: null })))
  }
)
