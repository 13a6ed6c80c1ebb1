/**
 * Shapes of the subscription lifecycle in the admin API (DESIGN.md, "Subscription
 * lifecycle" and "Subscription API"). Kept apart from `types.ts`, which is generated
 * from the route schemas; these join it once the schemas carry the lifecycle.
 */
import type { Amount } from "./types"

export type LifecycleStatus = "trialing" | "active" | "past_due" | "canceled" | "expired"

/** Statuses that give access; a customer has at most one subscription in them. */
export const LIVE_STATUSES: LifecycleStatus[] = ["trialing", "active", "past_due"]

export type LifecycleSubscription = {
  id: string
  status: LifecycleStatus
  customer_id: string
  product_id?: string | null
  variant_id: string
  product_title?: string | null
  variant_title?: string | null
  current_period_start: string
  current_period_end: string
  cancel_at_period_end: boolean
  pending_variant_id: string | null
  payment_method: { id: string; brand: string; last4: string } | null
  next_charge: { at: string; amount: Amount; currency_code: string } | null
}

/** What a charge paid for. */
export type PurchaseKind = "new" | "extension" | "upgrade" | "renewal"

/** A purchase with the lifecycle's fields (the rest as `types.ts` has it). */
export type PurchaseWithKind = {
  kind?: PurchaseKind | null
  period_start?: string | null
  period_end?: string | null
}

/** `POST /admin/subscriptions/:id/cancel`. */
export type CancelSubscriptionInput = {
  at: "now" | "period_end"
  refund?: "none" | "prorated"
}

/** What `POST /admin/subscriptions/:id/cancel` answers; `refund` is null without one. */
export type CancelSubscriptionResponse = {
  subscription: LifecycleSubscription
  refund: { amount: Amount; currency_code: string | null } | null
}
