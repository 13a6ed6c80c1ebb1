/**
 * Shapes of the purchase routes after `lib/data/purchases.ts` normalized them: the
 * fields come from the backend's response schemas (the source of its OpenAPI document,
 * `/docs/openapi.json`); the normalizer makes optional ones null and tolerates values
 * it does not know yet (a status added later, a reason it has no text for).
 * Type-only imports: no backend code enters the bundle.
 */
import type {
  PurchaseStatus,
  PurchaseWithTitles,
  SubscriptionStatus,
  SubscriptionWithTitles,
} from "@backend/api/schemas/purchases"
import type {
  AssignedPromocode as ApiAssignedPromocode,
  AppliedPromocode as ApiAppliedPromocode,
  PromocodeType,
  StorePurchasePreview,
} from "@backend/api/schemas/store"
import type { KnownDeclineReason as DeclineReason } from "@/lib/util/payment"

export type { PromocodeType, PurchaseStatus, SubscriptionStatus }

/** The promo code a price was computed with. */
export type AppliedPromocode = Pick<ApiAppliedPromocode, "code"> & {
  type: PromocodeType | null
  value: ApiAppliedPromocode["value"]
}

export type PurchasePreview = Pick<
  StorePurchasePreview,
  "variant_id" | "currency_code" | "original_amount" | "discount_amount" | "total"
> & { promocode: AppliedPromocode | null }

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
> & {
  status: PurchaseStatus | string
  created_at: PurchaseWithTitles["created_at"] | null
  /** Only on failed purchases, when the backend records it. */
  reason: DeclineReason | string | null
}

export type Subscription = Pick<
  SubscriptionWithTitles,
  "id" | "starts_at" | "ends_at" | "variant_id" | "product_title" | "variant_title"
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
