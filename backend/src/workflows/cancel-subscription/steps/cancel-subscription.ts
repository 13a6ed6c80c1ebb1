import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SUBSCRIPTION_MODULE, type SubscriptionSnapshot } from "../../../modules/subscription"
import type SubscriptionModuleService from "../../../modules/subscription/service"

export type CancelSubscriptionStepInput = {
  subscription_id: string
  /** the owner (a customer cancelling); null for an admin */
  customer_id: string | null
  at: "now" | "period_end"
}

/**
 * `period_end`: access lasts to the period end, then `canceled`; `now`: the
 * subscription ends now as `canceled`. Returns the subscription and what it
 * was before; compensation writes that back.
 */
export const cancelSubscriptionStep = createStep(
  "cancel-subscription",
  async (input: CancelSubscriptionStepInput, { container }) => {
    const subscriptions = container.resolve<SubscriptionModuleService>(SUBSCRIPTION_MODULE)
    const { subscription, before } =
      input.at === "now"
        ? await subscriptions.cancelNow(input.subscription_id)
        : await subscriptions.cancelAtPeriodEnd(input.subscription_id, {
            customer_id: input.customer_id,
          })
    return new StepResponse({ subscription, before }, before)
  },
  async (before: SubscriptionSnapshot | undefined, { container }) => {
    if (!before) return
    const subscriptions = container.resolve<SubscriptionModuleService>(SUBSCRIPTION_MODULE)
    await subscriptions.restoreSubscription(before)
  }
)
