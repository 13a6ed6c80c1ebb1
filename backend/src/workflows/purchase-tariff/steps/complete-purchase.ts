import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PROMOCODE_MODULE, type PromocodeModuleService } from "../../../modules/promocode"
import { SUBSCRIPTION_MODULE } from "../../../modules/subscription"
import type SubscriptionModuleService from "../../../modules/subscription/service"
import type { ChargeResult } from "./charge-payment"

export type CompletePurchaseInput = {
  purchase_id: string
  usage_id: string | null
  subscription_id: string
  payment: ChargeResult
  period: { start: string; end: string }
}

/** Makes the promo code use final and marks the purchase completed. */
export const completePurchaseStep = createStep(
  "complete-purchase",
  async (input: CompletePurchaseInput, { container }) => {
    if (input.usage_id) {
      const promocodes = container.resolve<PromocodeModuleService>(PROMOCODE_MODULE)
      await promocodes.redeem(input.usage_id, { purchase_id: input.purchase_id })
    }
    const subscriptions = container.resolve<SubscriptionModuleService>(SUBSCRIPTION_MODULE)
    const purchase = await subscriptions.completePurchase(input.purchase_id, {
      subscription_id: input.subscription_id,
      payment_collection_id: input.payment?.payment_collection_id ?? null,
      payment_id: input.payment?.payment_id ?? null,
      period_start: new Date(input.period.start),
      period_end: new Date(input.period.end),
    })
    return new StepResponse(purchase)
  }
)
