import type { Lang } from "../../lib/i18n"

/**
 * The shopper's subscription notifications: one template per name, each in
 * every language (ru.ts, en.ts; the compiler asks for a missing one). The
 * name is the notification's `template`; the data is its `data`.
 */
export const NOTIFICATION_TEMPLATES = [
  "receipt",
  "renewal_reminder",
  "payment_failed",
  "subscription_canceled",
  "subscription_expired",
  "trial_ending",
] as const
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number]

/** An amount in major units (399 = 399 RUB). */
export type Money = { amount: number; currency_code: string }

/** Dates are ISO strings; `plan` is "<tariff> (<plan>)" in the customer's language. */
export type TemplateData = {
  /** a completed purchase or renewal */
  receipt: {
    purchase_id: string
    kind: "new" | "extension" | "upgrade" | "renewal"
    plan: string
    total: Money
    /** promo code discount, when there was one */
    discount: Money | null
    /** an upgrade: the unused part of the old period, deducted */
    credit: Money | null
    period_start: string
    period_end: string
    /** the card charged (null when nothing was charged) */
    card_last4: string | null
  }
  /** an auto-renewing paid subscription renews soon */
  renewal_reminder: {
    plan: string
    renews_at: string
    amount: Money
    card_last4: string
    account_url: string
  }
  /** a renewal charge was declined; it is retried */
  payment_failed: {
    plan: string
    amount: Money
    card_last4: string | null
    next_attempt_at: string
    access_until: string
    account_url: string
  }
  /** cancelled by the shopper or an admin */
  subscription_canceled: {
    plan: string
    /** when access ends (or ended: `ended`) */
    access_until: string
    /** ended at once (an admin's cancel now) rather than at the period end */
    ended: boolean
    by: "customer" | "admin"
    account_url: string
  }
  /** ended without renewing (not renewed, or every retry declined) */
  subscription_expired: {
    plan: string
    ended_at: string
    tariffs_url: string
  }
  /** the Trial ends soon: converts to a paid plan (a saved card) or ends */
  trial_ending: {
    plan: string
    ends_at: string
    conversion: { plan: string; amount: Money; card_last4: string } | null
    account_url: string
  }
}

/** Formats values in the template's language. */
export type Formatter = {
  lang: Lang
  money(value: Money): string
  date(iso: string): string
}

export type Rendered = { subject: string; text: string }

/** Every template of one language. */
export type Templates = {
  [T in NotificationTemplate]: (data: TemplateData[T], f: Formatter) => Rendered
}
