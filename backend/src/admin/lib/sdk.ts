import Medusa from "@medusajs/js-sdk"
import { currentLocale } from "./i18n"

/**
 * The one SDK instance of our admin extensions. The admin is served by the
 * Medusa server itself, so requests go to the same origin and carry the admin's
 * session cookie.
 */
export const sdk = new Medusa({
  baseUrl: "/",
  auth: { type: "session" },
  // read on every request (the SDK spreads this object into its headers): the
  // server's messages come in the language the admin picked, not the browser's
  globalHeaders: Object.defineProperty({}, "Accept-Language", {
    enumerable: true,
    get: () => currentLocale(),
  }),
})

/** An absolute URL of an admin API path, for downloads through a plain link. */
export function apiUrl(
  path: string,
  query: Record<string, string | number | null | undefined> = {}
): string {
  const url = new URL(path, window.location.origin)
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== "") {
      url.searchParams.set(key, String(value))
    }
  }
  return url.toString()
}
