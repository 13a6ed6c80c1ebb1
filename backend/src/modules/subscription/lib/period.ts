/**
 * Calendar arithmetic for subscription periods. Pure functions, all in UTC:
 * a period that starts at 10:15 UTC ends at 10:15 UTC, whatever the server's
 * time zone.
 *
 * Months and years are calendar units: adding one month keeps the day of the
 * month and clamps it to the last day of a shorter month (Jan 31 + 1 month =
 * Feb 28, or Feb 29 in a leap year). Years are twelve months, so Feb 29 + 1
 * year = Feb 28. Days are 24-hour days.
 */

export const PERIOD_INTERVALS = ["day", "month", "year"] as const
export type PeriodInterval = (typeof PERIOD_INTERVALS)[number]

const DAY_MS = 24 * 60 * 60 * 1000

function assertDate(value: Date, name: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new RangeError(`${name} must be a valid Date`)
  }
}

function assertCount(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer, got ${value}`)
  }
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/** Number of days in a month; `month` is 0-based as in Date (0 = January). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
}

export function addDays(from: Date, days: number): Date {
  assertDate(from, "from")
  if (!Number.isInteger(days)) {
    throw new RangeError(`days must be an integer, got ${days}`)
  }
  return new Date(from.getTime() + days * DAY_MS)
}

/** Adds calendar months, clamping the day to the end of the target month. */
export function addMonths(from: Date, months: number): Date {
  assertDate(from, "from")
  if (!Number.isInteger(months)) {
    throw new RangeError(`months must be an integer, got ${months}`)
  }
  const monthIndex = from.getUTCFullYear() * 12 + from.getUTCMonth() + months
  const year = Math.floor(monthIndex / 12)
  const month = monthIndex - year * 12
  const day = Math.min(from.getUTCDate(), daysInMonth(year, month))
  const result = new Date(from.getTime())
  // setUTCFullYear with all three parts at once never rolls over into the next month
  result.setUTCFullYear(year, month, day)
  return result
}

export function addYears(from: Date, years: number): Date {
  if (!Number.isInteger(years)) {
    throw new RangeError(`years must be an integer, got ${years}`)
  }
  return addMonths(from, years * 12)
}

/** `from` + interval × count. */
export function addPeriod(
  from: Date,
  interval: PeriodInterval,
  count: number
): Date {
  assertCount(count, "interval_count")
  switch (interval) {
    case "day":
      return addDays(from, count)
    case "month":
      return addMonths(from, count)
    case "year":
      return addYears(from, count)
    default:
      throw new RangeError(`unknown interval: ${String(interval)}`)
  }
}

export type PeriodTerms = {
  interval: PeriodInterval
  interval_count: number
  /** when given (a free-period promo code), the period is this many days instead */
  free_days?: number | null
}

/** The end of one period of `terms` that starts at `from`. */
export function periodEnd(from: Date, terms: PeriodTerms): Date {
  if (terms.free_days !== undefined && terms.free_days !== null) {
    assertCount(terms.free_days, "free_days")
    return addDays(from, terms.free_days)
  }
  return addPeriod(from, terms.interval, terms.interval_count)
}
