import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ttlCache } from "../../lib/ttl-cache"
import { pickDeliveryLocation, type DeliveryLocation } from "./delivery-input"
import type { StoreForOrder, VariantForOrder } from "./order-input"

/** What an order of a plan is recorded with besides the purchase: read from the catalog. */
export type OrderCatalog = {
  variant: VariantForOrder
  regions: { id: string }[]
  store: StoreForOrder
  location: DeliveryLocation | null
}

const catalogCache = ttlCache<OrderCatalog>()

/**
 * The variant (with its product, type and sales channels), the regions of the
 * currency, the store's defaults and the delivery location, read in one
 * round of parallel calls and cached per process like the plan catalog
 * (CATALOG_CACHE_TTL_MS, default 5 s): every purchase of a plan records its
 * order from the same few rows, so a burst of sales reads them once.
 */
export function orderCatalog(
  container: MedusaContainer,
  variantId: string,
  currencyCode: string
): Promise<OrderCatalog> {
  return catalogCache(`${variantId}|${currencyCode}`, () => loadOrderCatalog(container, variantId, currencyCode))
}

async function loadOrderCatalog(
  container: MedusaContainer,
  variantId: string,
  currencyCode: string
): Promise<OrderCatalog> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: variants }, regions, stores, locations] = await Promise.all([
    query.graph({
      entity: "product_variant",
      fields: [
        "id",
        "title",
        "sku",
        "product.id",
        "product.title",
        "product.subtitle",
        "product.description",
        "product.handle",
        "product.thumbnail",
        "product.type.value",
        "product.sales_channels.id",
      ],
      filters: { id: variantId },
      withDeleted: true,
    }),
    container
      .resolve(Modules.REGION)
      .listRegions({ currency_code: currencyCode }, { select: ["id"], order: { created_at: "ASC" } }),
    container
      .resolve(Modules.STORE)
      .listStores({}, { select: ["id", "default_sales_channel_id", "default_region_id"], take: 1 }),
    container
      .resolve(Modules.STOCK_LOCATION)
      .listStockLocations({}, { select: ["id", "name"], order: { created_at: "ASC" } }),
  ])
  return {
    variant: (variants[0] ?? null) as VariantForOrder,
    regions: regions.map((r) => ({ id: r.id })),
    store: stores[0]
      ? {
          default_sales_channel_id: stores[0].default_sales_channel_id ?? null,
          default_region_id: stores[0].default_region_id ?? null,
        }
      : null,
    location: pickDeliveryLocation(locations),
  }
}
