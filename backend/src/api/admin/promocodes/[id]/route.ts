import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { promocodeResponse, promocodeService, statsResponse } from "../helpers"
import type { AdminUpdatePromocodeType } from "../validators"

/** One code with its usage statistics. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const promocodes = promocodeService(req.scope)
  const promocode = await promocodes.retrievePromocode(req.params.id)
  const stats = await promocodes.usageStats(promocode.id)
  res.json({ promocode: promocodeResponse(promocode), stats: statsResponse(stats) })
}

/** A partial update; the module re-checks the merged rules. */
export async function POST(
  req: AuthenticatedMedusaRequest<AdminUpdatePromocodeType>,
  res: MedusaResponse
) {
  const promocode = await promocodeService(req.scope).updatePromocodes({
    ...req.validatedBody,
    id: req.params.id,
  })
  res.json({ promocode: promocodeResponse(promocode) })
}

/** Deletes a code never used; a code with uses is deactivated, never erased. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { id, deleted, deactivated } = await promocodeService(req.scope).removePromocode(
    req.params.id
  )
  res.json({ id, object: "promocode", deleted, deactivated })
}
