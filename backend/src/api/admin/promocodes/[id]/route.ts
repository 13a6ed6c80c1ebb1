import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { removePromocodeWorkflow } from "../../../../workflows/remove-promocode"
import { updatePromocodeWorkflow } from "../../../../workflows/update-promocode"
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
  const { result } = await updatePromocodeWorkflow(req.scope).run({
    input: { ...req.validatedBody, id: req.params.id },
  })
  res.json({ promocode: promocodeResponse(result) })
}

/** Deletes a code never used; a code with uses is deactivated, never erased. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await removePromocodeWorkflow(req.scope).run({
    input: { id: req.params.id },
  })
  const { id, deleted, deactivated } = result
  res.json({ id, object: "promocode", deleted, deactivated })
}
