import { useTranslations } from "next-intl"
import { Link } from "@/i18n/navigation"
import LocaleSwitcher from "./LocaleSwitcher"
import styles from "./Header.module.css"

export default function Header() {
  const t = useTranslations("Layout")

  return (
    <header className={styles.header}>
      <div className={`container ${styles.inner}`}>
        <Link href="/" className={styles.brand} aria-label={t("homeLink")}>
          <span className={styles.logo} aria-hidden="true" />
          <span>{t("brand")}</span>
        </Link>

        <nav aria-label={t("mainNav")} className={styles.nav}>
          <ul className={styles.navList}>
            <li>
              <Link href="/" className={styles.navLink}>
                {t("tariffs")}
              </Link>
            </li>
            {/* Account and Sign in links go here once their pages exist. */}
          </ul>
        </nav>

        <LocaleSwitcher />
      </div>
    </header>
  )
}
