import { Suspense } from "react"
import { getLocale, getTranslations } from "next-intl/server"
import { Link } from "@/i18n/navigation"
import { signOutAction } from "@/lib/actions/auth"
import { getAuthToken } from "@/lib/data/cookies"
import LocaleSwitcher from "./LocaleSwitcher"
import NavLink from "./NavLink"
import styles from "./Header.module.css"

export default async function Header() {
  const [t, locale, token] = await Promise.all([
    getTranslations("Layout"),
    getLocale(),
    getAuthToken(),
  ])
  const signedIn = Boolean(token)

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
              <NavLink href="/" className={styles.navLink}>
                {t("tariffs")}
              </NavLink>
            </li>
            <li>
              {signedIn ? (
                <NavLink href="/account" className={styles.navLink}>
                  {t("account")}
                </NavLink>
              ) : (
                <NavLink href="/sign-in" className={styles.navLink}>
                  {t("signIn")}
                </NavLink>
              )}
            </li>
          </ul>
        </nav>

        <div className={styles.tools}>
          {signedIn ? (
            <form action={signOutAction}>
              <input type="hidden" name="locale" value={locale} />
              <button type="submit" className={styles.signOut}>
                {t("signOut")}
              </button>
            </form>
          ) : null}
          {/* The switch keeps the query (a return path, an applied promo code); reading it
              needs a Suspense boundary, whose fallback is the same switch without it. */}
          <Suspense fallback={<LocaleSwitcher keepQuery={false} />}>
            <LocaleSwitcher keepQuery />
          </Suspense>
        </div>
      </div>
    </header>
  )
}
