import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { subscriptionResponse, subscriptionService, withPlanTitles } from "../../../lib/purchases"
import type { StoreListParamsType } from "../purchases/validators"

/**
 * The signed-in customer's subscriptions, the latest ending first, and
 * whether they may take the Trial: `trial: { available, reason }` with reason
 * `trial_used` | `paid_subscription` | null.
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, StoreListParamsType>,
  res: MedusaResponse
) {
  const { limit, offset } = req.validatedQuery
  const service = subscriptionService(req.scope)
  const customerId = req.auth_context.actor_id
  const [[subscriptions, count], trial] = await Promise.all([
    service.listAndCountSubscriptions(
      { customer_id: customerId },
      { take: limit, skip: offset, order: { ends_at: "DESC" } }
    ),
    service.trialEligibility(customerId),
  ])
  res.json({
    subscriptions: await withPlanTitles(req.scope, subscriptions.map(subscriptionResponse)),
    count,
    limit,
    offset,
    trial,
  })
}
