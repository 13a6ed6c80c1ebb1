import { isPromocodeErrorCode, promocodeMessage } from "../modules/promocode/lib/errors"
import type { Lang } from "./i18n"

type Messages = Record<Lang, string>

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
  PAYMENT_CARD_DECLINED: {
    en: "The card was declined.",
    ru: "Карта отклонена.",
  },
  PAYMENT_INSUFFICIENT_FUNDS: {
    en: "There are not enough funds on the card.",
    ru: "На карте недостаточно средств.",
  },
  PAYMENT_GATEWAY_ERROR: {
    en: "The payment gateway did not answer; nothing was charged. Try again.",
    ru: "Платёжный шлюз не ответил; деньги не списаны. Попробуйте ещё раз.",
  },
  PAYMENT_INVALID_TOKEN: {
    en: "The card details were not accepted.",
    ru: "Данные карты не приняты.",
  },
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
  // renewals (src/workflows/renew-subscription)
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
