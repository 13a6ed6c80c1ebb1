import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { subscriptionResponse } from "../../../../../lib/purchases"
import { cancelSubscriptionWorkflow } from "../../../../../workflows/cancel-subscription"

/**
 * The signed-in customer cancels their subscription: access lasts to the
 * period end (`cancel_at_period_end: true`), then it is `canceled`. Another
 * customer's: 404 SUBSCRIPTION_NOT_FOUND; an ended one: 400 SUBSCRIPTION_NOT_ACTIVE.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await cancelSubscriptionWorkflow(req.scope).run({
    input: {
      subscription_id: req.params.id,
      customer_id: req.auth_context.actor_id,
      at: "period_end",
    },
  })
  res.json({ subscription: subscriptionResponse(result.subscription) })
}
