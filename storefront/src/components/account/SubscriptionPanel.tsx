import { useFormatter, useTranslations } from "next-intl"
import { Link } from "@/i18n/navigation"
import type { Subscription } from "@/types/purchase"
import styles from "./Account.module.css"

type Props = {
  /** Current subscriptions, the one ending last first; null when they could not be loaded. */
  subscriptions: Subscription[] | null
  now: number
  /** The plan's period in the page's language, by variant id. */
  periods: Record<string, string>
}

const DAY_MS = 24 * 60 * 60 * 1000

export default function SubscriptionPanel({ subscriptions, now, periods }: Props) {
  const t = useTranslations("Account")
  const format = useFormatter()

  return (
    <section className={styles.section} aria-labelledby="subscription-title">
      <h2 id="subscription-title" className={styles.sectionTitle}>
        {t("subscriptionTitle")}
      </h2>
      {subscriptions === null ? (
        <p className={styles.warning} role="status">
          {t("subscriptionUnavailable")}
        </p>
      ) : subscriptions.length === 0 ? (
        <div className={styles.empty}>
          <p>{t("noSubscription")}</p>
          <Link href="/" className={styles.button}>
            {t("chooseTariff")}
          </Link>
        </div>
      ) : (
        <ul className={styles.subscriptions}>
          {subscriptions.map((subscription) => {
            const endsAt = new Date(subscription.ends_at)
            const daysLeft = Math.max(0, Math.ceil((endsAt.getTime() - now) / DAY_MS))
            const period = periods[subscription.variant_id] ?? subscription.variant_title
            return (
              <li key={subscription.id} className={styles.subscription}>
                <div>
                  <p className={styles.subscriptionName}>
                    {subscription.product_title ?? subscription.variant_id}
                    {period ? <span className={styles.muted}> · {period}</span> : null}
                  </p>
                  <p>
                    {t("activeUntil", {
                      date: format.dateTime(endsAt, { dateStyle: "long" }),
                    })}
                  </p>
                </div>
                <p className={styles.daysLeft}>
                  {t("daysLeft", { days: daysLeft })}
                </p>
                <Link
                  href={`/checkout/${encodeURIComponent(subscription.variant_id)}`}
                  className={styles.buttonSecondary}
                >
                  {t("extend")}
                </Link>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
