import { useFormatter, useLocale, useTranslations } from "next-intl"
import { Link } from "@/i18n/navigation"
import { formatMoney, yearlySaving } from "@/lib/util/money"
import type { PlanOffer } from "@/lib/data/subscriptions"
import type { Subscription, TrialEligibility } from "@/types/purchase"
import type { StoreTariff, StoreTariffPlan } from "@/types/tariff"
import styles from "./TariffCard.module.css"

type Props = {
  tariff: StoreTariff
  /** The signed-in customer's live subscription, if it is to this tariff. */
  current: Subscription | null
  /** The signed-in customer's live subscription to any tariff (for a scheduled switch). */
  live: Subscription | null
  /** What buying each plan would do for the signed-in customer, by variant id. */
  offers: Record<string, PlanOffer>
  /** Why the Trial is not the customer's to take, when the backend says. */
  trialReason: TrialEligibility["reason"]
}

/** The verb of a plan's button: what buying it does, as the server's preview says. */
type Action = "choose" | "extend" | "upgrade" | "switch"

const ACTIONS: Record<string, Action> = {
  new: "choose",
  extension: "extend",
  upgrade: "upgrade",
  scheduled: "switch",
}

export default function TariffCard({ tariff, current, live, offers, trialReason }: Props) {
  const t = useTranslations("Tariffs")
  const locale = useLocale()
  const format = useFormatter()
  const saving = yearlySaving(tariff.plans)
  const headingId = `tariff-${tariff.id}`
  const day = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium" })

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
          const isPending = live !== null && live.pending_variant_id === plan.variant_id
          const offer = offers[plan.variant_id]
          const unavailable = offer?.status === "trial_unavailable"
          const action: Action =
            offer?.status === "available"
              ? ACTIONS[offer.change]
              : isCurrent
                ? "extend"
                : "choose"
          // No second Trial, no "Extend" on a Trial, no buying again a switch already booked.
          const buyable =
            !unavailable && !isPending && !(isCurrent && current?.status === "trialing")
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
                  {t("currentUntil", { date: day(current.current_period_end) })}
                </p>
              ) : null}
              {isPending && live ? (
                <p className={styles.currentNote}>
                  {t("scheduledNote", { date: day(live.current_period_end) })}
                </p>
              ) : null}
              {buyable && action === "upgrade" ? (
                <p className={styles.note}>{t("upgradeNote")}</p>
              ) : null}
              {buyable && action === "switch" && offer?.status === "available" && offer.effective_at ? (
                <p className={styles.note}>{t("switchNote", { date: day(offer.effective_at) })}</p>
              ) : null}
              {unavailable && !isCurrent ? (
                <div className={styles.unavailable}>
                  <p className={styles.unavailableTitle}>{t("trialUnavailable")}</p>
                  <p className={styles.note}>{t("trialUnavailableReason", { reason: trialReason ?? "other" })}</p>
                </div>
              ) : null}
              {buyable ? (
                <Link
                  href={`/checkout/${encodeURIComponent(plan.variant_id)}`}
                  className={styles.choose}
                  aria-label={t(`${action}Label`, { title: tariff.title, period })}
                >
                  {t(action)}
                </Link>
              ) : isCurrent ? (
                <p className={styles.currentPlanLabel}>{t("currentPlan")}</p>
              ) : null}
            </li>
          )
        })}
      </ul>
    </article>
  )
}
