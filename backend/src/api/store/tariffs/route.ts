import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { tariffCatalog } from "../../../lib/tariffs"
import { catalogLocale } from "./locale"
import type { StoreGetTariffsParamsType } from "./validators"

/** The published tariffs with their plans and prices (cached for a few seconds, see tariffCatalog). */
export async function GET(
  req: MedusaStoreRequest<unknown, StoreGetTariffsParamsType>,
  res: MedusaResponse
) {
  res.json(
    await tariffCatalog(req.scope, {
      regionId: req.validatedQuery.region_id,
      salesChannelIds: req.publishable_key_context.sales_channel_ids,
      locale: catalogLocale(req),
    })
  )
}
