import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { subscriptionResponse } from "../../../../../lib/purchases"
import { cancelSubscriptionWorkflow } from "../../../../../workflows/cancel-subscription"
import type { AdminCancelSubscriptionType } from "../../validators"

/**
 * An admin cancels any subscription: `at: "period_end"` (access to the period
 * end) or `"now"`, with `refund: "prorated"` giving back the unused part
 * through the Payment Module. → `{ subscription, refund }`.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<AdminCancelSubscriptionType>,
  res: MedusaResponse
) {
  const { at, refund } = req.validatedBody
  const { result } = await cancelSubscriptionWorkflow(req.scope).run({
    input: { subscription_id: req.params.id, customer_id: null, at, refund },
  })
  res.json({ subscription: subscriptionResponse(result.subscription), refund: result.refund })
}
