import { MedusaError } from "@medusajs/framework/utils"

/** The longest range a report may cover, in days (both admin reports). */
export const MAX_REPORT_DAYS = 366

const DAY_MS = 24 * 60 * 60 * 1000
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/**
 * The report range [from, to) from query strings. A date-only `to` includes
 * that whole day (UTC); defaults: to = now, from = 30 days before to. A range
 * that is empty, reversed or longer than 366 days is a 400 with
 * `<codePrefix>_RANGE_INVALID` / `<codePrefix>_RANGE_TOO_LONG`.
 */
export function reportRange(
  input: { from?: string; to?: string },
  codePrefix: "PROMOCODE_REPORT" | "SUBSCRIPTION_REPORT" = "PROMOCODE_REPORT"
): { from: Date; to: Date } {
  const now = new Date()
  let to = input.to ? new Date(input.to) : now
  if (input.to && DATE_ONLY.test(input.to)) {
    to = new Date(to.getTime() + DAY_MS)
  }
  const from = input.from ? new Date(input.from) : new Date(to.getTime() - 30 * DAY_MS)
  if (from.getTime() >= to.getTime()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "from must be before to.", `${codePrefix}_RANGE_INVALID`)
  }
  if (to.getTime() - from.getTime() > MAX_REPORT_DAYS * DAY_MS) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `The report range must not exceed ${MAX_REPORT_DAYS} days.`,
      `${codePrefix}_RANGE_TOO_LONG`
    )
  }
  return { from, to }
}

/** Every UTC day (YYYY-MM-DD) that [from, to) touches. */
export function daysOf(from: Date, to: Date): string[] {
  const days: string[] = []
  let day = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate())
  for (; day < to.getTime(); day += DAY_MS) {
    days.push(new Date(day).toISOString().slice(0, 10))
  }
  return days
}
