import { CATALOG_LOCALES, type Lang } from "../../lib/i18n"
import type { Formatter, Money } from "./types"

/**
 * Dates in notifications are calendar days in NOTIFICATION_TIME_ZONE (an IANA
 * zone, default UTC); amounts in the currency, whole ones without decimals.
 */
export function formatter(lang: Lang, timeZone = process.env.NOTIFICATION_TIME_ZONE || "UTC"): Formatter {
  const locale = CATALOG_LOCALES[lang]
  const dates = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone })
  return {
    lang,
    money: ({ amount, currency_code }: Money) =>
      new Intl.NumberFormat(locale, {
        style: "currency",
        currency: currency_code.toUpperCase(),
        minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
        maximumFractionDigits: 2,
      }).format(amount),
    date: (iso: string) => dates.format(new Date(iso)),
  }
}

/** The lines of a text body; null and undefined lines are left out. */
export function lines(...parts: (string | null | undefined | false)[]): string {
  return parts.filter((part): part is string => typeof part === "string").join("\n")
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }

/** The text body as simple HTML (paragraphs at blank lines), for providers that send HTML. */
export function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.replace(/[&<>"']/g, (c) => ESCAPES[c]).replace(/\n/g, "<br>")}</p>`)
    .join("\n")
}
