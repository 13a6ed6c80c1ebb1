import type { SubscriberConfig } from "@medusajs/framework"
import { forgetCachedCatalog } from "../lib/ttl-cache"

/**
 * A catalog edit (a tariff, a plan's variant and price, a translation, a
 * region or a sales channel) empties the catalog caches of the process that
 * runs subscribers, so a one-process shop shows it at once; any other
 * process shows it when its entries expire (CATALOG_CACHE_TTL_MS, 5 s).
 */
export default async function forgetCatalogOnChange() {
  forgetCachedCatalog()
}

export const config: SubscriberConfig = {
  event: [
    "product.created",
    "product.updated",
    "product.deleted",
    "product-variant.created",
    "product-variant.updated",
    "product-variant.deleted",
    "translation.created",
    "translation.updated",
    "translation.deleted",
    "region.created",
    "region.updated",
    "region.deleted",
    "sales-channel.updated",
  ],
  context: { subscriberId: "forget-cached-catalog" },
}
