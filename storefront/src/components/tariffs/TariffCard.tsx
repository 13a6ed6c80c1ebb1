import { useFormatter, useLocale, useTranslations } from "next-intl"
import { Link } from "@/i18n/navigation"
import { formatMoney, yearlySaving } from "@/lib/util/money"
import type { Subscription } from "@/types/purchase"
import type { StoreTariff, StoreTariffPlan } from "@/types/tariff"
import styles from "./TariffCard.module.css"

type Props = {
  tariff: StoreTariff
  /** The signed-in customer's current subscription to this tariff, if any. */
  current: Subscription | null
}

export default function TariffCard({ tariff, current }: Props) {
  const t = useTranslations("Tariffs")
  const locale = useLocale()
  const format = useFormatter()
  const saving = yearlySaving(tariff.plans)
  const headingId = `tariff-${tariff.id}`

  const badgeFor = (plan: StoreTariffPlan) => {
    if (plan.price.amount === 0) {
      return t("free")
    }
    if (plan.trial_days > 0) {
      return t("trial", { days: plan.trial_days })
    }
    return null
  }

  return (
    <article
      className={`${styles.card} ${current ? styles.current : ""}`}
      aria-labelledby={headingId}
    >
      <div className={styles.head}>
        <h2 id={headingId} className={styles.title}>
          {tariff.title}
        </h2>
        {current ? <p className={styles.currentBadge}>{t("currentTariff")}</p> : null}
      </div>
      {tariff.description ? (
        <p className={styles.description}>{tariff.description}</p>
      ) : null}

      <ul
        className={styles.plans}
        aria-label={t("plansLabel", { title: tariff.title })}
      >
        {tariff.plans.map((plan) => {
          const badge = badgeFor(plan)
          const period = t("period", {
            interval: plan.interval,
            count: plan.interval_count,
          })
          const isCurrent = current?.variant_id === plan.variant_id
          return (
            <li
              key={plan.variant_id}
              className={`${styles.plan} ${isCurrent ? styles.currentPlan : ""}`}
            >
              <p className={styles.price}>
                <span className={styles.amount}>
                  {formatMoney(
                    plan.price.amount,
                    plan.price.currency_code,
                    locale
                  )}
                </span>{" "}
                <span className={styles.period}>{period}</span>
              </p>
              {badge ? <p className={styles.badge}>{badge}</p> : null}
              {saving && saving.variant_id === plan.variant_id ? (
                <p className={styles.saving}>
                  {t("yearlySaving", {
                    amount: formatMoney(
                      saving.amount,
                      saving.currency_code,
                      locale
                    ),
                    percent: saving.ratio,
                  })}
                </p>
              ) : null}
              {isCurrent && current ? (
                <p className={styles.currentNote}>
                  {t("currentUntil", {
                    date: format.dateTime(new Date(current.ends_at), {
                      dateStyle: "medium",
                    }),
                  })}
                </p>
              ) : null}
              <Link
                href={`/checkout/${encodeURIComponent(plan.variant_id)}`}
                className={styles.choose}
                aria-label={t(isCurrent ? "extendLabel" : "chooseLabel", {
                  title: tariff.title,
                  period,
                })}
              >
                {t(isCurrent ? "extend" : "choose")}
              </Link>
            </li>
          )
        })}
      </ul>
    </article>
  )
}
