"use client"

import { useLocale, useTranslations } from "next-intl"
import { Link, usePathname } from "@/i18n/navigation"
import { routing } from "@/i18n/routing"
import styles from "./LocaleSwitcher.module.css"

/** RU / EN links to the current page in the other language. */
export default function LocaleSwitcher() {
  const t = useTranslations("LocaleSwitcher")
  const current = useLocale()
  const pathname = usePathname()

  return (
    <nav aria-label={t("label")}>
      <ul className={styles.list}>
        {routing.locales.map((locale) => (
          <li key={locale}>
            <Link
              href={pathname}
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
