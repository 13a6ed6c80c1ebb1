import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { journalResponse, promocodeService } from "../helpers"
import type { AdminListJournalParamsType } from "../validators"

/**
 * The promo code journal across codes, newest first: a customer's promo code
 * history (`customer_id`), one code's (`promocode_id`), or everything.
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, AdminListJournalParamsType>,
  res: MedusaResponse
) {
  const { customer_id, promocode_id, action, limit, offset } = req.validatedQuery
  const [rows, count] = await promocodeService(req.scope).listAndCountPromocodeJournals(
    {
      ...(customer_id ? { customer_id } : {}),
      ...(promocode_id ? { promocode_id } : {}),
      ...(action ? { action } : {}),
    },
    { take: limit, skip: offset, order: { created_at: "DESC", id: "DESC" } }
  )
  res.json({ usages: await journalResponse(req.scope, rows), count, limit, offset })
}
