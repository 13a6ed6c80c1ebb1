import { computeDiscount } from "../modules/promocode"
import type { RenewalDiscount } from "../modules/subscription"

/**
 * The promo code discount a renewal gets (a repeating or forever code, kept on
 * the subscription): the price less it, and the amount taken off. Null when no
 * discount applies: none left, or a fixed code in another currency than the
 * plan's (the full price is charged).
 */
export function renewalDiscount(
  amount: number,
  currencyCode: string,
  discount: RenewalDiscount | null
): { total: number; discount_amount: number } | null {
  if (!discount || (discount.type === "fixed" && discount.currency_code !== currencyCode.toLowerCase())) {
    return null
  }
  const breakdown = computeDiscount(discount, { amount, currency_code: currencyCode })
  return { total: breakdown.total.numeric, discount_amount: breakdown.discount_amount.numeric }
}

/** The discount the next renewal gets, if any is left (null renewals left: every one). */
export function nextDiscountOf(s: {
  renewal_discount?: unknown
  renewal_discounts_left?: number | null
}): RenewalDiscount | null {
  const discount = (s.renewal_discount as RenewalDiscount | null | undefined) ?? null
  if (!discount) return null
  const left = s.renewal_discounts_left ?? null
  return left === null || left > 0 ? discount : null
}
