import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { batchResponse, promocodeService } from "../helpers"
import type { AdminListBatchesParamsType } from "../validators"

/** Generation batches, newest first. */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, AdminListBatchesParamsType>,
  res: MedusaResponse
) {
  const { limit, offset } = req.validatedQuery
  const [batches, count] = await promocodeService(req.scope).listAndCountPromocodeBatches(
    {},
    { take: limit, skip: offset, order: { created_at: "DESC", id: "DESC" } }
  )
  res.json({ batches: batches.map(batchResponse), count, limit, offset })
}
