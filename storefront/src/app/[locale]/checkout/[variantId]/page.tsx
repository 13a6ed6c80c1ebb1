import type { Metadata } from "next"
import { notFound } from "next/navigation"
import type { Locale } from "next-intl"
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server"
import BuyForm, { type RenewalTerms } from "@/components/checkout/BuyForm"
import styles from "@/components/checkout/Checkout.module.css"
import OrderSummary from "@/components/checkout/OrderSummary"
import PromoCodeForm from "@/components/checkout/PromoCodeForm"
import RetryButton from "@/components/common/RetryButton"
import StatusPanel from "@/components/common/StatusPanel"
import statusStyles from "@/components/common/StatusPanel.module.css"
import { Link, redirect } from "@/i18n/navigation"
import { requireCustomer } from "@/lib/data/customer"
import { previewPurchase, type PreviewResult } from "@/lib/data/purchases"
import { listSubscriptions } from "@/lib/data/subscriptions"
import { listTariffs } from "@/lib/data/tariffs"
import { formatMoney } from "@/lib/util/money"
import { periodEnd } from "@/lib/util/date-time"
import {
  normalizePromocode,
  PROMOCODE_MAX_LENGTH,
  type PromocodeRejection,
} from "@/lib/util/promocode"
import { signInHref } from "@/lib/util/return-path"

type Props = {
  params: Promise<{ locale: string; variantId: string }>
  searchParams: Promise<{ code?: string | string[] }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params
  const t = await getTranslations({ locale: locale as Locale, namespace: "Checkout" })
  return { title: t("metaTitle") }
}

/**
 * Checkout of one plan (a tariff's variant). The price always comes from the server
 * (`POST /store/purchases/preview`), with the promo code from `?code=` when there is one.
 */
export default async function CheckoutPage({ params, searchParams }: Props) {
  const { locale: rawLocale, variantId } = await params
  const locale = rawLocale as Locale
  setRequestLocale(locale)
  const rawCode = (await searchParams).code
  const code = normalizePromocode(Array.isArray(rawCode) ? rawCode[0] : rawCode)

  const basePath = `/checkout/${encodeURIComponent(variantId)}`
  const returnPath = code ? `${basePath}?code=${encodeURIComponent(code)}` : basePath
  const [session, t, tTariffs, tErrors, format] = await Promise.all([
    requireCustomer(locale, returnPath),
    getTranslations("Checkout"),
    getTranslations("Tariffs"),
    getTranslations("Errors"),
    getFormatter(),
  ])

  const unavailable = (
    <StatusPanel
      tone="error"
      headingLevel={1}
      title={t("unavailablePageTitle")}
      text={tErrors("unreachableText")}
    >
      <RetryButton label={tErrors("retry")} />
    </StatusPanel>
  )
  if (session.status !== "ok") {
    return unavailable
  }

  const tariffs = await listTariffs(locale)
  if (tariffs.status !== "ok") {
    return unavailable
  }
  const tariff = tariffs.tariffs.find((candidate) =>
    candidate.plans.some((plan) => plan.variant_id === variantId)
  )
  const plan = tariff?.plans.find((candidate) => candidate.variant_id === variantId)
  if (!tariff || !plan) {
    notFound()
  }

  // The price with the code; if the code is refused, the price without it and the reason.
  let rejection: PromocodeRejection | null = null
  let result: PreviewResult
  if (code && code.length > PROMOCODE_MAX_LENGTH) {
    rejection = "PROMOCODE_INVALID"
    result = await previewPurchase(session.token, locale, { variant_id: variantId })
  } else {
    result = await previewPurchase(session.token, locale, {
      variant_id: variantId,
      promocode: code || undefined,
    })
    if (result.status === "rejected") {
      rejection = result.reason
      result = await previewPurchase(session.token, locale, { variant_id: variantId })
    }
  }
  if (result.status === "signed_out") {
    redirect({ href: signInHref(returnPath), locale })
  }
  if (result.status === "not_found") {
    notFound()
  }
  if (result.status === "trial_unavailable") {
    // Why: the Trial was used, or the account has had a paid plan.
    const subscriptions = await listSubscriptions(session.token, locale)
    const reason = subscriptions.status === "ok" ? subscriptions.trial.reason : null
    return (
      <StatusPanel
        headingLevel={1}
        title={t("trialUnavailableTitle")}
        text={t("trialUnavailableText", { reason: reason ?? "other" })}
      >
        <Link href="/" className={statusStyles.button}>
          {t("toPlans")}
        </Link>
      </StatusPanel>
    )
  }
  if (result.status !== "ok") {
    return unavailable
  }

  const { preview } = result
  const money = (amount: number) => formatMoney(amount, preview.currency_code, locale)
  const appliedCode =
    rejection || preview.change === "scheduled"
      ? null
      : (preview.promocode?.code ?? (code || null))
  const period = tTariffs("period", {
    interval: plan.interval,
    count: plan.interval_count,
  })

  // What happens at the end of the period bought (README, "Renewals"): a paid plan renews
  // on that day at its price; the Trial converts to a paid plan (default: the cheapest
  // monthly one) when a card is given. A switch at the period end or a free period from a
  // promo code (no card to save) have nothing to choose.
  const boughtEnd = (count: number) =>
    format.dateTime(
      periodEnd(preview.effective_at ?? new Date().toISOString(), plan.interval, count),
      { dateStyle: "long" }
    )
  const paidPlans = tariffs.tariffs.flatMap((candidate) =>
    candidate.plans
      .filter((p) => p.trial_days === 0 && p.price.amount > 0)
      .map((p) => ({ tariff: candidate, plan: p }))
  )
  const cheapestMonthly = paidPlans
    .filter(({ plan: p }) => p.interval === "month" && p.interval_count === 1)
    .sort((a, b) => a.plan.price.amount - b.plan.price.amount)[0]
  const renewal: RenewalTerms | null =
    preview.change === "scheduled"
      ? null
      : plan.trial_days > 0
        ? cheapestMonthly
          ? {
              kind: "trial",
              date: boughtEnd(plan.interval_count),
              defaultPlan: cheapestMonthly.plan.variant_id,
              plans: paidPlans.map(({ tariff: paid, plan: p }) => ({
                variantId: p.variant_id,
                label: `${paid.title} ${tTariffs("period", { interval: p.interval, count: p.interval_count })}`,
                amount: formatMoney(p.price.amount, p.price.currency_code, locale),
              })),
            }
          : null
        : preview.total > 0
          ? {
              kind: "paid",
              date: boughtEnd(plan.interval_count),
              amount: formatMoney(plan.price.amount, plan.price.currency_code, locale),
            }
          : null

  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <Link href="/" className={styles.back}>
          {t("back")}
        </Link>
        <h1 className={styles.title}>{t("title", { tariff: tariff.title })}</h1>
        <p className={styles.lead}>{t("lead")}</p>
      </div>

      <div className={styles.aside}>
        <OrderSummary tariffTitle={tariff.title} period={period} preview={preview} />
      </div>

      <div className={styles.main}>
        {/* A switch at the period end charges nothing now: no code applies to it. */}
        {preview.change === "scheduled" ? null : (
          <PromoCodeForm
            code={code}
            rejection={rejection}
            applied={
              appliedCode
                ? {
                    code: appliedCode,
                    discount: money(preview.discount_amount),
                    total: money(preview.total),
                  }
                : null
            }
          />
        )}
        <BuyForm
          key={appliedCode ?? ""}
          variantId={variantId}
          promocode={appliedCode}
          total={money(preview.total)}
          free={preview.total === 0}
          scheduledFor={
            preview.change === "scheduled" && preview.effective_at
              ? format.dateTime(new Date(preview.effective_at), { dateStyle: "long" })
              : null
          }
          returnPath={returnPath}
          renewal={renewal}
        />
      </div>
    </div>
  )
}
