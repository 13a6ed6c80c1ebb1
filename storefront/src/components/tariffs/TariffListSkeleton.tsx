import { useTranslations } from "next-intl"
import listStyles from "./TariffList.module.css"
import styles from "./TariffListSkeleton.module.css"

const PLACEHOLDER_CARDS = 3

export default function TariffListSkeleton() {
  const t = useTranslations("Tariffs")

  return (
    <section aria-busy="true">
      <p role="status" className="sr-only">
        {t("loading")}
      </p>
      <ul className={listStyles.grid} aria-hidden="true">
        {Array.from({ length: PLACEHOLDER_CARDS }, (_, i) => (
          <li key={i} className={styles.card}>
            <span className={`${styles.line} ${styles.title}`} />
            <span className={styles.line} />
            <span className={`${styles.line} ${styles.short}`} />
            <span className={styles.plan} />
            <span className={styles.plan} />
          </li>
        ))}
      </ul>
    </section>
  )
}
