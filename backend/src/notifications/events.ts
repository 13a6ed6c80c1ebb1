import type { NotificationTemplate } from "./templates"

/**
 * Domain events of a subscription that the shopper is told about (the
 * subscriber subscribers/subscription-notifications.ts sends them). Every
 * payload names the subscription; the rest says which occurrence it is.
 */
export const SubscriptionEvents = {
  /** a renewal charge was declined and will be retried: `{ subscription_id, purchase_id }` */
  PAYMENT_FAILED: "subscription.payment_failed",
  /** cancelled (at the period end, or now by an admin): `{ subscription_id, by }` */
  CANCELED: "subscription.canceled",
  /** ended without renewing: `{ subscription_id }` */
  EXPIRED: "subscription.expired",
  /** an auto-renewing paid period ends within the reminder lead time: `{ subscription_id, ends_at }` */
  RENEWAL_UPCOMING: "subscription.renewal_upcoming",
  /** a Trial ends within the reminder lead time: `{ subscription_id, ends_at }` */
  TRIAL_ENDING: "subscription.trial_ending",
} as const

/** Delivery of these events on the Redis event bus: retried, as `purchase.completed` is. */
export const SUBSCRIPTION_EVENT_OPTIONS = { attempts: 5, backoff: { type: "exponential", delay: 5000 } }

export type SubscriptionEventName = (typeof SubscriptionEvents)[keyof typeof SubscriptionEvents]

export type SubscriptionEventData = {
  subscription_id: string
  purchase_id?: string
  ends_at?: string
  by?: "customer" | "admin"
}

/** The template each subscription event is told with. */
export const TEMPLATE_OF_EVENT: Record<SubscriptionEventName, NotificationTemplate> = {
  [SubscriptionEvents.PAYMENT_FAILED]: "payment_failed",
  [SubscriptionEvents.CANCELED]: "subscription_canceled",
  [SubscriptionEvents.EXPIRED]: "subscription_expired",
  [SubscriptionEvents.RENEWAL_UPCOMING]: "renewal_reminder",
  [SubscriptionEvents.TRIAL_ENDING]: "trial_ending",
}

/**
 * The idempotency key of a notification: `<template>:<subscription id>:<which>`
 * where `which` is the purchase (receipt, payment failed), the period end
 * (reminders, expiry) or the cancel time. Every sender builds keys here, so a
 * twice-delivered event or a reminder pass run twice sends one notification.
 */
export function notificationKey(template: NotificationTemplate, subscriptionId: string, which: string | Date): string {
  return `${template}:${subscriptionId}:${which instanceof Date ? which.toISOString() : which}`
}
