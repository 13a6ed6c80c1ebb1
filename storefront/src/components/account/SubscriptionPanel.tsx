import { useFormatter, useLocale, useTranslations } from "next-intl"
import { Link } from "@/i18n/navigation"
import { formatMoney } from "@/lib/util/money"
import CardForm from "./CardForm"
import type { Subscription } from "@/types/purchase"
import styles from "./Account.module.css"
import SubscriptionActions from "./SubscriptionActions"

type Props = {
  /** The live subscription; null when there is none, undefined when it could not be loaded. */
  subscription: Subscription | null | undefined
  now: number
  /** The plan's period in the page's language, by variant id. */
  periods: Record<string, string>
  /** The tariff's title, by variant id (for a switch scheduled to another tariff). */
  titles: Record<string, string>
}

const DAY_MS = 24 * 60 * 60 * 1000

export default function SubscriptionPanel({ subscription, now, periods, titles }: Props) {
  const t = useTranslations("Account")
  const format = useFormatter()

  return (
    <section className={styles.section} aria-labelledby="subscription-title">
      <h2 id="subscription-title" className={styles.sectionTitle}>
        {t("subscriptionTitle")}
      </h2>
      {subscription === undefined ? (
        <p className={styles.warning} role="status">
          {t("subscriptionUnavailable")}
        </p>
      ) : subscription === null ? (
        <div className={styles.empty}>
          <p>{t("noSubscription")}</p>
          <Link href="/" className={styles.button}>
            {t("chooseTariff")}
          </Link>
        </div>
      ) : (
        <Current
          subscription={subscription}
          now={now}
          periods={periods}
          titles={titles}
          formatDay={(iso, style) => format.dateTime(new Date(iso), { dateStyle: style })}
        />
      )}
    </section>
  )
}

function Current({
  subscription,
  now,
  periods,
  titles,
  formatDay,
}: Omit<Props, "subscription"> & {
  subscription: Subscription
  formatDay: (iso: string, style: "long" | "medium") => string
}) {
  const t = useTranslations("Account")
  const locale = useLocale()
  const end = subscription.current_period_end
  const card = subscription.payment_method
  const next = subscription.next_charge
  const daysLeft = Math.max(0, Math.ceil((Date.parse(end) - now) / DAY_MS))
  const title =
    subscription.product_title ?? titles[subscription.variant_id] ?? subscription.variant_id
  const period = periods[subscription.variant_id] ?? subscription.variant_title
  const trial = subscription.status === "trialing"
  const pending = subscription.pending_variant_id
  const until = formatDay(end, "long")

  const state = subscription.cancel_at_period_end
    ? t("canceledUntil", { date: until })
    : trial
      ? t("trialUntil", { date: until })
      : t("activeUntil", { date: until })

  return (
    <div className={styles.subscription}>
      <div>
        <p className={styles.subscriptionName}>
          {title}
          {period ? <span className={styles.muted}> · {period}</span> : null}
        </p>
        <p>{state}</p>
        {subscription.status === "past_due" ? (
          <div className={styles.banner} role="alert">
            <p className={styles.warning}>
              <strong>{t("pastDue")}</strong>
            </p>
            <p>{t("pastDueText")}</p>
            <CardForm subscriptionId={subscription.id} label={t("cardUpdate")} />
          </div>
        ) : null}
        {next ? (
          <p>
            {t("nextCharge", {
              date: formatDay(next.at, "long"),
              amount: formatMoney(next.amount, next.currency_code, locale),
            })}
          </p>
        ) : null}
        {card ? (
          <p>{t("savedCard", { brand: brandName(card.brand), last4: card.last4 })}</p>
        ) : !trial && !subscription.cancel_at_period_end ? (
          <p className={styles.muted}>{t("noCard")}</p>
        ) : null}
        {pending && !subscription.cancel_at_period_end ? (
          <p className={styles.scheduled}>
            {t("scheduledChange", {
              current: title,
              date: formatDay(end, "medium"),
              // "then Standard"; "then Premium for a month" when only the period changes
              next:
                (titles[pending] ?? pending) === title && periods[pending]
                  ? `${title} ${periods[pending]}`
                  : (titles[pending] ?? pending),
            })}
          </p>
        ) : null}
      </div>
      <p className={styles.daysLeft}>{t("daysLeft", { days: daysLeft })}</p>
      <div className={styles.subscriptionFooter}>
        {!trial && !subscription.cancel_at_period_end ? (
          <Link
            href={`/checkout/${encodeURIComponent(subscription.variant_id)}`}
            className={styles.buttonSecondary}
          >
            {t("extend")}
          </Link>
        ) : null}
        <Link href="/" className={styles.buttonSecondary}>
          {t("changePlan")}
        </Link>
        {card && subscription.status !== "past_due" ? (
          <CardForm subscriptionId={subscription.id} label={t("cardReplace")} />
        ) : null}
        <SubscriptionActions
          subscriptionId={subscription.id}
          cancelAtPeriodEnd={subscription.cancel_at_period_end}
          accessUntil={until}
        />
      </div>
    </div>
  )
}

/** The card's brand as written on it: "visa" → "Visa". */
function brandName(brand: string): string {
  return brand.charAt(0).toUpperCase() + brand.slice(1)
}
