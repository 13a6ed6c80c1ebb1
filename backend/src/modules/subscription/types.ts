import type { InferTypeOf } from "@medusajs/framework/types"
import type { PeriodInterval } from "./lib/period"
import type { PurchaseKind } from "./models/purchase"
import type { Purchase, Subscription, SubscriptionPlan } from "./models"

/**
 * The subscription module's public types: what its service methods take and
 * return. Import them from the module (`../modules/subscription`).
 */

export type SubscriptionDTO = InferTypeOf<typeof Subscription>
export type PurchaseDTO = InferTypeOf<typeof Purchase>
export type SubscriptionPlanDTO = InferTypeOf<typeof SubscriptionPlan>

/** The saved card of a subscription (renewals, a later issue). */
export type PaymentMethod = { id: string; brand: string; last4: string }

export type GrantChange = Exclude<PurchaseKind, "renewal">

export type GrantOrExtendInput = {
  customer_id: string
  /** the tariff */
  product_id: string
  /** the plan bought */
  variant_id: string
  interval: PeriodInterval
  interval_count: number
  /** a free-period promo code: the period is this many days instead of the plan's */
  free_days?: number | null
  /** the purchase that pays for this grant; stored as `last_purchase_id` */
  purchase_id: string | null
  /** what the workflow decided (see lib/plan-change.ts); default "new" */
  change?: GrantChange
  /**
   * the live subscription the decision was made on (null: none). If the
   * customer's live subscription is another one by now, the grant is refused
   * (SUBSCRIPTION_CHANGED) instead of applying a stale decision.
   */
  expected_subscription_id?: string | null
  /** an upgrade: time added to the new period (a credit larger than the price) */
  extra_ms?: number
  /** the Trial plan */
  is_trial?: boolean
  /** what the new period is worth: charge plus credit (base of later credits and refunds) */
  amount?: number
  currency_code?: string | null
  /** the moment of the grant; defaults to the current time */
  now?: Date | string
}

/** A subscription row as plain JSON (dates as ISO strings), to restore it exactly. */
export type SubscriptionSnapshot = {
  id: string
  product_id: string
  variant_id: string
  status: string
  is_trial: boolean
  ends_at: string
  current_period_start: string
  period_amount: string | null
  currency_code: string | null
  cancel_at_period_end: boolean
  canceled_at: string | null
  pending_variant_id: string | null
  last_purchase_id: string | null
}

/**
 * What `grantOrExtend` changed, enough for `revertGrant` to undo it. Plain
 * JSON so it survives being stored as a workflow step's compensation input.
 */
export type GrantPrevious = {
  action: "created" | "extended" | "upgraded"
  customer_id: string
  purchase_id: string | null
  /** the subscription that carries the grant */
  subscription_id: string
  /** its `ends_at` right after the grant */
  granted_ends_at: string
  /** "extended" / "upgraded": the subscription as it was before */
  before: SubscriptionSnapshot | null
  /** live subscriptions whose end had passed and that the grant ended, with their status before */
  ended: { id: string; status: string }[]
}

export type GrantOrExtendResult = {
  subscription: SubscriptionDTO
  previous: GrantPrevious
  /** the period this grant paid for */
  period: { start: Date; end: Date }
}

export type RevertGrantResult = {
  /** false when there was nothing to undo (already reverted, or changed by a later grant) */
  reverted: boolean
}

export type CompletePurchaseInput = {
  subscription_id?: string | null
  payment_collection_id?: string | null
  payment_id?: string | null
  promocode_usage_id?: string | null
  order_id?: string | null
  period_start?: Date | null
  period_end?: Date | null
  completed_at?: Date
}

export type FailPurchaseInput = {
  failure_reason: string
  payment_collection_id?: string | null
  payment_id?: string | null
}

/** A state change of one subscription and how to undo it (`restoreSubscription`). */
export type SubscriptionChange = {
  subscription: SubscriptionDTO
  before: SubscriptionSnapshot
}
