import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listSubscriptionsWithTitles, subscriptionService } from "../../../lib/purchases"
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
  const customerId = req.auth_context.actor_id
  const [{ subscriptions, count }, trial] = await Promise.all([
    listSubscriptionsWithTitles(req.scope, { customer_id: customerId }, { take: limit, skip: offset }),
    subscriptionService(req.scope).trialEligibility(customerId),
  ])
  res.json({
    subscriptions,
    count,
    limit,
    offset,
    trial,
  })
}
