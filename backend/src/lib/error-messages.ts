import { isPromocodeErrorCode, promocodeMessage } from "../modules/promocode/lib/errors"
import type { Lang } from "./i18n"
import { DECLINE_MESSAGES, DECLINE_REASONS, type DeclineReason } from "./payment-declines"

type Messages = Record<Lang, string>

/** The error code of a decline's message: `card_declined` → `PAYMENT_CARD_DECLINED`. */
export function declineCode(reason: DeclineReason): string {
  return `PAYMENT_${reason.toUpperCase()}`
}

/**
 * Messages of our own error codes, in every language the API answers in.
 * The promo code module keeps its own (modules/promocode/lib/errors.ts).
 */
const messages: Record<string, Messages> = {
  REGION_NOT_FOUND: {
    en: "The region does not exist.",
    ru: "Такого региона нет.",
  },
  PLAN_NOT_FOUND: {
    en: "This plan is not for sale.",
    ru: "Этот тариф не продаётся.",
  },
  PAYMENT_DECLINED: {
    en: "The payment was declined.",
    ru: "Платёж отклонён.",
  },
  // PAYMENT_CARD_DECLINED, PAYMENT_INSUFFICIENT_FUNDS, ...: one per decline reason
  ...Object.fromEntries(
    DECLINE_REASONS.map((reason) => [declineCode(reason), DECLINE_MESSAGES[reason]])
  ),
  PURCHASE_NOT_FOUND: {
    en: "There is no such purchase.",
    ru: "Такой покупки нет.",
  },
  PURCHASE_FAILED: {
    en: "This purchase failed; start a new one.",
    ru: "Эта покупка не состоялась; начните новую.",
  },
  INVALID_IDEMPOTENCY_KEY: {
    en: "Idempotency-Key must be 1 to 255 printable ASCII characters.",
    ru: "Idempotency-Key должен состоять из 1–255 печатных ASCII-символов.",
  },
  METRICS_UNAUTHORIZED: {
    en: "The metrics need the METRICS_TOKEN bearer token.",
    ru: "Для метрик нужен токен METRICS_TOKEN (Bearer).",
  },
  PURCHASE_IN_PROGRESS: {
    en: "Another purchase of yours is in progress; try again in a moment.",
    ru: "Другая ваша покупка ещё обрабатывается; повторите через минуту.",
  },
  // subscriptions (modules/subscription)
  TRIAL_NOT_AVAILABLE: {
    en: "The Trial is available once per customer, and not after a paid subscription.",
    ru: "Пробный период доступен один раз и только тем, у кого ещё не было платной подписки.",
  },
  SUBSCRIPTION_NOT_FOUND: {
    en: "There is no such subscription.",
    ru: "Такой подписки нет.",
  },
  SUBSCRIPTION_NOT_ACTIVE: {
    en: "This subscription has already ended.",
    ru: "Эта подписка уже закончилась.",
  },
  SUBSCRIPTION_NOT_CANCELED: {
    en: "This subscription is not cancelled; there is nothing to resume.",
    ru: "Эта подписка не отменена; возобновлять нечего.",
  },
  SUBSCRIPTION_CHANGED: {
    en: "Your subscription changed while this purchase was being made; check it and try again.",
    ru: "Подписка изменилась во время покупки; проверьте её и повторите.",
  },
  // the admin's subscription actions (src/api/admin/subscriptions)
  SUBSCRIPTION_NOT_PAST_DUE: {
    en: "Only a past due subscription can be retried now.",
    ru: "Повторить списание сейчас можно только для просроченной подписки.",
  },
  REFUND_NOT_AVAILABLE: {
    en: "This purchase has nothing to refund: it was not paid or is already refunded in full.",
    ru: "По этой покупке нечего возвращать: она не оплачена или уже возвращена полностью.",
  },
  REFUND_AMOUNT_TOO_LARGE: {
    en: "The refund is larger than what is left of this payment.",
    ru: "Сумма возврата больше, чем осталось от этого платежа.",
  },
  // renewals (src/workflows/renew-subscription)
  SUBSCRIPTION_REPORT_RANGE_INVALID: {
    en: "The start of the report range must be before its end.",
    ru: "Начало периода отчёта должно быть раньше его конца.",
  },
  SUBSCRIPTION_REPORT_RANGE_TOO_LONG: {
    en: "The report range must not exceed 366 days.",
    ru: "Период отчёта не может быть длиннее 366 дней.",
  },
  TEST_CLOCK_DISABLED: {
    en: "as_of is accepted only when the test clock is on (SUBSCRIPTION_TEST_CLOCK=true).",
    ru: "as_of принимается только при включённых тестовых часах (SUBSCRIPTION_TEST_CLOCK=true).",
  },
  // admin promo code API (src/api/admin/promocodes)
  PROMOCODE_DUPLICATE: {
    en: "A promo code with this text already exists.",
    ru: "Промокод с таким текстом уже существует.",
  },
  PROMOCODE_BATCH_RUNNING: {
    en: "This batch is already being generated.",
    ru: "Эта партия промокодов уже генерируется.",
  },
  PROMOCODE_BATCH_COMPLETED: {
    en: "This batch is already completed.",
    ru: "Эта партия промокодов уже сгенерирована.",
  },
  PROMOCODE_EXPORT_NOT_READY: {
    en: "This export is not finished yet; wait until its file is ready.",
    ru: "Эта выгрузка ещё не готова; дождитесь, пока будет готов файл.",
  },
  PROMOCODE_EXPORT_FILE_MISSING: {
    en: "The file of this export is no longer in storage; start a new export.",
    ru: "Файла этой выгрузки больше нет в хранилище; запустите новую выгрузку.",
  },
  PROMOCODE_REPORT_RANGE_INVALID: {
    en: "The start of the report range must be before its end.",
    ru: "Начало периода отчёта должно быть раньше его конца.",
  },
  PROMOCODE_REPORT_RANGE_TOO_LONG: {
    en: "The report range must not exceed 366 days.",
    ru: "Период отчёта не может быть длиннее 366 дней.",
  },
  CUSTOMER_NOT_FOUND: {
    en: "The customer does not exist.",
    ru: "Такого покупателя нет.",
  },
  // request errors the error handler maps (src/api/error-handler.ts)
  INVALID_REQUEST: {
    en: "The request is not valid.",
    ru: "Некорректный запрос.",
  },
  INVALID_JSON: {
    en: "The request body is not valid JSON.",
    ru: "Тело запроса — не корректный JSON.",
  },
  PAYLOAD_TOO_LARGE: {
    en: "The request body is too large.",
    ru: "Тело запроса слишком большое.",
  },
  UNSUPPORTED_MEDIA_TYPE: {
    en: "The request body's encoding or content type is not supported; send JSON in UTF-8.",
    ru: "Кодировка или тип тела запроса не поддерживаются; отправьте JSON в UTF-8.",
  },
  INVALID_PATH: {
    en: "The request path is not valid: a part of it is not well-formed percent-encoded UTF-8 text.",
    ru: "Некорректный путь запроса: часть пути — не правильно закодированный текст UTF-8.",
  },
  ALREADY_EXISTS: {
    en: "A record with these values already exists.",
    ru: "Запись с такими значениями уже существует.",
  },
  INVALID_VALUE: {
    en: "A value in the request cannot be stored.",
    ru: "Значение в запросе нельзя сохранить.",
  },
  // Medusa's own errors that carry no code (the error handler adds one)
  NOT_FOUND: {
    en: "The record was not found.",
    ru: "Запись не найдена.",
  },
  UNAUTHORIZED: {
    en: "Sign in first.",
    ru: "Сначала войдите.",
  },
  FORBIDDEN: {
    en: "You may not do this.",
    ru: "У вас нет на это прав.",
  },
  NOT_ALLOWED: {
    en: "This action is not allowed.",
    ru: "Это действие не разрешено.",
  },
  // limits on guessing (src/lib/rate-limit)
  PROMOCODE_ATTEMPTS_EXCEEDED: {
    en: "Too many wrong promo codes. Try again later.",
    ru: "Слишком много неверных промокодов. Попробуйте позже.",
  },
  SIGN_IN_ATTEMPTS_EXCEEDED: {
    en: "Too many failed sign-in attempts. Try again later.",
    ru: "Слишком много неудачных попыток входа. Попробуйте позже.",
  },
}

export function errorMessage(code: string | undefined, lang: Lang): string | undefined {
  if (isPromocodeErrorCode(code)) {
    return promocodeMessage(code, lang)
  }
  return code ? messages[code]?.[lang] : undefined
}

/** Prefix for request validation errors (zod), whose details stay as they are. */
export const INVALID_REQUEST_PREFIX: Messages = {
  en: "Invalid request",
  ru: "Некорректный запрос",
}
