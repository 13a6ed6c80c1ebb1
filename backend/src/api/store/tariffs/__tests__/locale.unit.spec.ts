import type { MedusaRequest } from "@medusajs/framework/http"
import { catalogLocale } from "../locale"

function request(locale: string | undefined, acceptLanguage?: string): MedusaRequest {
  const headers: Record<string, string> = acceptLanguage ? { "accept-language": acceptLanguage } : {}
  return {
    locale,
    headers,
    get: (name: string) => headers[name.toLowerCase()],
  } as unknown as MedusaRequest
}

describe("catalogLocale", () => {
  it.each([
    // Medusa's choice (x-medusa-locale / ?locale=) wins over Accept-Language
    ["ru-RU", "en", "ru-RU"],
    ["ru", "en", "ru-RU"],
    ["ru-BY", undefined, "ru-RU"],
    ["en", "ru", "en-US"],
    ["en-GB", undefined, "en-US"],
    // a locale of another language an admin may add is used as given
    ["de-DE", "ru", "de-DE"],
    // else the Accept-Language language, English by default
    [undefined, "ru-RU,ru;q=0.9,en;q=0.8", "ru-RU"],
    [undefined, "fr;q=1, en;q=0.5, ru;q=0.7", "ru-RU"],
    [undefined, "en-GB,en;q=0.9", "en-US"],
    [undefined, "fr", "en-US"],
    [undefined, undefined, "en-US"],
  ])("locale %s with Accept-Language %s → %s", (locale, acceptLanguage, expected) => {
    expect(catalogLocale(request(locale, acceptLanguage))).toEqual(expected)
  })
})
