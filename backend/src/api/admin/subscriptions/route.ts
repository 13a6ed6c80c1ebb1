import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listSubscriptionsWithTitles } from "../../../lib/purchases"
import type { AdminListSubscriptionsType } from "../validators"

/** Subscriptions of every customer, the latest ending first, with filters. */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, AdminListSubscriptionsType>,
  res: MedusaResponse
) {
  const { customer_id, status, limit, offset } = req.validatedQuery
  const { subscriptions, count } = await listSubscriptionsWithTitles(
    req.scope,
    { ...(customer_id ? { customer_id } : {}), ...(status ? { status } : {}) },
    { take: limit, skip: offset }
  )
  res.json({
    subscriptions,
    count,
    limit,
    offset,
  })
}
