import type { Metadata } from "next"
import { notFound } from "next/navigation"
import type { Locale } from "next-intl"
import { getTranslations, setRequestLocale } from "next-intl/server"
import RetryButton from "@/components/common/RetryButton"
import StatusPanel from "@/components/common/StatusPanel"
import PurchaseResult from "@/components/purchase/PurchaseResult"
import { redirect } from "@/i18n/navigation"
import { requireCustomer } from "@/lib/data/customer"
import { findPurchase } from "@/lib/data/purchases"
import { listSubscriptions } from "@/lib/data/subscriptions"
import { listTariffs } from "@/lib/data/tariffs"
import { signInHref } from "@/lib/util/return-path"

type Props = {
  params: Promise<{ locale: string; purchaseId: string }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params
  const t = await getTranslations({ locale: locale as Locale, namespace: "Result" })
  return { title: t("metaTitle") }
}

/**
 * The outcome of one of the customer's purchases: the tariff, the period it gives and the
 * amount paid, or why it failed with a way to try again.
 */
export default async function PurchasePage({ params }: Props) {
  const { locale: rawLocale, purchaseId } = await params
  const locale = rawLocale as Locale
  setRequestLocale(locale)
  const returnPath = `/purchases/${encodeURIComponent(purchaseId)}`

  const [session, tErrors] = await Promise.all([
    requireCustomer(locale, returnPath),
    getTranslations("Errors"),
  ])
  const unavailable = (
    <StatusPanel
      tone="error"
      headingLevel={1}
      title={tErrors("unavailableTitle")}
      text={tErrors("unreachableText")}
    >
      <RetryButton label={tErrors("retry")} />
    </StatusPanel>
  )
  if (session.status !== "ok") {
    return unavailable
  }

  const [found, subscriptions, tariffs] = await Promise.all([
    findPurchase(session.token, locale, purchaseId),
    listSubscriptions(session.token, locale),
    listTariffs(locale),
  ])
  if (found.status === "signed_out") {
    redirect({ href: signInHref(returnPath), locale })
  }
  if (found.status !== "ok") {
    return unavailable
  }
  if (!found.purchase) {
    notFound()
  }

  const purchase = found.purchase
  const plan =
    tariffs.status === "ok"
      ? tariffs.tariffs
          .flatMap((tariff) => tariff.plans.map((p) => ({ ...p, tariff: tariff.title })))
          .find((p) => p.variant_id === purchase.variant_id) ?? null
      : null
  // The subscription this purchase granted or extended: the newest one of its plan.
  const subscription =
    subscriptions.status === "ok"
      ? (subscriptions.items
          .filter((s) => s.variant_id === purchase.variant_id)
          .sort(
            (a, b) => Date.parse(b.current_period_end) - Date.parse(a.current_period_end)
          )[0] ?? null)
      : null

  return (
    <PurchaseResult
      purchase={purchase}
      subscription={subscription}
      plan={
        plan
          ? {
              tariff: plan.tariff,
              interval: plan.interval,
              interval_count: plan.interval_count,
            }
          : null
      }
    />
  )
}
