import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SUBSCRIPTION_MODULE } from "../../../modules/subscription"
import type SubscriptionModuleService from "../../../modules/subscription/service"
import type { PlanForSale } from "../../../lib/tariffs"

export type GrantSubscriptionInput = {
  customer_id: string
  purchase_id: string
  plan: PlanForSale
  /** a free-period promo code grants this many days instead of the plan's period */
  free_days?: number | null
}

/**
 * Grants the tariff: extends an active subscription of the same tariff from
 * its end, or replaces another tariff's from now (see the subscription
 * module). Compensation undoes exactly this grant.
 */
export const grantSubscriptionStep = createStep(
  "grant-subscription",
  async (input: GrantSubscriptionInput, { container }) => {
    const subscriptions = container.resolve<SubscriptionModuleService>(SUBSCRIPTION_MODULE)
    const { subscription, previous } = await subscriptions.grantOrExtend({
      customer_id: input.customer_id,
      product_id: input.plan.product_id,
      variant_id: input.plan.variant_id,
      interval: input.plan.interval,
      interval_count: input.plan.interval_count,
      free_days: input.free_days ?? undefined,
      purchase_id: input.purchase_id,
    })
    return new StepResponse(subscription, previous)
  },
  async (previous, { container }) => {
    if (!previous) return
    const subscriptions = container.resolve<SubscriptionModuleService>(SUBSCRIPTION_MODULE)
    await subscriptions.revertGrant(previous)
  }
)
