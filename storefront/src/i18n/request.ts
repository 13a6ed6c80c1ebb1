import { hasLocale } from "next-intl"
import { getRequestConfig } from "next-intl/server"
import { routing } from "./routing"

/** The time zone dates and times are shown in (the cinema sells in Russia first). */
export const STORE_TIME_ZONE = "Europe/Moscow"

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale
  const locale = hasLocale(routing.locales, requested)
    ? requested
    : routing.defaultLocale

  return {
    locale,
    // Dates are shown in the cinema's time zone, the same on the server and in the browser.
    timeZone: STORE_TIME_ZONE,
    messages: (await import(`../../messages/${locale}.json`)).default,
  }
})
