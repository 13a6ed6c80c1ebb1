import { randomBytes } from "crypto"
import { MedusaError } from "@medusajs/framework/utils"
import { CODE_PATTERN, MAX_CODE_LENGTH } from "./code"
import { PromocodeAdminErrorCode } from "./errors"

/** Upper-case letters and digits without look-alikes (0/O, 1/I/L). */
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

export const MIN_RANDOM_LENGTH = 4
export const MAX_RANDOM_LENGTH = 32
export const DEFAULT_RANDOM_LENGTH = 8

export type GenerateCodesOptions = {
  /** prepended as is (after upper-casing); may contain A-Z, 0-9, _ and - */
  prefix?: string
  /** number of random characters after the prefix */
  length?: number
}

// The largest multiple of the alphabet size that fits in a byte: bytes at or
// above it are dropped so that every character is equally likely.
const ALPHABET_SIZE = CODE_ALPHABET.length
const UNBIASED_LIMIT = 256 - (256 % ALPHABET_SIZE)

function invalid(message: string): MedusaError {
  return new MedusaError(
    MedusaError.Types.INVALID_DATA,
    message,
    PromocodeAdminErrorCode.INVALID
  )
}

/**
 * Checks prefix and length for a generation request and returns them in
 * canonical form. Also refuses a length too short for `count` codes to be
 * drawn without the space filling up (at most 1 in 1,000 of the space).
 */
export function normalizeGenerateOptions(
  count: number,
  options: GenerateCodesOptions = {}
): { prefix: string; length: number } {
  const prefix = (options.prefix ?? "").trim().toUpperCase()
  const length = options.length ?? DEFAULT_RANDOM_LENGTH
  if (!Number.isInteger(count) || count < 1) {
    throw invalid("count must be a positive integer.")
  }
  if (
    !Number.isInteger(length) ||
    length < MIN_RANDOM_LENGTH ||
    length > MAX_RANDOM_LENGTH
  ) {
    throw invalid(
      `length must be an integer from ${MIN_RANDOM_LENGTH} to ${MAX_RANDOM_LENGTH}.`
    )
  }
  if (prefix.length && !CODE_PATTERN.test(prefix)) {
    throw invalid("prefix may contain only letters A-Z, digits, '_' and '-'.")
  }
  if (prefix.length + length > MAX_CODE_LENGTH) {
    throw invalid(
      `prefix and length together must not exceed ${MAX_CODE_LENGTH} characters.`
    )
  }
  if (Math.pow(ALPHABET_SIZE, length) < count * 1000) {
    throw invalid(
      `length ${length} is too short for ${count} unique codes; use a longer length.`
    )
  }
  return { prefix, length }
}

/**
 * `count` distinct codes `prefix + random`, the random part drawn from
 * CODE_ALPHABET with a cryptographic RNG. Unique within the call only; the
 * database's unique index decides across the table.
 */
export function generateCodes(
  count: number,
  options: GenerateCodesOptions = {}
): string[] {
  const { prefix, length } = normalizeGenerateOptions(count, options)
  const codes = new Set<string>()
  let pool = randomBytes(0)
  let cursor = 0
  while (codes.size < count) {
    let random = ""
    while (random.length < length) {
      if (cursor >= pool.length) {
        // enough bytes for the remaining codes plus the rejected ones
        pool = randomBytes(Math.max(64, (count - codes.size) * length * 2))
        cursor = 0
      }
      const byte = pool[cursor++]
      if (byte < UNBIASED_LIMIT) {
        random += CODE_ALPHABET[byte % ALPHABET_SIZE]
      }
    }
    codes.add(prefix + random)
  }
  return [...codes]
}
