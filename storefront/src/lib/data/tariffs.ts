import "server-only"
import { connection } from "next/server"
import { BACKEND_TIMEOUT_MS, missingConfig, readFromBackend, sdk } from "@/lib/config"
import { BackendStartingError } from "@/lib/util/backend-retry"
import type { StoreTariff, StoreTariffsResponse } from "@/types/tariff"
import { getRegionId } from "./regions"

export type TariffsResult =
  | { status: "ok"; tariffs: StoreTariff[] }
  | { status: "misconfigured"; variable: string }
  | { status: "unavailable" }
  | { status: "starting" }

/**
 * Tariffs with their plans and prices in the storefront's region, sorted by price by the
 * backend, titles in the page's language. Fetched per request (never while `next build`
 * prerenders). A backend that does not answer yet is waited for (`readFromBackend`); one that
 * still has not answered gives `starting`, one answering with an error `unavailable`: never
 * an exception.
 */
export async function listTariffs(locale: string): Promise<TariffsResult> {
  await connection()

  const variable = missingConfig()
  if (variable) {
    return { status: "misconfigured", variable }
  }

  try {
    const regionId = await getRegionId()
    const { tariffs } = await readFromBackend(() =>
      sdk.client.fetch<StoreTariffsResponse>("/store/tariffs", {
        query: regionId ? { region_id: regionId } : undefined,
        // the catalog's language: Medusa's locale header, and Accept-Language for messages
        headers: { "accept-language": locale, "x-medusa-locale": locale },
        cache: "no-store",
        signal: AbortSignal.timeout(BACKEND_TIMEOUT_MS),
      })
    )
    return {
      status: "ok",
      tariffs: (tariffs ?? []).map((tariff) => ({
        ...tariff,
        plans: tariff.plans ?? [],
      })),
    }
  } catch (error) {
    if (error instanceof BackendStartingError) {
      console.warn(`The backend has not answered yet: ${String(error.lastError)}`)
      return { status: "starting" }
    }
    console.error("Could not load tariffs from the backend:", error)
    return { status: "unavailable" }
  }
}

/**
 * Records of past purchases keep the tariff title they were bought under (in the catalog's
 * base language); show the catalog's title in the page's language instead where the plan
 * is still in the catalog.
 */
export function withCatalogTitles<T extends { variant_id: string; product_title: string | null }>(
  items: T[],
  tariffs: TariffsResult
): T[] {
  if (tariffs.status !== "ok") {
    return items
  }
  const titles = new Map(
    tariffs.tariffs.flatMap((tariff) => tariff.plans.map((plan) => [plan.variant_id, tariff.title]))
  )
  return items.map((item) => {
    const title = titles.get(item.variant_id)
    return title ? { ...item, product_title: title } : item
  })
}
