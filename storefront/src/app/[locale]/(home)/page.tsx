import { getTranslations, setRequestLocale } from "next-intl/server"
import AutoRefresh from "@/components/common/AutoRefresh"
import RetryButton from "@/components/common/RetryButton"
import StatusPanel from "@/components/common/StatusPanel"
import HomeHero from "@/components/tariffs/HomeHero"
import TariffList from "@/components/tariffs/TariffList"
import type { Locale } from "next-intl"
import { getAuthToken } from "@/lib/data/cookies"
import {
  listSubscriptions,
  liveSubscription,
  planOffers,
  type PlanOffer,
} from "@/lib/data/subscriptions"
import { listTariffs, type TariffsResult } from "@/lib/data/tariffs"
import type { Subscription, TrialEligibility } from "@/types/purchase"

type Props = {
  params: Promise<{ locale: string }>
}

type Customer = {
  live: Subscription | null
  offers: Record<string, PlanOffer>
  trial: TrialEligibility | null
}

/**
 * For a signed-in customer: the live subscription, and what buying each plan would do
 * (extend, upgrade, switch, or a Trial they cannot have). Nothing when signed out.
 */
async function customerView(
  locale: string,
  tariffs: Promise<TariffsResult>
): Promise<Customer> {
  const token = await getAuthToken()
  if (!token) {
    return { live: null, offers: {}, trial: null }
  }
  const [subscriptions, catalogue] = await Promise.all([
    listSubscriptions(token, locale),
    tariffs,
  ])
  const variantIds =
    catalogue.status === "ok"
      ? catalogue.tariffs.flatMap((tariff) => tariff.plans.map((plan) => plan.variant_id))
      : []
  return {
    live: subscriptions.status === "ok" ? liveSubscription(subscriptions.items) : null,
    offers: await planOffers(token, locale, variantIds),
    trial: subscriptions.status === "ok" ? subscriptions.trial : null,
  }
}

export default async function HomePage({ params }: Props) {
  const { locale } = await params
  setRequestLocale(locale as Locale)

  const tariffs = listTariffs(locale)
  const [result, customer, t, tErrors] = await Promise.all([
    tariffs,
    customerView(locale, tariffs),
    getTranslations("Tariffs"),
    getTranslations("Errors"),
  ])

  return (
    <>
      <HomeHero />
      {result.status === "misconfigured" ? (
        <StatusPanel
          tone="error"
          title={tErrors("configTitle")}
          text={tErrors("configText", { name: result.variable })}
        />
      ) : result.status === "starting" ? (
        <StatusPanel title={tErrors("startingTitle")} text={tErrors("startingText")}>
          <AutoRefresh everySeconds={5} />
          <RetryButton label={tErrors("retry")} />
        </StatusPanel>
      ) : result.status === "unavailable" ? (
        <StatusPanel
          tone="error"
          title={tErrors("unreachableTitle")}
          text={tErrors("unreachableText")}
        >
          <RetryButton label={tErrors("retry")} />
        </StatusPanel>
      ) : result.tariffs.length === 0 ? (
        <StatusPanel title={t("emptyTitle")} text={t("emptyText")} />
      ) : (
        <TariffList
          tariffs={result.tariffs}
          live={customer.live}
          offers={customer.offers}
          trialReason={customer.trial?.reason ?? null}
        />
      )}
    </>
  )
}
