import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { listTariffs, resolveRegion } from "../../../lib/tariffs"
import { catalogLocale } from "./locale"
import type { StoreGetTariffsParamsType } from "./validators"

export async function GET(
  req: MedusaStoreRequest<unknown, StoreGetTariffsParamsType>,
  res: MedusaResponse
) {
  const region = await resolveRegion(req.scope, req.validatedQuery.region_id)
  const tariffs = await listTariffs(req.scope, {
    region,
    salesChannelIds: req.publishable_key_context.sales_channel_ids,
    locale: catalogLocale(req),
  })
  res.json({ tariffs, region: { id: region.id, currency_code: region.currency_code } })
}
