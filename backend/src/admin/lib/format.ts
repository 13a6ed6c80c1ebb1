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

/** The badge colors @medusajs/ui offers. */
export type BadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"

const LOCALE = "en-GB"

export function toNumber(amount: Amount | null | undefined): number {
  if (amount === null || amount === undefined || amount === "") {
    return 0
  }
  const n = typeof amount === "number" ? amount : Number(amount)
  return Number.isFinite(n) ? n : 0
}

/** "399 ₽", "12.50 US$"; the currency code itself when Intl does not know it. */
export function formatAmount(
  amount: Amount | null | undefined,
  currency: string | null | undefined
): string {
  const n = toNumber(amount)
  if (!currency) {
    return new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 }).format(n)
  }
  try {
    return new Intl.NumberFormat(LOCALE, {
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

/** Amounts in several currencies, "0" when there are none. */
export function formatAmounts(
  amounts: AmountByCurrency[] | Amount | null | undefined,
  fallbackCurrency?: string | null
): string {
  if (amounts === null || amounts === undefined) {
    return "—"
  }
  if (!Array.isArray(amounts)) {
    return formatAmount(amounts, fallbackCurrency)
  }
  if (!amounts.length) {
    return "0"
  }
  return amounts.map((a) => formatAmount(a.amount, a.currency_code)).join(" + ")
}

export function formatDate(value: string | Date | null | undefined): string {
  if (!value) {
    return "—"
  }
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) {
    return "—"
  }
  return new Intl.DateTimeFormat(LOCALE, { dateStyle: "medium" }).format(date)
}

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) {
    return "—"
  }
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) {
    return "—"
  }
  return new Intl.DateTimeFormat(LOCALE, {
    dateStyle: "medium",
    timeStyle: "short",
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
    return `From ${formatDate(startsAt)}`
  }
  if (endsAt) {
    return `Until ${formatDate(endsAt)}`
  }
  return "Always"
}

export const TYPE_LABELS: Record<PromocodeType, string> = {
  percentage: "Percentage",
  fixed: "Fixed amount",
  free_period: "Free period",
}

/** What a code gives: "10%", "100 ₽", "30 days free". */
export function formatPromocodeValue(
  p: Pick<Promocode, "type" | "currency_code" | "free_days"> & { value: Amount | null }
): string {
  switch (p.type) {
    case "percentage":
      return `${toNumber(p.value)}%`
    case "fixed":
      return formatAmount(p.value, p.currency_code)
    case "free_period":
      return p.free_days === 1 ? "1 day free" : `${p.free_days ?? "?"} days free`
    default:
      return "—"
  }
}

export function formatUsage(used: number, limit: number | null | undefined): string {
  return `${used ?? 0} / ${limit === null || limit === undefined ? "∞" : limit}`
}

export const STATUS_LABELS: Record<PromocodeStatus, string> = {
  active: "Active",
  inactive: "Inactive",
  scheduled: "Scheduled",
  expired: "Expired",
  used_up: "Used up",
}

export const STATUS_COLORS: Record<PromocodeStatus, BadgeColor> = {
  active: "green",
  inactive: "grey",
  scheduled: "blue",
  expired: "orange",
  used_up: "red",
}

export const ACTION_LABELS: Record<JournalAction, string> = {
  validated: "Validated",
  rejected: "Rejected",
  reserved: "Reserved",
  released: "Released",
  redeemed: "Redeemed",
  assigned: "Assigned",
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

/** Why a code was rejected or a use given back, in words. */
const REASON_LABELS: Record<string, string> = {
  PROMOCODE_NOT_FOUND: "Code does not exist",
  PROMOCODE_INACTIVE: "Code is inactive",
  PROMOCODE_NOT_STARTED: "Not started yet",
  PROMOCODE_EXPIRED: "Expired",
  PROMOCODE_USED_UP: "Usage limit reached",
  PROMOCODE_ALREADY_USED: "Already used by this customer",
  PROMOCODE_NOT_FOR_CUSTOMER: "Not assigned to this customer",
  PROMOCODE_NOT_APPLICABLE: "Not valid for this plan",
  PROMOCODE_FIRST_PURCHASE_ONLY: "First purchase only",
}

export function reasonLabel(reason: string | null | undefined): string {
  if (!reason) {
    return "—"
  }
  if (REASON_LABELS[reason]) {
    return REASON_LABELS[reason]
  }
  const words = reason.replace(/^PROMOCODE_/, "").replace(/[_-]+/g, " ").toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
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

const INTERVAL_WORDS: Record<PlanInterval, [string, string]> = {
  day: ["day", "days"],
  month: ["month", "months"],
  year: ["year", "years"],
}

/** "every month", "every 3 months". */
export function formatInterval(interval: PlanInterval, count: number): string {
  const [one, many] = INTERVAL_WORDS[interval] ?? [interval, interval]
  return count === 1 ? `every ${one}` : `every ${count} ${many}`
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
