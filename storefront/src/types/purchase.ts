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

export type PurchasePreview = {
  variant_id: string
  currency_code: string
  original_amount: number
  discount_amount: number
  total: number
  promocode: AppliedPromocode | null
}

export type PurchaseStatus = "completed" | "failed" | "pending"

/** Why the emulated payment was declined (the 402's `reason`). */
export type DeclineReason = "card_declined" | "insufficient_funds" | "gateway_error"

export type Purchase = {
  id: string
  status: PurchaseStatus | string
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

export type SubscriptionStatus = "active" | "expired" | "replaced"

export type Subscription = {
  id: string
  status: SubscriptionStatus | string
  starts_at: string
  ends_at: string
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
