import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { SUBSCRIPTION_EVENT_OPTIONS, SubscriptionEvents } from "../../notifications/events"
import { cancelSubscriptionStep } from "./steps/cancel-subscription"
import { refundProratedStep } from "./steps/refund-prorated"

export type CancelSubscriptionInput = {
  subscription_id: string
  /** a customer cancelling their own (others' are NOT_FOUND); null for an admin */
  customer_id: string | null
  /** `period_end` (default): access to the period end; `now`: ends now */
  at?: "now" | "period_end"
  /** with `at: "now"`: refund the unused part of the period */
  refund?: "none" | "prorated"
}

/**
 * Cancels a subscription (see the subscription module's README): at the
 * period end (the customer's cancel), or now with an optional prorated
 * refund through the Payment Module (an admin's). Ended ones answer
 * SUBSCRIPTION_NOT_ACTIVE. Announces `subscription.canceled`.
 */
export const cancelSubscriptionWorkflow = createWorkflow(
  "cancel-subscription",
  (input: CancelSubscriptionInput) => {
    const at = transform({ input }, ({ input }) => input.at ?? "period_end")
    const cancelled = cancelSubscriptionStep({
      subscription_id: input.subscription_id,
      customer_id: input.customer_id,
      at,
    })
    const refund = when("refund-if-prorated", { input, at }, ({ input, at }) => at === "now" && input.refund === "prorated").then(() =>
      refundProratedStep({
        before: cancelled.before,
        at: transform({ cancelled }, ({ cancelled }) => new Date(cancelled.subscription.ends_at).toISOString()),
      })
    )
    // the shopper is told (subscribers/subscription-notifications.ts)
    emitEventStep({
      eventName: SubscriptionEvents.CANCELED,
      data: transform({ cancelled, input }, ({ cancelled, input }) => ({
        subscription_id: cancelled.subscription.id,
        by: input.customer_id ? ("customer" as const) : ("admin" as const),
      })),
      options: SUBSCRIPTION_EVENT_OPTIONS,
    }).config({ name: "emit-subscription-canceled" })
    const result = transform({ cancelled, refund }, ({ cancelled, refund }) => ({
      subscription: cancelled.subscription,
      refund: refund ?? null,
    }))
    return new WorkflowResponse(result)
  }
)
