/**
 * Shapes of the purchase routes (DESIGN.md, API contract), after `lib/data/purchases.ts`
 * normalized them: amounts are numbers in major units, dates are ISO strings.
 */

export type PromocodeType = "percentage" | "fixed" | "free_period"

/** The promo code a price was computed with. */
export type AppliedPromocode = {
  code: string
  type: PromocodeType | null
  value: number | null
}

/**
 * What buying a plan does to the customer's subscription (DESIGN.md, Subscription
 * lifecycle): a first subscription, one more period of the current plan, a dearer plan now
 * (with the unused time credited), or a cheaper plan from the period end.
 */
export type PlanChange = "new" | "extension" | "upgrade" | "scheduled"

export type PurchasePreview = {
  variant_id: string
  currency_code: string
  original_amount: number
  /** The unused part of the current period, taken off an upgrade; 0 otherwise. */
  credit_amount: number
  discount_amount: number
  /** What is charged now. */
  total: number
  promocode: AppliedPromocode | null
  change: PlanChange
  /** When the plan bought starts to count (now, the current end, the period end). */
  effective_at: string | null
}

export type PurchaseStatus = "completed" | "failed" | "pending"

/** Why the emulated payment was declined (the 402's `reason`). */
export type DeclineReason = "card_declined" | "insufficient_funds" | "gateway_error"

/** What a charge paid for (`renewal` comes with automatic renewal). */
export type PurchaseKind = "new" | "extension" | "upgrade" | "renewal"

export type Purchase = {
  id: string
  status: PurchaseStatus | string
  kind: PurchaseKind | string | null
  /** The period the purchase paid for, when the backend records it. */
  period_start: string | null
  period_end: string | null
  variant_id: string
  original_amount: number
  discount_amount: number
  total: number
  currency_code: string
  promocode: string | null
  created_at: string | null
  product_title: string | null
  variant_title: string | null
  /** Only on failed purchases, when the backend records it. */
  reason: DeclineReason | string | null
}

/** `trialing`, `active` and `past_due` give access (a live subscription); the rest ended. */
export type SubscriptionStatus = "trialing" | "active" | "past_due" | "canceled" | "expired"

export type Subscription = {
  id: string
  status: SubscriptionStatus | string
  current_period_start: string
  current_period_end: string
  /** Cancelled by the customer: access lasts to the period end, then it ends. */
  cancel_at_period_end: boolean
  /** A cheaper plan scheduled for the period end. */
  pending_variant_id: string | null
  next_charge: { at: string; amount: number; currency_code: string } | null
  product_id: string | null
  variant_id: string
  product_title: string | null
  variant_title: string | null
}

export type AssignedPromocode = {
  code: string
  type: PromocodeType | string
  value: number | null
  currency_code: string | null
  free_days: number | null
  assigned_at: string | null
  status: "available" | "used" | string
}

/** Whether the customer may still take the Trial, and if not, why. */
export type TrialEligibility = {
  available: boolean
  /** `trial_used`: had it already; `paid_subscription`: has had a paid plan. */
  reason: "trial_used" | "paid_subscription" | null
}
