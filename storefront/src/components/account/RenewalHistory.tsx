import { useFormatter, useLocale, useTranslations } from "next-intl"
import { formatMoney } from "@/lib/util/money"
import { isDeclineReason } from "@/lib/util/payment"
import type { Purchase } from "@/types/purchase"
import { DATE_TIME_WITH_ZONE } from "@/lib/util/date-time"
import styles from "./Account.module.css"

type Props = {
  /** The customer's renewal purchases, newest first; null when they could not be loaded. */
  renewals: Purchase[] | null
}

/**
 * Every renewal attempt (README, "Renewals"): a charge that renewed the period, or a
 * decline with its reason as a sentence. Nothing is shown before the first renewal.
 */
export default function RenewalHistory({ renewals }: Props) {
  const t = useTranslations("Account")
  const tCheckout = useTranslations("Checkout")
  const locale = useLocale()
  const format = useFormatter()

  if (renewals !== null && renewals.length === 0) {
    return null
  }

  const outcome = (renewal: Purchase) => {
    const amount = formatMoney(renewal.total, renewal.currency_code, locale)
    if (renewal.status === "completed") {
      return (
        <span className={styles.ok}>
          {renewal.period_end
            ? t("renewalPaid", {
                amount,
                date: format.dateTime(new Date(renewal.period_end), { dateStyle: "long" }),
              })
            : t("renewalPaidNoDate", { amount })}
        </span>
      )
    }
    if (renewal.status === "failed") {
      return (
        <span className={styles.bad}>
          {t("renewalFailed", { amount })}{" "}
          <span className={styles.reason}>
            {tCheckout(
              `declineReasons.${isDeclineReason(renewal.reason) ? renewal.reason : "other"}`
            )}
          </span>
        </span>
      )
    }
    return <span className={styles.muted}>{t("statusPending")}</span>
  }

  return (
    <section className={styles.section} aria-labelledby="renewals-title">
      <h2 id="renewals-title" className={styles.sectionTitle}>
        {t("renewalsTitle")}
      </h2>
      {renewals === null ? (
        <p className={styles.warning} role="status">
          {t("historyUnavailable")}
        </p>
      ) : (
        <ul className={styles.renewals}>
          {renewals.map((renewal) => (
            <li key={renewal.id}>
              <span className={styles.muted}>
                {renewal.created_at
                  ? format.dateTime(new Date(renewal.created_at), DATE_TIME_WITH_ZONE)
                  : "—"}
              </span>{" "}
              {outcome(renewal)}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
