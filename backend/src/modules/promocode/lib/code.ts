import { MedusaError } from "@medusajs/framework/utils"
import { PromocodeAdminErrorCode } from "./errors"

export const MAX_CODE_LENGTH = 64
export const CODE_PATTERN = /^[A-Z0-9_-]+$/

/**
 * The canonical form of a code, or null when the input cannot be a code
 * (empty after trimming, longer than 64 characters, or a character outside
 * A-Z, 0-9, `_` and `-`). Matching is case-insensitive and ignores surrounding
 * spaces: " summer-10 " and "SUMMER-10" are the same code.
 */
export function tryNormalizeCode(input: unknown): string | null {
  if (typeof input !== "string") {
    return null
  }
  const code = input.trim().toUpperCase()
  if (!code.length || code.length > MAX_CODE_LENGTH) {
    return null
  }
  return CODE_PATTERN.test(code) ? code : null
}

/**
 * Like `tryNormalizeCode` but throws an INVALID_DATA MedusaError (code
 * PROMOCODE_INVALID) explaining what is wrong. Use it where a code is being
 * defined (admin create); a shopper's unknown code is PROMOCODE_NOT_FOUND.
 */
export function normalizeCode(input: unknown): string {
  const code = tryNormalizeCode(input)
  if (code !== null) {
    return code
  }
  const trimmed = typeof input === "string" ? input.trim() : ""
  let reason: string
  if (!trimmed.length) {
    reason = "must not be empty"
  } else if (trimmed.length > MAX_CODE_LENGTH) {
    reason = `must be at most ${MAX_CODE_LENGTH} characters long`
  } else {
    reason = "may contain only letters A-Z, digits, '_' and '-'"
  }
  throw new MedusaError(
    MedusaError.Types.INVALID_DATA,
    `Promo code ${reason}.`,
    PromocodeAdminErrorCode.INVALID
  )
}

/**
 * A printable, bounded form of any input for the journal (a rejected code must
 * be recorded even when it is 10,000 characters of garbage).
 */
export function codeForJournal(input: unknown): string {
  const text = typeof input === "string" ? input.trim().toUpperCase() : ""
  return text.length > MAX_CODE_LENGTH ? text.slice(0, MAX_CODE_LENGTH) : text
}
