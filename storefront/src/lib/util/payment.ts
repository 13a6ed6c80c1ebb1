import type { PurchaseKind } from "@backend/api/schemas/purchases"
import type { DeclineReason } from "@backend/api/schemas/store"

/**
 * The emulated payment provider's test tokens (README, "Store API"): the card selector on the
 * checkout page stands in for a real payment form.
 */
export const TEST_CARDS = [
  "tok_success",
  "tok_declined",
  "tok_insufficient_funds",
  "tok_error",
] as const

export type TestCard = (typeof TEST_CARDS)[number]

export function isTestCard(value: unknown): value is TestCard {
  return (
    typeof value === "string" && (TEST_CARDS as readonly string[]).includes(value)
  )
}

/**
 * The backend's decline reasons (its one list) the storefront has texts for
 * (`checkout.declineReasons`); any other reason reads as "other".
 */
export const DECLINE_REASONS = [
  "card_declined",
  "insufficient_funds",
  "gateway_error",
] as const satisfies readonly DeclineReason[]

export type KnownDeclineReason = (typeof DECLINE_REASONS)[number]

export function isDeclineReason(value: unknown): value is KnownDeclineReason {
  return (
    typeof value === "string" &&
    (DECLINE_REASONS as readonly string[]).includes(value)
  )
}

/** An `Idempotency-Key` as the storefront makes them (a UUID v4). */
export function isIdempotencyKey(value: unknown): value is string {
  return (
    typeof value === "string" &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(value)
  )
}

/**
 * A new UUID v4 for one purchase attempt. `crypto.randomUUID` exists only in secure
 * contexts; `getRandomValues` also on plain-HTTP hosts.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6] & 0x0f) | 0x40
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

export const PURCHASE_KINDS = [
  "new",
  "extension",
  "upgrade",
  "renewal",
] as const satisfies readonly PurchaseKind[]

/** What a charge paid for (docs/ARCHITECTURE.md: every charge is a purchase with a `kind`). */
export function isPurchaseKind(value: unknown): value is (typeof PURCHASE_KINDS)[number] {
  return (
    typeof value === "string" && (PURCHASE_KINDS as readonly string[]).includes(value)
  )
}

/**
 * The emulator's cards for renewals (README, "Renewals"): every renewal passes, every
 * renewal declines, the first renewal declines and the retry passes. The account page's
 * card form offers them in place of a real card form.
 */
export const SAVED_CARDS = [
  "tok_success",
  "tok_renewal_declined",
  "tok_renewal_declined_once",
] as const

export type SavedCard = (typeof SAVED_CARDS)[number]

export function isSavedCard(value: unknown): value is SavedCard {
  return typeof value === "string" && (SAVED_CARDS as readonly string[]).includes(value)
}
