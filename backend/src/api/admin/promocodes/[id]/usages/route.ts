import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { journalResponse, promocodeService } from "../../helpers"
import type { AdminListUsagesParamsType } from "../../validators"

/**
 * The journal of one code, newest first: every validation, rejection,
 * reservation, release, redemption and assignment, with the customer.
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, AdminListUsagesParamsType>,
  res: MedusaResponse
) {
  const { action, limit, offset } = req.validatedQuery
  const promocodes = promocodeService(req.scope)
  const promocode = await promocodes.retrievePromocode(req.params.id, { select: ["id"] })
  const [rows, count] = await promocodes.listAndCountPromocodeJournals(
    { promocode_id: promocode.id, ...(action ? { action } : {}) },
    { take: limit, skip: offset, order: { created_at: "DESC", id: "DESC" } }
  )
  res.json({ usages: await journalResponse(req.scope, rows), count, limit, offset })
}
