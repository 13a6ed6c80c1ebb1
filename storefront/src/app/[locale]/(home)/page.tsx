import { getTranslations, setRequestLocale } from "next-intl/server"
import RetryButton from "@/components/common/RetryButton"
import StatusPanel from "@/components/common/StatusPanel"
import HomeHero from "@/components/tariffs/HomeHero"
import TariffList from "@/components/tariffs/TariffList"
import type { Locale } from "next-intl"
import { listTariffs } from "@/lib/data/tariffs"

type Props = {
  params: Promise<{ locale: string }>
}

export default async function HomePage({ params }: Props) {
  const { locale } = await params
  setRequestLocale(locale as Locale)

  const [result, t, tErrors] = await Promise.all([
    listTariffs(locale),
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
        <TariffList tariffs={result.tariffs} />
      )}
    </>
  )
}
