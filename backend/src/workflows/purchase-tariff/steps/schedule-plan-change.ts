import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SUBSCRIPTION_MODULE, type SubscriptionSnapshot } from "../../../modules/subscription"
import type SubscriptionModuleService from "../../../modules/subscription/service"

export type SchedulePlanChangeInput = {
  customer_id: string
  subscription_id: string
  variant_id: string
}

/**
 * A cheaper plan: the live subscription switches to it at its period end
 * (`pending_variant_id`), nothing is charged now; a second change replaces
 * the first. Compensation restores the subscription as it was.
 */
export const schedulePlanChangeStep = createStep(
  "schedule-plan-change",
  async (input: SchedulePlanChangeInput, { container }) => {
    const subscriptions = container.resolve<SubscriptionModuleService>(SUBSCRIPTION_MODULE)
    const { subscription, before } = await subscriptions.schedulePlanChange(input)
    return new StepResponse(subscription, before)
  },
  async (before: SubscriptionSnapshot | undefined, { container }) => {
    if (!before) return
    const subscriptions = container.resolve<SubscriptionModuleService>(SUBSCRIPTION_MODULE)
    await subscriptions.restoreSubscription(before)
  }
)
