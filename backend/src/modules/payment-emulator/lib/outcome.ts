import { DECLINE_REASONS, type DeclineReason } from "../../../lib/payment-declines"

/**
 * What the emulated gateway answers to an authorization. Pure, so the rules
 * are tested without a database.
 */

export const EMULATOR_TOKENS = {
  SUCCESS: "tok_success",
  DECLINED: "tok_declined",
  INSUFFICIENT_FUNDS: "tok_insufficient_funds",
  ERROR: "tok_error",
  RENEWAL_DECLINED: "tok_renewal_declined",
  RENEWAL_DECLINED_ONCE: "tok_renewal_declined_once",
} as const

export type EmulatorToken = (typeof EMULATOR_TOKENS)[keyof typeof EMULATOR_TOKENS]

/**
 * Reasons written to the payment session's `data.failure_reason`: the
 * purchase's decline reasons (declared once, in lib/payment-declines.ts).
 */
export const EMULATOR_FAILURE_REASONS = DECLINE_REASONS

export type EmulatorFailureReason = DeclineReason

export type EmulatorOutcome =
  | { approved: true }
  | { approved: false; reason: EmulatorFailureReason }

const TOKEN_FAILURES = new Map<unknown, EmulatorFailureReason>([
  [EMULATOR_TOKENS.DECLINED, "card_declined"],
  [EMULATOR_TOKENS.INSUFFICIENT_FUNDS, "insufficient_funds"],
  [EMULATOR_TOKENS.ERROR, "gateway_error"],
])

/** Tokens whose charge with the shopper present passes (saved-card tokens included). */
const APPROVED_NOW = new Set<unknown>([
  EMULATOR_TOKENS.SUCCESS,
  EMULATOR_TOKENS.RENEWAL_DECLINED,
  EMULATOR_TOKENS.RENEWAL_DECLINED_ONCE,
])

/**
 * - no token (undefined, null, ""), `tok_success`, `tok_renewal_declined`,
 *   `tok_renewal_declined_once`: approved, unless the
 *   random draw falls under `declineRate` (then `card_declined`);
 * - `tok_declined`, `tok_insufficient_funds`, `tok_error`: that failure;
 * - anything else: `invalid_token`.
 * `random` returns a number in [0, 1), like Math.random.
 */
export function decideOutcome(
  token: unknown,
  declineRate: number,
  random: () => number = Math.random
): EmulatorOutcome {
  const isDefault = token === undefined || token === null || token === ""
  if (!isDefault && !APPROVED_NOW.has(token)) {
    return { approved: false, reason: TOKEN_FAILURES.get(token) ?? "invalid_token" }
  }
  if (declineRate > 0 && random() < declineRate) {
    return { approved: false, reason: "card_declined" }
  }
  return { approved: true }
}

/**
 * Saved cards. How a saved card behaves off-session is part of its id
 * (`emupm_<behaviour>_<random>`), like a gateway's test cards, so any process
 * decides the same way without shared state.
 */
export const SAVED_CARD_BEHAVIOURS = ["success", "renewal_declined", "renewal_declined_once"] as const
export type SavedCardBehaviour = (typeof SAVED_CARD_BEHAVIOURS)[number]

const BEHAVIOUR_BY_TOKEN = new Map<unknown, SavedCardBehaviour>([
  [EMULATOR_TOKENS.SUCCESS, "success"],
  [EMULATOR_TOKENS.RENEWAL_DECLINED, "renewal_declined"],
  [EMULATOR_TOKENS.RENEWAL_DECLINED_ONCE, "renewal_declined_once"],
])

/** The card each behaviour shows: brand and last 4 digits. */
const CARDS: Record<SavedCardBehaviour, { brand: string; last4: string }> = {
  success: { brand: "visa", last4: "4242" },
  renewal_declined: { brand: "visa", last4: "0341" },
  renewal_declined_once: { brand: "mastercard", last4: "4444" },
}

export type SavedCard = { id: string; brand: string; last4: string; behaviour: SavedCardBehaviour }

/**
 * The card a token saves (no token: `tok_success`), or `invalid_token` for a
 * token that cannot be saved (`tok_declined` and the like, or unknown ones).
 * `suffix` makes the id unique.
 */
export function savedCardFor(
  token: unknown,
  suffix: string
): { card: SavedCard } | { card: null; reason: EmulatorFailureReason } {
  const isDefault = token === undefined || token === null || token === ""
  const behaviour = BEHAVIOUR_BY_TOKEN.get(isDefault ? EMULATOR_TOKENS.SUCCESS : token)
  if (!behaviour) {
    return { card: null, reason: "invalid_token" }
  }
  return { card: { id: `emupm_${behaviour}_${suffix}`, behaviour, ...CARDS[behaviour] } }
}

/** The behaviour a saved card's id carries, or null for an id the emulator never issued. */
export function behaviourOf(paymentMethodId: unknown): SavedCardBehaviour | null {
  if (typeof paymentMethodId !== "string") {
    return null
  }
  const match = /^emupm_([a-z_]+)_[A-Za-z0-9]+$/.exec(paymentMethodId)
  const behaviour = match?.[1] as SavedCardBehaviour | undefined
  return behaviour && SAVED_CARD_BEHAVIOURS.includes(behaviour) ? behaviour : null
}

/**
 * An off-session charge of a saved card. `attempt` is the 1-based number of
 * this off-session charge on the card (the emulator keeps no history, so the
 * caller counts):
 * - `success`: approved;
 * - `renewal_declined`: every off-session charge declines (`card_declined`);
 * - `renewal_declined_once`: the first declines (`insufficient_funds`), later ones pass;
 * - an id the emulator never issued: `invalid_token`.
 */
export function decideOffSessionOutcome(paymentMethodId: unknown, attempt: number): EmulatorOutcome {
  switch (behaviourOf(paymentMethodId)) {
    case "success":
      return { approved: true }
    case "renewal_declined":
      return { approved: false, reason: "card_declined" }
    case "renewal_declined_once":
      return attempt <= 1 ? { approved: false, reason: "insufficient_funds" } : { approved: true }
    default:
      return { approved: false, reason: "invalid_token" }
  }
}
