/**
 * How the account pages write a moment (a purchase): date, time and the time
 * zone's name, "29 нояб. 2026 г., 17:17 MSK" / "Nov 29, 2026, 5:17 PM GMT+3".
 * The zone is the one of the request config (i18n/request.ts), named so that
 * the time never reads as the viewer's own when it is not; the admin writes
 * the same moment in the viewer's zone, named too.
 */
export const DATE_TIME_WITH_ZONE = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
} as const satisfies Intl.DateTimeFormatOptions

/**
 * The end of one period of a plan that starts at `start` (ISO), as the backend counts it
 * (modules/subscription period.ts): whole days; calendar months and years, a day past the
 * month's end clamped to its last day (Jan 31 + 1 month = Feb 28). For the checkout's
 * "renews on …" line.
 */
export function periodEnd(
  start: string,
  interval: "day" | "month" | "year",
  count: number
): Date {
  const from = new Date(start)
  if (interval === "day") {
    return new Date(from.getTime() + count * 24 * 60 * 60 * 1000)
  }
  const index =
    from.getUTCFullYear() * 12 + from.getUTCMonth() + (interval === "month" ? count : count * 12)
  const year = Math.floor(index / 12)
  const month = index - year * 12
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  const end = new Date(from.getTime())
  end.setUTCFullYear(year, month, Math.min(from.getUTCDate(), lastDay))
  return end
}
