import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { subscriptionResponse } from "../../../../../lib/purchases"
import { resumeSubscriptionWorkflow } from "../../../../../workflows/resume-subscription"

/**
 * The signed-in customer takes back a cancel: the subscription runs on.
 * Another customer's: 404 SUBSCRIPTION_NOT_FOUND; not cancelled: 400
 * SUBSCRIPTION_NOT_CANCELED; ended: 400 SUBSCRIPTION_NOT_ACTIVE.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await resumeSubscriptionWorkflow(req.scope).run({
    input: { subscription_id: req.params.id, customer_id: req.auth_context.actor_id },
  })
  res.json({ subscription: subscriptionResponse(result.subscription) })
}
