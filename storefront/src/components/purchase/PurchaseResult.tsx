import { useFormatter, useLocale, useTranslations } from "next-intl"
import RetryButton from "@/components/common/RetryButton"
import { Link } from "@/i18n/navigation"
import { formatMoney } from "@/lib/util/money"
import { isDeclineReason, isPurchaseKind } from "@/lib/util/payment"
import type { Purchase, Subscription } from "@/types/purchase"
import type { PlanInterval } from "@/types/tariff"
import styles from "./PurchaseResult.module.css"
import { DATE_TIME_WITH_ZONE } from "@/lib/util/date-time"

type Props = {
  purchase: Purchase
  /** The subscription the purchase granted or extended, when known. */
  subscription: Subscription | null
  /** The plan bought, when it is still in the catalogue. */
  plan: { tariff: string; interval: PlanInterval; interval_count: number } | null
}

export default function PurchaseResult({ purchase, subscription, plan }: Props) {
  const t = useTranslations("Result")
  const tTariffs = useTranslations("Tariffs")
  const tCheckout = useTranslations("Checkout")
  const tAccount = useTranslations("Account")
  const locale = useLocale()
  const format = useFormatter()
  const money = (amount: number) => formatMoney(amount, purchase.currency_code, locale)

  // the catalog's title is in the page's language; the purchase keeps the one it was bought under
  const tariff = plan?.tariff ?? purchase.product_title ?? purchase.variant_id
  const period = plan
    ? tTariffs("period", { interval: plan.interval, count: plan.interval_count })
    : (purchase.variant_title ?? "")
  const checkoutHref = {
    pathname: `/checkout/${encodeURIComponent(purchase.variant_id)}`,
    query: purchase.promocode ? { code: purchase.promocode } : {},
  }

  if (purchase.status === "failed") {
    return (
      <section className={`${styles.panel} ${styles.failed}`} aria-labelledby="result-title">
        <p className={styles.icon} aria-hidden="true">
          ✕
        </p>
        <h1 id="result-title" className={styles.title}>
          {t("failedTitle")}
        </h1>
        <p className={styles.lead}>
          {tCheckout(
            `declineReasons.${isDeclineReason(purchase.reason) ? purchase.reason : "other"}`
          )}
        </p>
        <p className={styles.text}>
          {purchase.promocode
            ? tCheckout("declinedRetryWithCode", { code: purchase.promocode })
            : tCheckout("declinedRetry")}
        </p>
        <div className={styles.actions}>
          <Link href={checkoutHref} className={styles.primary}>
            {t("tryAgain")}
          </Link>
          <Link href="/" className={styles.secondary}>
            {t("toTariffs")}
          </Link>
        </div>
      </section>
    )
  }

  if (purchase.status !== "completed") {
    return (
      <section className={styles.panel} aria-labelledby="result-title">
        <h1 id="result-title" className={styles.title}>
          {t("pendingTitle")}
        </h1>
        <p className={styles.lead}>{t("pendingText")}</p>
        <div className={styles.actions}>
          <RetryButton label={t("refresh")} />
        </div>
      </section>
    )
  }

  // A 0 total (the Trial, a free-period or 100 % code) took no payment: "Activated".
  const free = purchase.total === 0
  const lead =
    purchase.kind === "upgrade"
      ? t("upgradedLead", { tariff })
      : purchase.kind === "extension"
        ? t("extendedLead", { tariff })
        : t("successLead", { tariff })
  const periodStart = purchase.period_start ?? subscription?.current_period_start ?? null
  const periodEnd = purchase.period_end ?? subscription?.current_period_end ?? null

  return (
    <section className={`${styles.panel} ${styles.success}`} aria-labelledby="result-title">
      <p className={styles.icon} aria-hidden="true">
        ✓
      </p>
      <h1 id="result-title" className={styles.title}>
        {free ? t("activatedTitle") : t("successTitle")}
      </h1>
      <p className={styles.lead}>{lead}</p>

      <dl className={styles.details}>
        <div>
          <dt>{t("tariff")}</dt>
          <dd>
            {tariff} <span className={styles.muted}>{period}</span>
          </dd>
        </div>
        {isPurchaseKind(purchase.kind) ? (
          <div>
            <dt>{t("kind")}</dt>
            <dd>{tAccount(`kinds.${purchase.kind}`)}</dd>
          </div>
        ) : null}
        {periodStart && periodEnd ? (
          <div>
            <dt>{t("period")}</dt>
            <dd>
              {format.dateTimeRange(new Date(periodStart), new Date(periodEnd), {
                dateStyle: "long",
              })}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{free ? t("charged") : t("paid")}</dt>
          <dd>
            {purchase.discount_amount > 0 ? (
              <>
                <s className={styles.muted}>
                  <span className="sr-only">{tCheckout("oldPrice")} </span>
                  {money(purchase.original_amount)}
                </s>{" "}
              </>
            ) : null}
            <strong>{money(purchase.total)}</strong>
          </dd>
        </div>
        {purchase.promocode ? (
          <div>
            <dt>{t("code")}</dt>
            <dd>
              <code className={styles.code}>{purchase.promocode}</code>{" "}
              <span className={styles.muted}>
                {tCheckout("minus", { amount: money(purchase.discount_amount) })}
              </span>
            </dd>
          </div>
        ) : null}
        {purchase.created_at ? (
          <div>
            <dt>{t("date")}</dt>
            <dd>
              {format.dateTime(new Date(purchase.created_at), DATE_TIME_WITH_ZONE)}
            </dd>
          </div>
        ) : null}
      </dl>

      <div className={styles.actions}>
        <Link href="/account" className={styles.primary}>
          {t("toAccount")}
        </Link>
        <Link href="/" className={styles.secondary}>
          {t("toTariffs")}
        </Link>
      </div>
    </section>
  )
}
