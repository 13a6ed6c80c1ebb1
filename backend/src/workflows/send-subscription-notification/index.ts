import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { buildNotificationStep, type NotificationRequest } from "./steps/build-notification"
import { sendNotificationStep } from "./steps/send-notification"

export type { NotificationRequest } from "./steps/build-notification"

/**
 * Tells the shopper about one subscription occasion (a receipt, a reminder,
 * a declined renewal, a cancel, an expiry, a Trial ending): builds the
 * notification from the current state in the customer's language and sends
 * it through the Notification Module (channel `email`) once per
 * idempotency key. `sent: false` when it was sent before or there is nothing
 * to tell any more.
 */
export const sendSubscriptionNotificationWorkflow = createWorkflow(
  "send-subscription-notification",
  (input: NotificationRequest) => {
    const notification = buildNotificationStep(input)
    const sent = when("notification-to-send", { notification }, ({ notification }) => !!notification).then(() =>
      sendNotificationStep(transform({ notification }, ({ notification }) => notification!))
    )
    return new WorkflowResponse(
      transform({ sent, notification }, ({ sent, notification }) => ({
        id: sent?.id ?? null,
        sent: sent?.sent ?? false,
        idempotency_key: notification?.idempotency_key ?? null,
      }))
    )
  }
)
