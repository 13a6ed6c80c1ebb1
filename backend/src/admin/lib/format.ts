import type {
  Amount,
  AmountByCurrency,
  CustomerSummary,
  JournalAction,
  PlanInterval,
  Promocode,
  PromocodeStatus,
  PromocodeType,
  PurchaseStatus,
} from "./types"

import { currentLocale, tr } from "./i18n"

/** The badge colors @medusajs/ui offers. */
export type BadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"

export function toNumber(amount: Amount | null | undefined): number {
  if (amount === null || amount === undefined || amount === "") {
    return 0
  }
  const n = typeof amount === "number" ? amount : Number(amount)
  return Number.isFinite(n) ? n : 0
}

/** A count in the admin's language: "1 234" (ru), "1,234" (en). */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat(currentLocale()).format(n)
}

/**
 * The word for `n` in the admin's language: `forms` is a key whose value has
 * `one`, `few`, `many` and `other` (Intl.PluralRules picks one).
 */
export function plural(n: number, forms: string): string {
  const category = new Intl.PluralRules(currentLocale()).select(n)
  const key = ["one", "few", "many"].includes(category) ? category : "other"
  return tr(`${forms}.${key}`, { n: formatNumber(n) })
}

/** "399 ₽" (ru), "₽399" (en); the currency code itself when Intl does not know it. */
export function formatAmount(
  amount: Amount | null | undefined,
  currency: string | null | undefined
): string {
  const n = toNumber(amount)
  if (!currency) {
    return new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 2 }).format(n)
  }
  try {
    return new Intl.NumberFormat(currentLocale(), {
      style: "currency",
      currency: currency.toUpperCase(),
      currencyDisplay: "narrowSymbol",
      minimumFractionDigits: Number.isInteger(n) ? 0 : 2,
      maximumFractionDigits: 2,
    }).format(n)
  } catch {
    return `${n} ${currency.toUpperCase()}`
  }
}

/**
 * Amounts in several currencies; none is zero in `fallbackCurrency` (the
 * store's, RUB by default), so a sum always says its currency.
 */
export function formatAmounts(
  amounts: AmountByCurrency[] | Amount | null | undefined,
  fallbackCurrency: string | null = DEFAULT_CURRENCY
): string {
  if (amounts === null || amounts === undefined) {
    return "—"
  }
  if (!Array.isArray(amounts)) {
    return formatAmount(amounts, fallbackCurrency)
  }
  if (!amounts.length) {
    return formatAmount(0, fallbackCurrency)
  }
  return amounts.map((a) => formatAmount(a.amount, a.currency_code)).join(" + ")
}

/** The store's currency (the cinema sells in rubles). */
export const DEFAULT_CURRENCY = "rub"

function toDate(value: string | Date | null | undefined): Date | null {
  if (!value) {
    return null
  }
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

/**
 * A date in the one format of the admin's language, the same the date
 * pickers show: "29.11.2026" (ru), "11/29/2026" (en).
 */
export function formatDate(value: string | Date | null | undefined): string {
  const date = toDate(value)
  if (!date) {
    return "—"
  }
  return new Intl.DateTimeFormat(currentLocale(), {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(date)
}

/**
 * A moment in the viewer's own time zone, with the zone:
 * "29.11.2026, 14:17 MSK" (ru), "11/29/2026, 2:17 PM GMT+3" (en).
 */
export function formatDateTime(value: string | Date | null | undefined): string {
  const date = toDate(value)
  if (!date) {
    return "—"
  }
  return new Intl.DateTimeFormat(currentLocale(), {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(date)
}

/** The validity window of a code in one line. */
export function formatWindow(
  startsAt: string | null | undefined,
  endsAt: string | null | undefined
): string {
  if (startsAt && endsAt) {
    return `${formatDate(startsAt)} – ${formatDate(endsAt)}`
  }
  if (startsAt) {
    return tr("format.from", { date: formatDate(startsAt) })
  }
  if (endsAt) {
    return tr("format.until", { date: formatDate(endsAt) })
  }
  return tr("format.always")
}

export const PROMOCODE_TYPES: PromocodeType[] = ["percentage", "fixed", "free_period"]

export function typeLabel(type: PromocodeType): string {
  return PROMOCODE_TYPES.includes(type) ? tr(`type.${type}`) : type
}

/** What a code gives: "10%", "100 ₽", "30 days free". */
export function formatPromocodeValue(
  p: Pick<Promocode, "type" | "currency_code" | "free_days"> & { value: Amount | null }
): string {
  switch (p.type) {
    case "percentage":
      return `${formatNumber(toNumber(p.value))}%`
    case "fixed":
      return formatAmount(p.value, p.currency_code)
    case "free_period":
      return p.free_days === null || p.free_days === undefined
        ? tr("format.free_period")
        : plural(p.free_days, "format.days_free")
    default:
      return "—"
  }
}

export function formatUsage(used: number, limit: number | null | undefined): string {
  return `${formatNumber(used ?? 0)} / ${limit === null || limit === undefined ? "∞" : formatNumber(limit)}`
}

export const PROMOCODE_STATUSES: PromocodeStatus[] = [
  "active",
  "inactive",
  "scheduled",
  "expired",
  "used_up",
]

export function statusLabel(status: PromocodeStatus): string {
  return PROMOCODE_STATUSES.includes(status) ? tr(`status.${status}`) : status
}

export const STATUS_COLORS: Record<PromocodeStatus, BadgeColor> = {
  active: "green",
  inactive: "grey",
  scheduled: "blue",
  expired: "orange",
  used_up: "red",
}

export const JOURNAL_ACTIONS: JournalAction[] = [
  "validated",
  "rejected",
  "reserved",
  "released",
  "redeemed",
  "assigned",
]

export function actionLabel(action: JournalAction): string {
  return JOURNAL_ACTIONS.includes(action) ? tr(`action.${action}`) : action
}

export const ACTION_COLORS: Record<JournalAction, BadgeColor> = {
  validated: "blue",
  rejected: "red",
  reserved: "orange",
  released: "grey",
  redeemed: "green",
  assigned: "purple",
}

export const PURCHASE_STATUS_COLORS: Record<PurchaseStatus, BadgeColor> = {
  pending: "orange",
  completed: "green",
  failed: "red",
}

/** Reasons with a sentence of their own (keys of `reason` in i18n/en.ts). */
const KNOWN_REASONS = [
  "PROMOCODE_NOT_FOUND",
  "PROMOCODE_INACTIVE",
  "PROMOCODE_NOT_STARTED",
  "PROMOCODE_EXPIRED",
  "PROMOCODE_USED_UP",
  "PROMOCODE_ALREADY_USED",
  "PROMOCODE_NOT_FOR_CUSTOMER",
  "PROMOCODE_NOT_APPLICABLE",
  "PROMOCODE_FIRST_PURCHASE_ONLY",
  "expired_reservation",
  "purchase_failed",
  "payment_declined",
  "card_declined",
  "insufficient_funds",
  "gateway_error",
  "invalid_token",
  "aborted",
  "abandoned",
]

function knownReason(reason: string): string | null {
  return KNOWN_REASONS.includes(reason) ? tr(`reason.${reason}`) : null
}

/**
 * Why a code was rejected, a use given back or a purchase failed, as a
 * sentence in the admin's language. A release after a failed purchase
 * (`purchase_failed:card_declined`) names both; an unknown code is spelled
 * out in words.
 */
export function reasonLabel(reason: string | null | undefined): string {
  if (!reason) {
    return "—"
  }
  const [head, detail] = reason.split(":", 2)
  if (head === "purchase_failed" && detail) {
    return tr("reason.purchase_failed_because", {
      reason: lowerFirst(reasonLabel(detail)),
    })
  }
  const known = knownReason(reason)
  if (known) {
    return known
  }
  const words = reason.replace(/^PROMOCODE_/, "").replace(/[_-]+/g, " ").toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

export function customerLabel(
  customer: CustomerSummary | null | undefined,
  fallbackId?: string | null
): string {
  if (customer) {
    const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ")
    const email = customer.email ?? customer.id
    return name ? `${name} (${email})` : email
  }
  return fallbackId ?? "—"
}

/** "every month", "every 3 months" ("каждый месяц", "каждые 3 месяца"). */
export function formatInterval(interval: PlanInterval, count: number): string {
  if (!["day", "month", "year"].includes(interval)) {
    return interval
  }
  return count === 1 ? tr(`interval.every_${interval}`) : plural(count, `interval.every_n_${interval}`)
}

/** A whole number of the given string, or null when it is not one. */
export function parseWholeNumber(value: string): number | null {
  const trimmed = value.trim()
  if (!/^\d+$/.test(trimmed)) {
    return null
  }
  const n = Number(trimmed)
  return Number.isSafeInteger(n) ? n : null
}
