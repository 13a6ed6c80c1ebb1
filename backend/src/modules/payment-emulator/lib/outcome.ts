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

/**
 * - no token (undefined, null, "") or `tok_success`: approved, unless the
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
  if (!isDefault && token !== EMULATOR_TOKENS.SUCCESS) {
    return { approved: false, reason: TOKEN_FAILURES.get(token) ?? "invalid_token" }
  }
  if (declineRate > 0 && random() < declineRate) {
    return { approved: false, reason: "card_declined" }
  }
  return { approved: true }
}
