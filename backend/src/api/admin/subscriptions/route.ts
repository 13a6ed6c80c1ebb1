import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listAdminSubscriptions } from "../../../lib/admin-subscriptions"
import type { AdminListSubscriptionsType } from "../validators"

/**
 * Subscriptions of every customer, the latest ending first, with filters
 * (`status`, several comma-separated; `customer_id`; `q`: part of the
 * customer's email), each with its MRR, and `mrr_total` of all that match.
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, AdminListSubscriptionsType>,
  res: MedusaResponse
) {
  const { limit, offset } = req.validatedQuery
  const { subscriptions, count, mrr_total } = await listAdminSubscriptions(req.scope, req.validatedQuery)
  res.json({ subscriptions, count, limit, offset, mrr_total })
}
