import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  SubscriptionEvents,
  TEMPLATE_OF_EVENT,
  type SubscriptionEventData,
  type SubscriptionEventName,
} from "../notifications/events"
import { subscriptionService } from "../lib/purchases"
import { PURCHASE_COMPLETED_EVENT } from "../workflows/purchase-tariff"
import {
  sendSubscriptionNotificationWorkflow,
  type NotificationRequest,
} from "../workflows/send-subscription-notification"

/** What to send for an event: a completed purchase is a receipt; a subscription event its template. */
async function requestOf(
  container: SubscriberArgs["container"],
  name: string,
  data: Record<string, unknown>
): Promise<NotificationRequest | null> {
  if (name === PURCHASE_COMPLETED_EVENT) {
    const purchase = await subscriptionService(container)
      .retrievePurchase(String(data.id))
      .catch(() => null)
    return purchase?.subscription_id
      ? { template: "receipt", subscription_id: purchase.subscription_id, purchase_id: purchase.id }
      : null
  }
  const event = data as SubscriptionEventData
  return { template: TEMPLATE_OF_EVENT[name as SubscriptionEventName], ...event }
}

/**
 * Sends the shopper's subscription notifications (on the worker): a receipt
 * for every completed purchase and renewal (`purchase.completed`), and one
 * per subscription event (src/notifications/events.ts). Each is sent once
 * per idempotency key, so a repeated delivery sends nothing more; a failure
 * is thrown for the event bus to retry (Redis, with `attempts`).
 */
export default async function subscriptionNotificationsHandler({
  event,
  container,
}: SubscriberArgs<Record<string, unknown>>) {
  const request = await requestOf(container, event.name, event.data)
  if (!request) {
    return
  }
  try {
    await sendSubscriptionNotificationWorkflow(container).run({ input: request })
  } catch (error) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`Could not send the ${request.template} notification of ${request.subscription_id}: ${(error as Error).message}`)
    throw error
  }
}

export const config: SubscriberConfig = {
  event: [PURCHASE_COMPLETED_EVENT, ...Object.values(SubscriptionEvents)],
  context: { subscriberId: "subscription-notifications" },
}
