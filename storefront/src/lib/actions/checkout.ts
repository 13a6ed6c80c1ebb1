"use server"

import { hasLocale } from "next-intl"
import { routing } from "@/i18n/routing"
import { getAuthToken } from "@/lib/data/cookies"
import { createPurchase } from "@/lib/data/purchases"
import { isIdempotencyKey, isTestCard } from "@/lib/util/payment"
import {
  normalizePromocode,
  PROMOCODE_MAX_LENGTH,
  type PromocodeRejection,
} from "@/lib/util/promocode"

export type BuyState =
  | { status: "idle" }
  | { status: "completed"; purchaseId: string }
  /** A cheaper plan booked for the period end: nothing was charged. */
  | { status: "scheduled" }
  | { status: "trial_unavailable" }
  | { status: "declined"; reason: string | null }
  | { status: "rejected"; reason: PromocodeRejection }
  | { status: "signed_out" }
  | { status: "busy" }
  | { status: "unavailable" }
  | { status: "failed" }

/**
 * Buys one plan: `variant_id`, the applied `promocode` (if any), the test `card`, the
 * renewal choice (`auto_renew` "true"/"false"; for the Trial `convert_to_variant_id`) and the
 * attempt's `idempotency_key` come from the checkout form. The outcome goes back to the
 * form, which opens the result page after a completed purchase and keeps the key for a
 * retry of an attempt whose outcome is unknown (`busy`, `unavailable`).
 */
export async function buyAction(
  _previous: BuyState,
  formData: FormData
): Promise<BuyState> {
  const token = await getAuthToken()
  if (!token) {
    return { status: "signed_out" }
  }

  const locale = formData.get("locale")
  const variantId = formData.get("variant_id")
  const promocode = normalizePromocode(formData.get("promocode"))
  const card = formData.get("card")
  const idempotencyKey = formData.get("idempotency_key")
  const autoRenew = formData.get("auto_renew")
  const convertTo = formData.get("convert_to_variant_id")
  if (
    !hasLocale(routing.locales, locale) ||
    typeof variantId !== "string" ||
    !variantId ||
    variantId.length > 200 ||
    promocode.length > PROMOCODE_MAX_LENGTH ||
    (card !== null && !isTestCard(card)) ||
    (autoRenew !== null && autoRenew !== "true" && autoRenew !== "false") ||
    (convertTo !== null && (typeof convertTo !== "string" || !convertTo || convertTo.length > 200)) ||
    !isIdempotencyKey(idempotencyKey)
  ) {
    return { status: "failed" }
  }

  const result = await createPurchase(token, locale, {
    variant_id: variantId,
    promocode: promocode || undefined,
    payment_token: card ?? undefined,
    auto_renew: autoRenew === null ? undefined : autoRenew === "true",
    convert_to_variant_id: typeof convertTo === "string" ? convertTo : undefined,
    idempotency_key: idempotencyKey,
  })
  switch (result.status) {
    case "completed":
      return { status: "completed", purchaseId: result.purchase.id }
    case "declined":
      return { status: "declined", reason: result.reason }
    case "rejected":
      return { status: "rejected", reason: result.reason }
    default:
      return { status: result.status }
  }
}
