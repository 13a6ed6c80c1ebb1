import type { Lang } from "./i18n"

/**
 * The reasons a payment is declined with: `purchase.failure_reason` and the
 * `reason` of a 402 answer. Declared once; the payment emulator answers with
 * these, a real provider maps its answers to them. Other failures of a
 * purchase (`aborted`, `abandoned`, ...) are not declines.
 */
export const DECLINE_REASONS = [
  "card_declined",
  "insufficient_funds",
  "gateway_error",
  "invalid_token",
] as const

export type DeclineReason = (typeof DECLINE_REASONS)[number]

export function isDeclineReason(value: unknown): value is DeclineReason {
  return (DECLINE_REASONS as readonly unknown[]).includes(value)
}

/**
 * The message of each decline, in every language the API answers in. A
 * Record over DeclineReason: a new reason does not compile until it has one.
 */
export const DECLINE_MESSAGES: Record<DeclineReason, Record<Lang, string>> = {
  card_declined: {
    en: "The card was declined.",
    ru: "Карта отклонена.",
  },
  insufficient_funds: {
    en: "There are not enough funds on the card.",
    ru: "На карте недостаточно средств.",
  },
  gateway_error: {
    en: "The payment gateway did not answer; nothing was charged. Try again.",
    ru: "Платёжный шлюз не ответил; деньги не списаны. Попробуйте ещё раз.",
  },
  invalid_token: {
    en: "The card details were not accepted.",
    ru: "Данные карты не приняты.",
  },
}
