import type { Metadata } from "next"
import type { Locale } from "next-intl"
import { getTranslations, setRequestLocale } from "next-intl/server"
import AssignedCodes from "@/components/account/AssignedCodes"
import styles from "@/components/account/Account.module.css"
import PurchaseHistory from "@/components/account/PurchaseHistory"
import RenewalHistory from "@/components/account/RenewalHistory"
import SubscriptionPanel from "@/components/account/SubscriptionPanel"
import RetryButton from "@/components/common/RetryButton"
import StatusPanel from "@/components/common/StatusPanel"
import { redirect } from "@/i18n/navigation"
import { requireCustomer } from "@/lib/data/customer"
import { listAssignedPromocodes, listPurchases } from "@/lib/data/purchases"
import { listSubscriptions, liveSubscription } from "@/lib/data/subscriptions"
import { listTariffs, withCatalogTitles } from "@/lib/data/tariffs"
import { signInHref } from "@/lib/util/return-path"

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<{ page?: string | string[] }>
}

const PAGE_SIZE = 10
/** The renewal history reads the latest purchases (the store API has no `kind` filter). */
const RECENT_PURCHASES = 100

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params
  const t = await getTranslations({ locale: locale as Locale, namespace: "Account" })
  return { title: t("metaTitle") }
}

/** The customer's account: the live subscription (next charge, card, cancel, resume, a scheduled switch), renewals, purchase history, assigned promo codes. */
export default async function AccountPage({ params, searchParams }: Props) {
  const { locale: rawLocale } = await params
  const locale = rawLocale as Locale
  setRequestLocale(locale)
  const rawPage = (await searchParams).page
  const requested = Number.parseInt(Array.isArray(rawPage) ? rawPage[0] : (rawPage ?? "1"), 10)
  const page = Number.isFinite(requested) && requested > 0 ? requested : 1
  const returnPath = page > 1 ? `/account?page=${page}` : "/account"

  const [session, t, tTariffs, tErrors] = await Promise.all([
    requireCustomer(locale, returnPath),
    getTranslations("Account"),
    getTranslations("Tariffs"),
    getTranslations("Errors"),
  ])
  if (session.status !== "ok") {
    return (
      <StatusPanel
        tone="error"
        headingLevel={1}
        title={tErrors("unavailableTitle")}
        text={tErrors("unreachableText")}
      >
        <RetryButton label={tErrors("retry")} />
      </StatusPanel>
    )
  }

  const { token, customer } = session
  const [subscriptions, purchases, recent, codes, tariffs] = await Promise.all([
    listSubscriptions(token, locale),
    listPurchases(token, locale, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    listPurchases(token, locale, { limit: RECENT_PURCHASES, offset: 0 }),
    listAssignedPromocodes(token, locale),
    listTariffs(locale),
  ])
  if ([subscriptions, purchases, recent, codes].some((r) => r.status === "signed_out")) {
    redirect({ href: signInHref(returnPath), locale })
  }

  // Plan names in the page's language ("per month"), by variant id; the backend's variant
  // titles ("Monthly") are the fallback for plans no longer in the catalogue.
  const periods: Record<string, string> =
    tariffs.status === "ok"
      ? Object.fromEntries(
          tariffs.tariffs.flatMap((tariff) =>
            tariff.plans.map((plan) => [
              plan.variant_id,
              tTariffs("period", { interval: plan.interval, count: plan.interval_count }),
            ])
          )
        )
      : {}
  const titles: Record<string, string> =
    tariffs.status === "ok"
      ? Object.fromEntries(
          tariffs.tariffs.flatMap((tariff) =>
            tariff.plans.map((plan) => [plan.variant_id, tariff.title])
          )
        )
      : {}
  const now = Date.now()
  const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ")

  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <h1 className={styles.title}>{t("title")}</h1>
        <p className={styles.greeting}>
          {name ? t("greeting", { name }) : t("greetingNoName")}
        </p>
        <p className={styles.muted}>{customer.email}</p>
      </div>

      <SubscriptionPanel
        subscription={
          subscriptions.status === "ok"
            ? liveSubscription(withCatalogTitles(subscriptions.items, tariffs), now)
            : undefined
        }
        now={now}
        periods={periods}
        titles={titles}
      />
      <RenewalHistory
        renewals={
          recent.status === "ok" ? recent.items.filter((p) => p.kind === "renewal") : null
        }
      />
      <PurchaseHistory
        purchases={purchases.status === "ok" ? withCatalogTitles(purchases.items, tariffs) : null}
        periods={periods}
        page={page}
        pageCount={
          purchases.status === "ok" ? Math.max(1, Math.ceil(purchases.count / PAGE_SIZE)) : 1
        }
      />
      <AssignedCodes codes={codes.status === "ok" ? codes.items : null} />
    </div>
  )
}
