import { routing } from "@/i18n/routing"

/**
 * Where to go after signing in: a path inside the storefront without the locale prefix
 * (`/account`, `/checkout/variant_1?code=SALE10`), or null for anything else (another
 * host, `//evil.example`, `/\evil.example`, a non-path), so the sign-in form cannot be
 * used to send shoppers away.
 */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 512) {
    return null
  }
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) {
    return null
  }
  let url: URL
  try {
    url = new URL(value, "http://storefront.invalid")
  } catch {
    return null
  }
  if (url.origin !== "http://storefront.invalid") {
    return null
  }
  // A locale prefix is dropped: the redirect adds the page's current locale.
  const [, first, ...rest] = url.pathname.split("/")
  const pathname = (routing.locales as readonly string[]).includes(first)
    ? `/${rest.join("/")}`
    : url.pathname
  return `${pathname}${url.search}`
}

/** The sign-in page, with the path to come back to. */
export function signInHref(returnPath: string) {
  return { pathname: "/sign-in", query: { next: returnPath } }
}
