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
