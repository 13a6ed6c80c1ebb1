import { useFormatter, useLocale, useTranslations } from "next-intl"
import { Link } from "@/i18n/navigation"
import { formatMoney } from "@/lib/util/money"
import type { AssignedPromocode } from "@/types/purchase"
import styles from "./Account.module.css"

type Props = {
  /** Codes an admin gave this account; null when they could not be loaded. */
  codes: AssignedPromocode[] | null
}

export default function AssignedCodes({ codes }: Props) {
  const t = useTranslations("Account")
  const locale = useLocale()
  const format = useFormatter()

  const benefit = (code: AssignedPromocode) => {
    if (code.type === "percentage" && code.value !== null) {
      return t("benefitPercent", { value: code.value / 100 })
    }
    if (code.type === "fixed" && code.value !== null && code.currency_code) {
      return t("benefitFixed", {
        amount: formatMoney(code.value, code.currency_code, locale),
      })
    }
    if (code.type === "free_period" && code.free_days !== null) {
      return t("benefitFreeDays", { days: code.free_days })
    }
    return null
  }

  return (
    <section className={styles.section} aria-labelledby="codes-title">
      <h2 id="codes-title" className={styles.sectionTitle}>
        {t("codesTitle")}
      </h2>
      {codes === null ? (
        <p className={styles.warning} role="status">
          {t("codesUnavailable")}
        </p>
      ) : codes.length === 0 ? (
        <p className={styles.muted}>{t("noCodes")}</p>
      ) : (
        <ul className={styles.codes}>
          {codes.map((code) => {
            const available = code.status === "available"
            return (
              <li key={code.code} className={styles.codeItem}>
                <p>
                  <code className={styles.codeBig}>{code.code}</code>
                </p>
                <p>{benefit(code)}</p>
                {code.assigned_at ? (
                  <p className={styles.muted}>
                    {t("assignedAt", {
                      date: format.dateTime(new Date(code.assigned_at), {
                        dateStyle: "medium",
                      }),
                    })}
                  </p>
                ) : null}
                <p className={available ? styles.ok : styles.muted}>
                  {t(available ? "codeAvailable" : "codeUsed")}
                </p>
                {available ? (
                  <Link href="/" className={styles.inlineLink}>
                    {t("useCode")}
                  </Link>
                ) : null}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
