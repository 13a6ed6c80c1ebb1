import type { MedusaRequest } from "@medusajs/framework/http"

export type Lang = "en" | "ru"

/** The Translation Module's locale of each language (the catalog's translations, the seed). */
export const CATALOG_LOCALES: Record<Lang, string> = { en: "en-US", ru: "ru-RU" }

/**
 * Picks the response language from `Accept-Language`: the first of ru / en in
 * the header's preference order wins; anything else falls back to English.
 */
export function requestLanguage(header: string | undefined | null): Lang {
  return preferredLanguage(header) ?? "en"
}

/** The first of ru / en in `Accept-Language`'s preference order; null when it names neither. */
export function preferredLanguage(header: string | undefined | null): Lang | null {
  if (!header) {
    return null
  }
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(";")
      const q = params.find((p) => p.trim().startsWith("q="))
      const weight = q ? Number(q.trim().slice(2)) : 1
      return { lang: tag.split("-")[0], weight: isNaN(weight) ? 0 : weight, index }
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
  const match = ranked.find((entry) => entry.lang === "ru" || entry.lang === "en")
  return (match?.lang as Lang) ?? null
}

export function languageOf(req: MedusaRequest): Lang {
  return requestLanguage(req.get?.("accept-language") ?? req.headers?.["accept-language"])
}
