import { useLocale, useTranslations } from "next-intl"
import { formatMoney, yearlySaving } from "@/lib/util/money"
import type { StoreTariff, StoreTariffPlan } from "@/types/tariff"
import styles from "./TariffCard.module.css"

type Props = {
  tariff: StoreTariff
}

export default function TariffCard({ tariff }: Props) {
  const t = useTranslations("Tariffs")
  const locale = useLocale()
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
    <article className={styles.card} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.title}>
        {tariff.title}
      </h2>
      {tariff.description ? (
        <p className={styles.description}>{tariff.description}</p>
      ) : null}

      <ul
        className={styles.plans}
        aria-label={t("plansLabel", { title: tariff.title })}
      >
        {tariff.plans.map((plan) => {
          const badge = badgeFor(plan)
          return (
            <li key={plan.variant_id} className={styles.plan}>
              <p className={styles.price}>
                <span className={styles.amount}>
                  {formatMoney(
                    plan.price.amount,
                    plan.price.currency_code,
                    locale
                  )}
                </span>{" "}
                <span className={styles.period}>
                  {t("period", {
                    interval: plan.interval,
                    count: plan.interval_count,
                  })}
                </span>
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
            </li>
          )
        })}
      </ul>
    </article>
  )
}
