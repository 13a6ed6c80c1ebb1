"use server"

import { hasLocale } from "next-intl"
import { routing } from "@/i18n/routing"
import { getAuthToken } from "@/lib/data/cookies"
import {
  cancelSubscription,
  replacePaymentMethod,
  resumeSubscription,
} from "@/lib/data/subscriptions"
import { isSavedCard } from "@/lib/util/payment"

export type SubscriptionActionState =
  | { status: "idle" }
  | { status: "done" }
  | { status: "signed_out" }
  | { status: "refused"; message: string | null }
  | { status: "unavailable" }

/**
 * Cancels (at the period end) or resumes the customer's subscription, or replaces its card:
 * `subscription_id`, `intent` (`cancel`, `resume` or `replace_card` with `card`, one of the
 * emulator's saved-card tokens) and `locale` come from the account page's forms.
 */
export async function subscriptionAction(
  _previous: SubscriptionActionState,
  formData: FormData
): Promise<SubscriptionActionState> {
  const token = await getAuthToken()
  if (!token) {
    return { status: "signed_out" }
  }
  const locale = formData.get("locale")
  const id = formData.get("subscription_id")
  const intent = formData.get("intent")
  if (
    !hasLocale(routing.locales, locale) ||
    typeof id !== "string" ||
    !id ||
    id.length > 200 ||
    (intent !== "cancel" && intent !== "resume" && intent !== "replace_card")
  ) {
    return { status: "refused", message: null }
  }
  const card = formData.get("card")
  if (intent === "replace_card" && !isSavedCard(card)) {
    return { status: "refused", message: null }
  }

  const result =
    intent === "cancel"
      ? await cancelSubscription(token, locale, id)
      : intent === "resume"
        ? await resumeSubscription(token, locale, id)
        : await replacePaymentMethod(token, locale, id, String(card))
  switch (result.status) {
    case "ok":
      return { status: "done" }
    case "not_found":
      return { status: "refused", message: null }
    case "refused":
      return { status: "refused", message: result.message }
    default:
      return { status: result.status }
  }
}
