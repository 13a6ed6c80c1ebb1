import type { PeriodInterval } from "../modules/subscription/lib/period"

/** The average month: 365.25 / 12 days (a daily plan's amount per month). */
const DAYS_PER_MONTH = 365.25 / 12

/**
 * Monthly recurring revenue of one renewing subscription: the amount it will
 * be charged per period (its next charge, discounts included) spread over one
 * month, rounded to kopecks. A yearly plan of 3,990 ₽ is 332.50 ₽ a month; a
 * 7-day plan of 70 ₽ is 304.38 ₽. Used by the admin's subscription list (the
 * MRR column) and the subscription report, so the two agree.
 */
export function monthlyRecurringAmount(
  amount: number,
  terms: { interval: PeriodInterval; interval_count: number }
): number {
  if (!Number.isFinite(amount) || amount < 0) {
    throw new RangeError(`amount must be a non-negative number, got ${amount}`)
  }
  if (!Number.isInteger(terms.interval_count) || terms.interval_count < 1) {
    throw new RangeError(`interval_count must be a positive integer, got ${terms.interval_count}`)
  }
  const months =
    terms.interval === "year"
      ? terms.interval_count * 12
      : terms.interval === "month"
        ? terms.interval_count
        : terms.interval_count / DAYS_PER_MONTH
  return Math.round((amount / months) * 100) / 100
}
