import "server-only"
import type { PlanChange, Subscription, TrialEligibility } from "@/types/purchase"
import { amount, arrayOf, isObject, stringOrNull } from "./json"
import { previewPurchase } from "./purchases"
import { listFailure, logError, storeApi, type ListResult } from "./store-api"

/*
 * The signed-in customer's subscription (docs/ARCHITECTURE.md, "Subscription lifecycle"; the API reference at GET /docs): the
 * list, cancel and resume, and what buying each plan would do to it. Every function takes
 * the customer's token and the page's locale explicitly.
 */

/** Statuses that give access: a customer has at most one subscription in one of them. */
const LIVE_STATUSES = ["trialing", "active", "past_due"]

export type SubscriptionsResult =
  | (Extract<ListResult<Subscription>, { status: "ok" }> & { trial: TrialEligibility })
  | Exclude<ListResult<Subscription>, { status: "ok" }>

/**
 * `GET /store/subscriptions`: every subscription of the customer, any status, and
 * whether the Trial is still theirs to take (and if not, why).
 */
export async function listSubscriptions(
  token: string,
  locale: string
): Promise<SubscriptionsResult> {
  const result = await storeApi<{ subscriptions?: unknown; trial?: unknown }>(
    "/store/subscriptions",
    { token, locale }
  )
  if (!result.ok) {
    return listFailure("subscriptions", result.error)
  }
  const items = arrayOf(result.data.subscriptions, toSubscription)
  return { status: "ok", items, count: items.length, trial: toTrial(result.data.trial) }
}

/**
 * The subscription that gives access now, or null. `trialing` and `active` ones count
 * until their period end (the expiry job may not have run yet); a `past_due` one keeps
 * access through its grace period, which the backend ends.
 */
export function liveSubscription(
  subscriptions: Subscription[],
  now = Date.now()
): Subscription | null {
  return (
    subscriptions
      .filter(
        (s) =>
          LIVE_STATUSES.includes(s.status) &&
          (s.status === "past_due" || Date.parse(s.current_period_end) > now)
      )
      .sort((a, b) => Date.parse(b.current_period_end) - Date.parse(a.current_period_end))[0] ??
    null
  )
}

export type SubscriptionActionResult =
  | { status: "ok"; subscription: Subscription }
  | { status: "signed_out" }
  | { status: "not_found" }
  /** The backend refused (e.g. a subscription already ended): its localized message. */
  | { status: "refused"; message: string | null }
  | { status: "unavailable" }

/** `POST /store/subscriptions/:id/cancel`: ends it at the period end. */
export function cancelSubscription(token: string, locale: string, id: string) {
  return subscriptionAction(token, locale, id, "cancel")
}

/** `POST /store/subscriptions/:id/resume`: takes back a cancel before the period end. */
export function resumeSubscription(token: string, locale: string, id: string) {
  return subscriptionAction(token, locale, id, "resume")
}

async function subscriptionAction(
  token: string,
  locale: string,
  id: string,
  action: "cancel" | "resume" | "payment-method",
  body: Record<string, unknown> = {}
): Promise<SubscriptionActionResult> {
  const result = await storeApi<{ subscription?: unknown }>(
    `/store/subscriptions/${encodeURIComponent(id)}/${action}`,
    { method: "POST", token, locale, body }
  )
  if (result.ok) {
    const subscription = toSubscription(result.data.subscription)
    if (subscription) {
      return { status: "ok", subscription }
    }
    console.error(`The ${action} answer has an unexpected shape:`, result.data)
    return { status: "unavailable" }
  }
  const { error } = result
  if (error.status === 401) {
    return { status: "signed_out" }
  }
  if (error.status === 404) {
    return { status: "not_found" }
  }
  logError(`subscription ${action}`, error)
  if (error.status >= 400 && error.status < 500) {
    return { status: "refused", message: error.message }
  }
  return { status: "unavailable" }
}

/**
 * `POST /store/subscriptions/:id/payment-method { token }`: saves a new card for the
 * renewals; a `past_due` subscription is charged with it at once (the answer says whether
 * it is `active` again).
 */
export async function replacePaymentMethod(
  token: string,
  locale: string,
  id: string,
  cardToken: string
): Promise<SubscriptionActionResult> {
  return subscriptionAction(token, locale, id, "payment-method", { token: cardToken })
}

/** What buying a plan would do, as the server's preview says. */
export type PlanOffer =
  | { status: "available"; change: PlanChange; effective_at: string | null }
  /** The Trial, refused to this customer (had one, or had a paid subscription). */
  | { status: "trial_unavailable" }

/**
 * For the signed-in customer, what buying each plan would do (a new subscription, one
 * more period, an upgrade now, a switch at the period end) or that the Trial is refused.
 * The server's preview decides, so the pages never guess the rules; plans whose preview
 * failed are left out (the page then offers a plain "Choose").
 */
export async function planOffers(
  token: string,
  locale: string,
  variantIds: string[]
): Promise<Record<string, PlanOffer>> {
  const results = await Promise.all(
    variantIds.map(async (variantId) => {
      const result = await previewPurchase(token, locale, { variant_id: variantId })
      const offer: PlanOffer | null =
        result.status === "ok"
          ? {
              status: "available",
              change: result.preview.change,
              effective_at: result.preview.effective_at,
            }
          : result.status === "trial_unavailable"
            ? { status: "trial_unavailable" }
            : null
      return [variantId, offer] as const
    })
  )
  return Object.fromEntries(
    results.filter((entry): entry is readonly [string, PlanOffer] => entry[1] !== null)
  )
}

function toTrial(value: unknown): TrialEligibility {
  if (!isObject(value) || typeof value.available !== "boolean") {
    return { available: true, reason: null }
  }
  const reason = value.reason
  return {
    available: value.available,
    reason: reason === "trial_used" || reason === "paid_subscription" ? reason : null,
  }
}

function toSubscription(value: unknown): Subscription | null {
  if (!isObject(value) || typeof value.id !== "string") {
    return null
  }
  const start = stringOrNull(value.current_period_start)
  const end = stringOrNull(value.current_period_end)
  if (!start || !end) {
    return null
  }
  const next = isObject(value.next_charge) ? value.next_charge : null
  const nextAmount = next ? amount(next.amount) : null
  return {
    id: value.id,
    status: stringOrNull(value.status) ?? "active",
    current_period_start: start,
    current_period_end: end,
    cancel_at_period_end: value.cancel_at_period_end === true,
    pending_variant_id: stringOrNull(value.pending_variant_id),
    next_charge:
      next && typeof next.at === "string" && nextAmount !== null
        ? {
            at: next.at,
            amount: nextAmount,
            currency_code: stringOrNull(next.currency_code) ?? "rub",
          }
        : null,
    payment_method: toPaymentMethod(value.payment_method),
    product_id: stringOrNull(value.product_id),
    variant_id: String(value.variant_id ?? ""),
    product_title: stringOrNull(value.product_title),
    variant_title: stringOrNull(value.variant_title),
  }
}

function toPaymentMethod(value: unknown): Subscription["payment_method"] {
  if (!isObject(value) || typeof value.id !== "string") {
    return null
  }
  return {
    id: value.id,
    brand: stringOrNull(value.brand) ?? "card",
    last4: stringOrNull(value.last4) ?? "····",
  }
}
