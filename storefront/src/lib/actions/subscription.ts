"use server"

import { hasLocale } from "next-intl"
import { routing } from "@/i18n/routing"
import { getAuthToken } from "@/lib/data/cookies"
import { cancelSubscription, resumeSubscription } from "@/lib/data/subscriptions"

export type SubscriptionActionState =
  | { status: "idle" }
  | { status: "done" }
  | { status: "signed_out" }
  | { status: "refused"; message: string | null }
  | { status: "unavailable" }

/**
 * Cancels (at the period end) or resumes the customer's subscription: `subscription_id`,
 * `intent` (`cancel` or `resume`) and `locale` come from the account page's form.
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
    (intent !== "cancel" && intent !== "resume")
  ) {
    return { status: "refused", message: null }
  }

  const result =
    intent === "cancel"
      ? await cancelSubscription(token, locale, id)
      : await resumeSubscription(token, locale, id)
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
