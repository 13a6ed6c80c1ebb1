import type { Lang } from "../lib/i18n"

/** The storefront's address in notifications (STOREFRONT_URL, default http://localhost:3000). */
function storefrontUrl(): string {
  return (process.env.STOREFRONT_URL || "http://localhost:3000").replace(/\/+$/, "")
}

/** The account page, where the shopper replaces the card, cancels or resumes. */
export const accountUrl = (lang: Lang) => `${storefrontUrl()}/${lang}/account`

/** The tariffs (the storefront's home page). */
export const tariffsUrl = (lang: Lang) => `${storefrontUrl()}/${lang}`
