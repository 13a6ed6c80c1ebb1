import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { subscriptionResponse, subscriptionService, withPlanTitles } from "../../../lib/purchases"
import type { AdminListSubscriptionsType } from "../validators"

/** Subscriptions of every customer, the latest ending first, with filters. */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, AdminListSubscriptionsType>,
  res: MedusaResponse
) {
  const { customer_id, status, limit, offset } = req.validatedQuery
  const [subscriptions, count] = await subscriptionService(req.scope).listAndCountSubscriptions(
    { ...(customer_id ? { customer_id } : {}), ...(status ? { status } : {}) },
    { take: limit, skip: offset, order: { ends_at: "DESC" } }
  )
  res.json({
    subscriptions: await withPlanTitles(req.scope, subscriptions.map(subscriptionResponse)),
    count,
    limit,
    offset,
  })
}
