import type { MedusaContainer } from "@medusajs/framework/types"
import type { PaymentMethod, SubscriptionDTO } from "../modules/subscription"
import { nextDiscountOf, renewalDiscount } from "./renewal-discount"
import { planForSale, type PlanForSale } from "./tariffs"

export type NextCharge = { at: Date; amount: number; currency_code: string }

type Renewing = Pick<
  SubscriptionDTO,
  | "status"
  | "is_trial"
  | "variant_id"
  | "pending_variant_id"
  | "convert_to_variant_id"
  | "auto_renew"
  | "cancel_at_period_end"
  | "ends_at"
  | "next_attempt_at"
  | "payment_method"
> &
  Partial<Pick<SubscriptionDTO, "renewal_discount" | "renewal_discounts_left">>

/** The plan a subscription renews on: a scheduled change, the Trial's conversion plan, else its own. */
export function renewalVariantId(
  s: Pick<SubscriptionDTO, "is_trial" | "variant_id" | "pending_variant_id" | "convert_to_variant_id">
): string | null {
  return s.pending_variant_id ?? (s.is_trial ? s.convert_to_variant_id : s.variant_id)
}

/**
 * What the renewal pass will charge next and when (DESIGN.md `next_charge`):
 * the period end (a past_due subscription: its next retry), the renewal
 * plan's catalog price less a repeating or forever promo code's discount
 * still left. Null when nothing will be charged: no auto-renew, no
 * saved card, cancelled, ended, or the plan no longer for sale.
 */
export async function nextChargeOf(container: MedusaContainer, s: Renewing): Promise<NextCharge | null> {
  const next = await nextRenewalOf(container, s)
  return next && { at: next.at, amount: next.amount, currency_code: next.currency_code }
}

/** The next charge with the terms of the plan it pays for (the subscription report's MRR). */
export async function nextRenewalOf(
  container: MedusaContainer,
  s: Renewing
): Promise<(NextCharge & Pick<PlanForSale, "interval" | "interval_count">) | null> {
  const card = s.payment_method as PaymentMethod | null
  const live = s.status === "trialing" || s.status === "active" || s.status === "past_due"
  if (!live || !s.auto_renew || !card || s.cancel_at_period_end) {
    return null
  }
  const variantId = renewalVariantId(s)
  const at = s.status === "past_due" ? s.next_attempt_at : s.ends_at
  if (!variantId || !at) {
    return null
  }
  const plan = await planForSale(container, { variantId, salesChannelIds: null }).catch(() => null)
  if (!plan) {
    return null
  }
  const off = renewalDiscount(plan.price.amount, plan.price.currency_code, nextDiscountOf(s))
  return {
    at: new Date(at),
    amount: off?.total ?? plan.price.amount,
    currency_code: plan.price.currency_code,
    interval: plan.interval,
    interval_count: plan.interval_count,
  }
}
