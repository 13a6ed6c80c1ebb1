import { model } from "@medusajs/framework/utils"

/** What an admin or the customer did to a subscription that its row does not keep. */
export const SUBSCRIPTION_EVENT_TYPES = [
  /** cancelled at the period end (access to then) */
  "canceled",
  /** ended at once */
  "canceled_now",
  /** a cancel at the period end undone */
  "resumed",
  /** a cheaper plan scheduled for the period end (`data.variant_id`; null: the schedule cleared) */
  "plan_change_scheduled",
] as const
export type SubscriptionEventType = (typeof SUBSCRIPTION_EVENT_TYPES)[number]

/**
 * The subscription's history of cancels, resumes and scheduled plan changes,
 * one row per change, written in the transaction of the change
 * (parts/lifecycle.ts). Append-only: the one delete is the undo of the same
 * change (`restoreSubscription` removes the event whose `previous` it writes
 * back), so a compensated workflow leaves no event behind. Purchases,
 * renewals, declines and refunds have records of their own.
 */
export const SubscriptionEvent = model
  .define("subscription_event", {
    id: model.id({ prefix: "subev" }).primaryKey(),
    subscription_id: model.text(),
    type: model.enum([...SUBSCRIPTION_EVENT_TYPES]),
    data: model.json().nullable(),
    /** the subscription as it was before (a SubscriptionSnapshot) */
    previous: model.json(),
  })
  .indexes([{ name: "IDX_subscription_event_subscription_id_created_at", on: ["subscription_id", "created_at"] }])
