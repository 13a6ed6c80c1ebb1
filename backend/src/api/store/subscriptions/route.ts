import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { subscriptionResponse, subscriptionService, withPlanTitles } from "../../../lib/purchases"
import type { StoreListParamsType } from "../purchases/validators"

/** The signed-in customer's subscriptions, the latest ending first. */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, StoreListParamsType>,
  res: MedusaResponse
) {
  const { limit, offset } = req.validatedQuery
  const [subscriptions, count] = await subscriptionService(req.scope).listAndCountSubscriptions(
    { customer_id: req.auth_context.actor_id },
    { take: limit, skip: offset, order: { ends_at: "DESC" } }
  )
  res.json({
    subscriptions: await withPlanTitles(req.scope, subscriptions.map(subscriptionResponse)),
    count,
    limit,
    offset,
  })
}
