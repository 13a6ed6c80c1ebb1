import type { MedusaRequest } from "@medusajs/framework/http"
import { CATALOG_LOCALES, languageOf } from "../../../lib/i18n"

/** The catalog's locales (as the seed stores translations), by language. */
const CATALOG_LOCALE_BY_LANGUAGE: Record<string, string> = CATALOG_LOCALES

/**
 * The locale catalog texts are translated to: Medusa's own choice
 * (`?locale=` or `x-medusa-locale`, set on `req.locale`) when given, else the
 * `Accept-Language` language. A bare or regional language we have ("ru",
 * "ru-BY") maps to the catalog's locale of that language ("ru-RU"); any other
 * locale is used as given (an admin may add more in Settings → Translations).
 */
export function catalogLocale(req: MedusaRequest): string {
  const requested = req.locale
  if (requested) {
    if (Object.values(CATALOG_LOCALE_BY_LANGUAGE).includes(requested)) {
      return requested
    }
    return CATALOG_LOCALE_BY_LANGUAGE[requested.split("-")[0].toLowerCase()] ?? requested
  }
  return CATALOG_LOCALE_BY_LANGUAGE[languageOf(req)]
}
