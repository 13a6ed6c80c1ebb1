import "server-only"
import { BACKEND_TIMEOUT_MS, DEFAULT_REGION, readFromBackend, sdk } from "@/lib/config"

type StoreRegion = {
  id: string
  countries?: { iso_2: string }[] | null
}

/**
 * The region whose prices the storefront shows: `STOREFRONT_DEFAULT_REGION` as a region id,
 * or the region that contains that country. Unset, the backend picks its default region.
 */
export async function getRegionId(): Promise<string | undefined> {
  if (!DEFAULT_REGION) {
    return undefined
  }
  if (DEFAULT_REGION.startsWith("reg_")) {
    return DEFAULT_REGION
  }

  const countryCode = DEFAULT_REGION.toLowerCase()
  const { regions } = await readFromBackend(() =>
    sdk.client.fetch<{ regions: StoreRegion[] }>("/store/regions", {
      query: { fields: "id,*countries", limit: 100 },
      cache: "no-store",
      signal: AbortSignal.timeout(BACKEND_TIMEOUT_MS),
    })
  )
  const region = regions.find((r) =>
    r.countries?.some((c) => c.iso_2 === countryCode)
  )
  if (!region) {
    throw new Error(`No region contains the country "${countryCode}"`)
  }
  return region.id
}
