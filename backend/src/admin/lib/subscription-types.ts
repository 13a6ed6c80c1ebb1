/**
 * The subscription lifecycle as the admin pages name it (DESIGN.md, "Subscription
 * lifecycle"), derived from the backend's schemas through `types.ts`: nothing is
 * retyped here. Type-only imports: no backend code enters the admin bundle.
 */
import type { LIVE_STATUSES as BACKEND_LIVE_STATUSES } from "../../modules/subscription/models/subscription"
import type {
  AdminCancelSubscriptionResponse,
  CancelSubscriptionPayload,
  Purchase,
  Subscription,
  SubscriptionStatus,
} from "./types"

export type { PurchaseKind } from "./types"

export type LifecycleStatus = SubscriptionStatus

/**
 * Statuses that give access; a customer has at most one subscription in them. The
 * backend's list, written out for the bundle (the compiler checks it is the same).
 */
export const LIVE_STATUSES: readonly LifecycleStatus[] = [
  "trialing",
  "active",
  "past_due",
] as const satisfies typeof BACKEND_LIVE_STATUSES

/** A subscription as the lists show it (with titles) and the cancel prompt takes it. */
export type LifecycleSubscription = Subscription

/** The lifecycle's fields of a purchase. */
export type PurchaseWithKind = Pick<Purchase, "kind" | "period_start" | "period_end">

/** `POST /admin/subscriptions/:id/cancel`. */
export type CancelSubscriptionInput = CancelSubscriptionPayload

/** What `POST /admin/subscriptions/:id/cancel` answers; `refund` is null without one. */
export type CancelSubscriptionResponse = AdminCancelSubscriptionResponse
