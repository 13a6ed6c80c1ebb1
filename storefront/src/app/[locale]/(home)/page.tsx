import { getTranslations, setRequestLocale } from "next-intl/server"
import AutoRefresh from "@/components/common/AutoRefresh"
import RetryButton from "@/components/common/RetryButton"
import StatusPanel from "@/components/common/StatusPanel"
import HomeHero from "@/components/tariffs/HomeHero"
import TariffList from "@/components/tariffs/TariffList"
import type { Locale } from "next-intl"
import { getAuthToken } from "@/lib/data/cookies"
import { currentSubscriptions, listSubscriptions } from "@/lib/data/purchases"
import { listTariffs } from "@/lib/data/tariffs"
import type { Subscription } from "@/types/purchase"

type Props = {
  params: Promise<{ locale: string }>
}

/** The signed-in customer's current subscriptions; none when signed out or unknown. */
async function currentFor(locale: string): Promise<Subscription[]> {
  const token = await getAuthToken()
  if (!token) {
    return []
  }
  const result = await listSubscriptions(token, locale)
  return result.status === "ok" ? currentSubscriptions(result.items) : []
}

export default async function HomePage({ params }: Props) {
  const { locale } = await params
  setRequestLocale(locale as Locale)

  const [result, current, t, tErrors] = await Promise.all([
    listTariffs(locale),
    currentFor(locale),
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
        <TariffList tariffs={result.tariffs} current={current} />
      )}
    </>
  )
}
