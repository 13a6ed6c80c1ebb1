import { MedusaError } from "@medusajs/framework/utils"

/**
 * The error codes a promo code can be rejected with. They are part of the API
 * contract (the API reference, GET /docs): clients switch on them, so never rename one.
 */
export const PromocodeErrorCode = {
  NOT_FOUND: "PROMOCODE_NOT_FOUND",
  INACTIVE: "PROMOCODE_INACTIVE",
  NOT_STARTED: "PROMOCODE_NOT_STARTED",
  EXPIRED: "PROMOCODE_EXPIRED",
  USED_UP: "PROMOCODE_USED_UP",
  ALREADY_USED: "PROMOCODE_ALREADY_USED",
  NOT_FOR_CUSTOMER: "PROMOCODE_NOT_FOR_CUSTOMER",
  NOT_APPLICABLE: "PROMOCODE_NOT_APPLICABLE",
  FIRST_PURCHASE_ONLY: "PROMOCODE_FIRST_PURCHASE_ONLY",
} as const

export type PromocodeErrorCode =
  (typeof PromocodeErrorCode)[keyof typeof PromocodeErrorCode]

export const PROMOCODE_ERROR_CODES: readonly PromocodeErrorCode[] =
  Object.values(PromocodeErrorCode)

/**
 * Codes of errors that are not a rejection of a shopper's code but a mistake
 * in an admin's or a workflow's request.
 */
export const PromocodeAdminErrorCode = {
  /** the promo code definition breaks a rule (percent range, currency, ...) */
  INVALID: "PROMOCODE_INVALID",
  /** a code with that text already exists */
  DUPLICATE: "PROMOCODE_DUPLICATE",
  /** the usage is not in a state that allows the operation */
  USAGE_NOT_RESERVED: "PROMOCODE_USAGE_NOT_RESERVED",
  /** unknown usage id */
  USAGE_NOT_FOUND: "PROMOCODE_USAGE_NOT_FOUND",
  /** another runner is generating this batch */
  BATCH_RUNNING: "PROMOCODE_BATCH_RUNNING",
} as const

export type PromocodeLanguage = "en" | "ru"

const MESSAGES: Record<PromocodeErrorCode, Record<PromocodeLanguage, string>> =
  {
    PROMOCODE_NOT_FOUND: {
      en: "This promo code does not exist.",
      ru: "Такого промокода не существует.",
    },
    PROMOCODE_INACTIVE: {
      en: "This promo code is no longer active.",
      ru: "Этот промокод больше не действует.",
    },
    PROMOCODE_NOT_STARTED: {
      en: "This promo code is not valid yet.",
      ru: "Этот промокод ещё не начал действовать.",
    },
    PROMOCODE_EXPIRED: {
      en: "This promo code has expired.",
      ru: "Срок действия этого промокода истёк.",
    },
    PROMOCODE_USED_UP: {
      en: "This promo code has been used the maximum number of times.",
      ru: "Этот промокод уже использован максимальное число раз.",
    },
    PROMOCODE_ALREADY_USED: {
      en: "You have already used this promo code.",
      ru: "Вы уже использовали этот промокод.",
    },
    PROMOCODE_NOT_FOR_CUSTOMER: {
      en: "This promo code is not available for your account.",
      ru: "Этот промокод недоступен для вашей учётной записи.",
    },
    PROMOCODE_NOT_APPLICABLE: {
      en: "This promo code does not apply to the selected plan.",
      ru: "Этот промокод не применяется к выбранному тарифу.",
    },
    PROMOCODE_FIRST_PURCHASE_ONLY: {
      en: "This promo code is only valid for a first purchase.",
      ru: "Этот промокод действует только на первую покупку.",
    },
  }

export function isPromocodeErrorCode(
  value: unknown
): value is PromocodeErrorCode {
  return (
    typeof value === "string" &&
    Object.prototype.hasOwnProperty.call(MESSAGES, value)
  )
}

/**
 * The message for an error code in the given language; English when the
 * language is unknown.
 */
export function promocodeMessage(
  code: PromocodeErrorCode,
  lang: PromocodeLanguage = "en"
): string {
  const messages = MESSAGES[code]
  return messages[lang] ?? messages.en
}

/**
 * A rejection of a promo code. A MedusaError, so the HTTP error handler turns
 * it into `{ type, code, message }`: `type` is `not_found` (404) for
 * PROMOCODE_NOT_FOUND and `invalid_data` (400) for every other code; `code` is
 * the PROMOCODE_* code; `message` is English (translate with
 * `promocodeMessage(error.code, lang)`).
 */
export class PromocodeError extends MedusaError {
  declare code: PromocodeErrorCode

  constructor(code: PromocodeErrorCode) {
    super(
      code === PromocodeErrorCode.NOT_FOUND
        ? MedusaError.Types.NOT_FOUND
        : MedusaError.Types.INVALID_DATA,
      promocodeMessage(code, "en"),
      code
    )
    this.name = "PromocodeError"
  }

  static isPromocodeError(error: unknown): error is PromocodeError {
    return (
      error instanceof PromocodeError ||
      (MedusaError.isMedusaError(error as MedusaError) &&
        isPromocodeErrorCode((error as MedusaError).code))
    )
  }
}

/** An INVALID_DATA MedusaError for a broken promo code definition. */
export function invalidPromocode(message: string): MedusaError {
  return new MedusaError(
    MedusaError.Types.INVALID_DATA,
    message,
    PromocodeAdminErrorCode.INVALID
  )
}
