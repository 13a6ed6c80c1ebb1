import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { languageOf } from "../i18n"
import { CODE_ALPHABET, DEFAULT_RANDOM_LENGTH, MAX_RANDOM_LENGTH } from "../../modules/promocode"

/**
 * A batch may fill at most this share of its code space (alphabet^length), so
 * that a guess hits one of its codes with odds of at most one in a million.
 */
export const MAX_CODE_SPACE_SHARE = 1e-6

export const PROMOCODE_CODE_SPACE_TOO_SMALL = "PROMOCODE_CODE_SPACE_TOO_SMALL"

/** The shortest random part that keeps `count` codes within the share. */
export function minimumCodeLength(count: number, alphabetSize = CODE_ALPHABET.length): number {
  return Math.max(1, Math.ceil(Math.log(count / MAX_CODE_SPACE_SHARE) / Math.log(alphabetSize) - 1e-9))
}

function tooDenseMessage(count: number, length: number, needed: number, lang: "en" | "ru"): string {
  const fits = needed <= MAX_RANDOM_LENGTH
  if (lang === "ru") {
    return fits
      ? `${count} кодов длины ${length} легко подобрать (больше миллионной доли всех кодов этой длины): укажите length не меньше ${needed}.`
      : `${count} кодов легко подобрать при любой длине до ${MAX_RANDOM_LENGTH}: уменьшите count.`
  }
  return fits
    ? `${count} codes of length ${length} would be easy to guess (more than one millionth of all codes of that length): use length ${needed} or more.`
    : `${count} codes would be easy to guess at any length up to ${MAX_RANDOM_LENGTH}: lower count.`
}

/**
 * Refuses a generate request (validated body: count, length?) whose codes
 * would fill more than one millionth of the code space: 400
 * PROMOCODE_CODE_SPACE_TOO_SMALL saying which length to use.
 */
export function refuseDenseBatch(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const { count, length = DEFAULT_RANDOM_LENGTH } = req.validatedBody as { count: number; length?: number }
  const needed = minimumCodeLength(count)
  if (length >= needed) {
    return next()
  }
  const lang = languageOf(req)
  const error = new MedusaError(
    MedusaError.Types.INVALID_DATA,
    tooDenseMessage(count, length, needed, lang),
    PROMOCODE_CODE_SPACE_TOO_SMALL
  )
  next(error)
}
