import type { Lang } from "./i18n"

type Messages = Record<Lang, string>

/**
 * Messages of our own error codes, in every language the API answers in.
 * Modules add theirs through `registerErrorMessages`.
 */
const messages: Record<string, Messages> = {
  REGION_NOT_FOUND: {
    en: "The region does not exist.",
    ru: "Такого региона нет.",
  },
}

export function registerErrorMessages(extra: Record<string, Messages>) {
  Object.assign(messages, extra)
}

export function errorMessage(code: string | undefined, lang: Lang): string | undefined {
  return code ? messages[code]?.[lang] : undefined
}

/** Prefix for request validation errors (zod), whose details stay as they are. */
export const INVALID_REQUEST_PREFIX: Messages = {
  en: "Invalid request",
  ru: "Некорректный запрос",
}
