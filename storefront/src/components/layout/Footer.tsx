import { useTranslations } from "next-intl"
import styles from "./Footer.module.css"

export default function Footer() {
  const t = useTranslations("Layout")

  return (
    <footer className={styles.footer}>
      <div className={`container ${styles.inner}`}>
        <p>{t("copyright", { year: new Date().getFullYear() })}</p>
        <p className={styles.tagline}>{t("tagline")}</p>
      </div>
    </footer>
  )
}
