"use client"

import { useSearchParams } from "next/navigation"
import { useLocale, useTranslations } from "next-intl"
import { Link, usePathname } from "@/i18n/navigation"
import { routing } from "@/i18n/routing"
import styles from "./LocaleSwitcher.module.css"

type Props = {
  /** Keep the query string (a return path, an applied promo code); needs a Suspense boundary. */
  keepQuery: boolean
}

/**
 * RU / EN links to the current page in the other language. next-intl remembers the choice
 * in its locale cookie, so `/` later opens the language picked last.
 */
export default function LocaleSwitcher({ keepQuery }: Props) {
  return keepQuery ? <WithQuery /> : <Links query={undefined} />
}

function WithQuery() {
  const searchParams = useSearchParams()
  return <Links query={Object.fromEntries(searchParams.entries())} />
}

function Links({ query }: { query: Record<string, string> | undefined }) {
  const t = useTranslations("LocaleSwitcher")
  const current = useLocale()
  const pathname = usePathname()

  return (
    <nav aria-label={t("label")}>
      <ul className={styles.list}>
        {routing.locales.map((locale) => (
          <li key={locale}>
            <Link
              href={query ? { pathname, query } : pathname}
              locale={locale}
              lang={locale}
              hrefLang={locale}
              title={t("name", { locale })}
              aria-current={locale === current ? "true" : undefined}
              className={styles.link}
            >
              {t("short", { locale })}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
