import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listPurchasesWithTitles } from "../../../lib/purchases"
import type { AdminListPurchasesType } from "../validators"

/** Purchases of every customer, newest first, with filters. */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, AdminListPurchasesType>,
  res: MedusaResponse
) {
  const { customer_id, status, kind, promocode, from, to, limit, offset } = req.validatedQuery
  const created_at = {
    ...(from ? { $gte: from } : {}),
    ...(to ? { $lte: to } : {}),
  }
  const { purchases, count } = await listPurchasesWithTitles(
    req.scope,
    {
      ...(customer_id ? { customer_id } : {}),
      ...(status ? { status } : {}),
      ...(kind ? { kind } : {}),
      ...(promocode ? { promocode: promocode.toUpperCase() } : {}),
      ...(from || to ? { created_at } : {}),
    },
    { take: limit, skip: offset }
  )
  res.json({
    purchases,
    count,
    limit,
    offset,
  })
}
