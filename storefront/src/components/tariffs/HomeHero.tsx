import { useTranslations } from "next-intl"
import styles from "./HomeHero.module.css"

export default function HomeHero() {
  const t = useTranslations("Home")

  return (
    <div className={styles.hero}>
      <h1 className={styles.title}>{t("title")}</h1>
      <p className={styles.lead}>{t("lead")}</p>
    </div>
  )
}
