/**
 * Why the server rejected a promo code: the codes of the API reference (GET /docs), plus
 * `PROMOCODE_INVALID` for a code the backend would not even look up (a request validation
 * error, e.g. a code that is far too long). Each has its own message in messages/*.json
 * (`Checkout.promoErrors`).
 */
export const PROMOCODE_REJECTIONS = [
  "PROMOCODE_NOT_FOUND",
  "PROMOCODE_INACTIVE",
  "PROMOCODE_NOT_STARTED",
  "PROMOCODE_EXPIRED",
  "PROMOCODE_USED_UP",
  "PROMOCODE_ALREADY_USED",
  "PROMOCODE_NOT_FOR_CUSTOMER",
  "PROMOCODE_NOT_APPLICABLE",
  "PROMOCODE_FIRST_PURCHASE_ONLY",
  "PROMOCODE_INVALID",
] as const

export type PromocodeRejection = (typeof PROMOCODE_REJECTIONS)[number]

export function isPromocodeRejection(value: unknown): value is PromocodeRejection {
  return (
    typeof value === "string" &&
    (PROMOCODE_REJECTIONS as readonly string[]).includes(value)
  )
}

/** Longest code the storefront sends; longer input is rejected without asking the server. */
export const PROMOCODE_MAX_LENGTH = 64

/** The code as the shopper meant it: surrounding spaces trimmed (the server also ignores case). */
export function normalizePromocode(value: unknown): string {
  return typeof value === "string" ? value.trim() : ""
}
