import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { batchResponse, promocodeService } from "../../helpers"

/** One generation batch: status, generated / count and progress (0..1). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const batch = await promocodeService(req.scope).retrievePromocodeBatch(req.params.id)
  res.json({ batch: batchResponse(batch) })
}
