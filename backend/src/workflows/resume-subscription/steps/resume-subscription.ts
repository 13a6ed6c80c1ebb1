import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SUBSCRIPTION_MODULE, type SubscriptionSnapshot } from "../../../modules/subscription"
import type SubscriptionModuleService from "../../../modules/subscription/service"

/** Clears a cancel at the period end; compensation puts it back. */
export const resumeSubscriptionStep = createStep(
  "resume-subscription",
  async (input: { subscription_id: string; customer_id: string | null }, { container }) => {
    const subscriptions = container.resolve<SubscriptionModuleService>(SUBSCRIPTION_MODULE)
    const { subscription, before } = await subscriptions.resume(input.subscription_id, {
      customer_id: input.customer_id,
    })
    return new StepResponse(subscription, before)
  },
  async (before: SubscriptionSnapshot | undefined, { container }) => {
    if (!before) return
    const subscriptions = container.resolve<SubscriptionModuleService>(SUBSCRIPTION_MODULE)
    await subscriptions.restoreSubscription(before)
  }
)
