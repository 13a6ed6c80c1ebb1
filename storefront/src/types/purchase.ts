/**
 * Shapes of the purchase and subscription routes after `lib/data/purchases.ts` and
 * `lib/data/subscriptions.ts` normalized them: the fields come from the backend's response
 * schemas (the source of its OpenAPI document, `/docs/openapi.json`); the normalizers make
 * optional ones null and tolerate values they do not know yet (a status added later, a
 * reason the storefront has no text for). Type-only imports: no backend code enters the
 * bundle.
 */
import type {
  PurchaseKind,
  PurchaseStatus,
  PurchaseWithTitles,
  SubscriptionStatus,
  SubscriptionWithTitles,
} from "@backend/api/schemas/purchases"
import type {
  AssignedPromocode as ApiAssignedPromocode,
  AppliedPromocode as ApiAppliedPromocode,
  PlanChange,
  PromocodeType,
  StorePurchasePreview,
  TrialEligibility,
} from "@backend/api/schemas/store"
import type { KnownDeclineReason as DeclineReason } from "@/lib/util/payment"

/**
 * `PlanChange`: what buying a plan does to the customer's subscription (DESIGN.md,
 * Subscription lifecycle): a first subscription, one more period of the current plan, a
 * dearer plan now (with the unused time credited), or a cheaper plan from the period end.
 * `TrialEligibility`: whether the customer may still take the Trial, and if not, why.
 */
export type {
  PlanChange,
  PromocodeType,
  PurchaseKind,
  PurchaseStatus,
  SubscriptionStatus,
  TrialEligibility,
}

/** The promo code a price was computed with. */
export type AppliedPromocode = Pick<ApiAppliedPromocode, "code"> & {
  type: PromocodeType | null
  value: ApiAppliedPromocode["value"]
  /** how many charges the discount lasts; `once` when the server did not say */
  duration: ApiAppliedPromocode["duration"]
  duration_periods: ApiAppliedPromocode["duration_periods"]
}

/**
 * `credit_amount`: the unused part of the current period, taken off an upgrade (0
 * otherwise); `total`: what is charged now; `effective_at`: when the plan bought starts
 * to count (now, the current end, the period end).
 */
export type PurchasePreview = Pick<
  StorePurchasePreview,
  | "variant_id"
  | "currency_code"
  | "original_amount"
  | "credit_amount"
  | "discount_amount"
  | "total"
  | "change"
> & {
  promocode: AppliedPromocode | null
  effective_at: StorePurchasePreview["effective_at"] | null
}

/** Why the emulated payment was declined (the 402's `reason`) when the storefront has a text for it. */
export type { DeclineReason }

export type Purchase = Pick<
  PurchaseWithTitles,
  | "id"
  | "variant_id"
  | "original_amount"
  | "discount_amount"
  | "total"
  | "currency_code"
  | "promocode"
  | "product_title"
  | "variant_title"
  | "period_start"
  | "period_end"
> & {
  status: PurchaseStatus | string
  kind: PurchaseKind | string | null
  created_at: PurchaseWithTitles["created_at"] | null
  /** Only on failed purchases, when the backend records it. */
  reason: DeclineReason | string | null
}

/** `trialing`, `active` and `past_due` give access (a live subscription); the rest ended. */
export type Subscription = Pick<
  SubscriptionWithTitles,
  | "id"
  | "current_period_start"
  | "current_period_end"
  | "cancel_at_period_end"
  | "pending_variant_id"
  | "next_charge"
  | "payment_method"
  | "variant_id"
  | "product_title"
  | "variant_title"
> & {
  status: SubscriptionStatus | string
  product_id: SubscriptionWithTitles["product_id"] | null
}

export type AssignedPromocode = Pick<
  ApiAssignedPromocode,
  "code" | "value" | "currency_code" | "free_days"
> & {
  type: PromocodeType | string
  assigned_at: ApiAssignedPromocode["assigned_at"] | null
  status: ApiAssignedPromocode["status"] | string
}
