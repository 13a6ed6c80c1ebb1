import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
  Modules,
  QueryContext,
} from "@medusajs/framework/utils"
import { ttlCache } from "./ttl-cache"

export const TARIFF_PRODUCT_TYPE = "tariff"

export type PlanInterval = "day" | "month" | "year"

export type TariffPlan = {
  variant_id: string
  title: string
  interval: PlanInterval
  interval_count: number
  trial_days: number
  price: { amount: number; currency_code: string }
}

export type Tariff = {
  id: string
  title: string
  description: string | null
  handle: string
  plans: TariffPlan[]
}

export type Region = { id: string; currency_code: string }

/** `calculated_price` is computed by the Pricing module when a price context is given. */
type CalculatedPrice = { calculated_amount?: number | null; currency_code?: string | null }
function calculatedPrice(variant: object): CalculatedPrice | undefined {
  return (variant as { calculated_price?: CalculatedPrice }).calculated_price
}

/**
 * The region prices are shown in: the one asked for (unknown → 400), else the
 * store's default region, else the first region there is.
 */
export async function resolveRegion(
  container: MedusaContainer,
  regionId?: string
): Promise<Region> {
  const regions = container.resolve(Modules.REGION)
  if (regionId) {
    const [region] = await regions.listRegions({ id: regionId }, { take: 1 })
    if (!region) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Region ${regionId} does not exist.`,
        "REGION_NOT_FOUND"
      )
    }
    return region
  }
  const [store] = await container
    .resolve(Modules.STORE)
    .listStores({}, { select: ["id", "default_region_id"], take: 1 })
  if (store?.default_region_id) {
    const [region] = await regions.listRegions({ id: store.default_region_id }, { take: 1 })
    if (region) {
      return region
    }
  }
  const [first] = await regions.listRegions({}, { take: 1, order: { created_at: "ASC" } })
  if (!first) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "No region is configured.",
      "REGION_NOT_FOUND"
    )
  }
  return first
}

/**
 * Published tariffs of the given sales channels, with every plan that has a
 * price in the region's currency. Plans are sorted by price, tariffs by their
 * cheapest plan. With a `locale` (BCP 47, e.g. `ru-RU`), titles and
 * descriptions come from the Translation Module where a translation exists.
 */
export async function listTariffs(
  container: MedusaContainer,
  {
    region,
    salesChannelIds,
    locale,
  }: { region: Region; salesChannelIds: string[]; locale?: string }
): Promise<Tariff[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: types } = await query.graph({
    entity: "product_type",
    fields: ["id"],
    filters: { value: TARIFF_PRODUCT_TYPE },
  })
  if (!types.length) {
    return []
  }
  const { data: products } = await query.graph({
    entity: "product",
    fields: [
      "id",
      "title",
      "description",
      "handle",
      "sales_channels.id",
      "variants.id",
      "variants.title",
      "variants.subscription_plan.*",
      "variants.calculated_price.*",
    ],
    filters: { type_id: types.map((t) => t.id), status: "published" },
    context: {
      variants: {
        calculated_price: QueryContext({
          region_id: region.id,
          currency_code: region.currency_code,
        }),
      },
    },
  }, { locale })

  const tariffs: Tariff[] = []
  for (const product of products) {
    const inChannel = (product.sales_channels ?? []).some(
      (channel) => channel && salesChannelIds.includes(channel.id)
    )
    if (!inChannel) {
      continue
    }
    const plans: TariffPlan[] = []
    for (const variant of product.variants ?? []) {
      const plan = variant.subscription_plan
      const price = calculatedPrice(variant)
      if (!plan || !price || price.calculated_amount == null) {
        continue
      }
      plans.push({
        variant_id: variant.id,
        title: variant.title ?? "",
        interval: plan.interval as PlanInterval,
        interval_count: plan.interval_count,
        trial_days: plan.trial_days,
        price: {
          amount: Number(price.calculated_amount),
          currency_code: price.currency_code ?? region.currency_code,
        },
      })
    }
    if (!plans.length) {
      continue
    }
    plans.sort((a, b) => a.price.amount - b.price.amount)
    tariffs.push({
      id: product.id,
      title: product.title,
      description: product.description ?? null,
      handle: product.handle,
      plans,
    })
  }
  return tariffs.sort((a, b) => a.plans[0].price.amount - b.plans[0].price.amount)
}

export type TariffCatalog = { tariffs: Tariff[]; region: Region }

const catalogCache = ttlCache<TariffCatalog>()

/**
 * GET /store/tariffs' answer: listTariffs in the region asked for (default:
 * the store's), cached per process for CATALOG_CACHE_TTL_MS (5 s) by region,
 * sales channels and locale. It is the same for every shopper of a channel,
 * and the first page of every visit, so most visits read no database for it.
 */
export function tariffCatalog(
  container: MedusaContainer,
  { regionId, salesChannelIds, locale }: { regionId?: string; salesChannelIds: string[]; locale?: string }
): Promise<TariffCatalog> {
  return catalogCache(`${regionId ?? ""}|${salesChannelIds.join(",")}|${locale ?? ""}`, async () => {
    const region = await resolveRegion(container, regionId)
    const tariffs = await listTariffs(container, { region, salesChannelIds, locale })
    return { tariffs, region: { id: region.id, currency_code: region.currency_code } }
  })
}

export type PlanForSale = {
  variant_id: string
  variant_title: string
  product_id: string
  product_title: string
  interval: PlanInterval
  interval_count: number
  trial_days: number
  price: { amount: number; currency_code: string }
}

/**
 * One plan a customer may buy: a variant of a published tariff in one of the
 * given sales channels (any channel when null: an admin acting), with plan
 * terms and a price in the region's currency. Anything else is a 400
 * PLAN_NOT_FOUND.
 */
export async function loadPlanForSale(
  container: MedusaContainer,
  {
    variantId,
    region,
    salesChannelIds,
  }: { variantId: string; region: Region; salesChannelIds: string[] | null }
): Promise<PlanForSale> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [variant] } = await query.graph({
    entity: "product_variant",
    fields: [
      "id",
      "title",
      "product.id",
      "product.title",
      "product.status",
      "product.type.value",
      "product.sales_channels.id",
      "subscription_plan.*",
      "calculated_price.*",
    ],
    filters: { id: variantId },
    context: {
      calculated_price: QueryContext({
        region_id: region.id,
        currency_code: region.currency_code,
      }),
    },
  })
  const product = variant?.product
  const plan = variant?.subscription_plan
  const price = variant && calculatedPrice(variant)
  const forSale =
    product &&
    plan &&
    price?.calculated_amount != null &&
    product.status === "published" &&
    product.type?.value === TARIFF_PRODUCT_TYPE &&
    (salesChannelIds === null ||
      (product.sales_channels ?? []).some((c) => c && salesChannelIds.includes(c.id)))
  if (!forSale) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Plan ${variantId} is not for sale.`,
      "PLAN_NOT_FOUND"
    )
  }
  return {
    variant_id: variant.id,
    variant_title: variant.title ?? "",
    product_id: product.id,
    product_title: product.title,
    interval: plan.interval as PlanInterval,
    interval_count: plan.interval_count,
    trial_days: plan.trial_days,
    price: {
      amount: Number(price.calculated_amount),
      currency_code: price.currency_code ?? region.currency_code,
    },
  }
}

const planCache = ttlCache<PlanForSale>()

/**
 * loadPlanForSale in the given region (default: the store's), cached per
 * process for CATALOG_CACHE_TTL_MS (5 s; 0 reads every time). The preview and
 * the purchase read the same cached plan, so a purchase charges the price its
 * preview showed; a catalog or price change applies within that time.
 */
export function planForSale(
  container: MedusaContainer,
  {
    variantId,
    regionId,
    salesChannelIds,
  }: { variantId: string; regionId?: string | null; salesChannelIds: string[] | null }
): Promise<PlanForSale> {
  const channels = salesChannelIds === null ? "*" : salesChannelIds.join(",")
  return planCache(`${variantId}|${regionId ?? ""}|${channels}`, async () =>
    loadPlanForSale(container, {
      variantId,
      region: await resolveRegion(container, regionId ?? undefined),
      salesChannelIds,
    })
  )
}
