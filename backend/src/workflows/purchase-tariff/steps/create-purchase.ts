import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SUBSCRIPTION_MODULE } from "../../../modules/subscription"
import type SubscriptionModuleService from "../../../modules/subscription/service"
import type { PlanForSale } from "../../../lib/tariffs"
import type { PlanChangeDecision } from "./prepare-purchase"
import type { PriceBreakdown } from "./reserve-promocode"

export type CreatePurchaseInput = {
  customer_id: string
  idempotency_key: string
  plan: PlanForSale
  /** the promo code applied to the price less the credit */
  price: PriceBreakdown
  decision: PlanChangeDecision
}

/**
 * Records the purchase as pending, with its kind (new, extension, upgrade):
 * `original_amount` is the plan's price, `credit_amount` the unused time
 * credited on an upgrade, `total` what is charged. If a later step fails, compensation marks
 * it failed (a step that knows the reason, e.g. a declined payment, has
 * already recorded it); a purchase is never erased.
 */
export const createPurchaseStep = createStep(
  "create-pending-purchase",
  async (input: CreatePurchaseInput, { container }) => {
    const subscriptions = container.resolve<SubscriptionModuleService>(SUBSCRIPTION_MODULE)
    const purchase = await subscriptions.createPurchases({
      customer_id: input.customer_id,
      idempotency_key: input.idempotency_key,
      product_id: input.plan.product_id,
      variant_id: input.plan.variant_id,
      interval: input.plan.interval,
      interval_count: input.plan.interval_count,
      kind: input.decision.change === "scheduled" ? "new" : input.decision.change,
      original_amount: input.plan.price.amount,
      credit_amount: input.decision.credit_amount,
      discount_amount: input.price.discount_amount,
      total: input.price.total,
      currency_code: input.price.currency_code,
      promocode: input.price.promocode?.code ?? null,
      promocode_usage_id: input.price.usage_id,
      status: "pending",
    })
    return new StepResponse(purchase, purchase.id)
  },
  async (purchaseId, { container }) => {
    if (!purchaseId) return
    const subscriptions = container.resolve<SubscriptionModuleService>(SUBSCRIPTION_MODULE)
    await subscriptions.failPurchase(purchaseId, { failure_reason: "aborted" })
  }
)
