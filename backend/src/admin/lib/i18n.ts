import { getI18n, useTranslation } from "react-i18next"
import en from "../i18n/en"

/**
 * Our texts live under one key of the dashboard's `translation` namespace
 * (`cinema.*`, merged in by src/admin/i18n/index.ts), so they follow the
 * language the admin user picked in the profile (i18next, `lng` in
 * localStorage and a cookie).
 */
export const I18N_PREFIX = "cinema"

export type Vars = Record<string, string | number>

/** The dashboard's language code ("en", "ru"): the locale of Intl formats. */
export function currentLocale(): string {
  return getI18n()?.language || "en"
}

function fallback(key: string, vars?: Vars): string {
  let node: unknown = en
  for (const part of key.split(".")) {
    node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined
  }
  const text = typeof node === "string" ? node : key
  return text.replace(/\{\{(\w+)\}\}/g, (_, name) => String(vars?.[name] ?? ""))
}

/**
 * Our text for `key` in the current language, outside React (formatters,
 * labels). English when i18next has not started (unit tests).
 */
export function tr(key: string, vars?: Vars): string {
  const i18n = getI18n()
  if (!i18n?.isInitialized) {
    return fallback(key, vars)
  }
  return i18n.t(`${I18N_PREFIX}.${key}`, vars ?? {}) as string
}

/** `t` for our keys; re-renders the component when the language changes. */
export function useT() {
  const { i18n } = useTranslation()
  const t = (key: string, vars?: Vars): string =>
    i18n.isInitialized ? (i18n.t(`${I18N_PREFIX}.${key}`, vars ?? {}) as string) : fallback(key, vars)
  return { t, locale: i18n.language || "en" }
}

/** The texts of a table's pagination ("1 — 5 of 12 results"), for DataTable.Pagination and Table.Pagination. */
export function usePaginationTexts() {
  const { t } = useT()
  return {
    of: t("pagination.of"),
    results: t("pagination.results"),
    pages: t("pagination.pages"),
    prev: t("common.previous"),
    next: t("common.next"),
  }
}
