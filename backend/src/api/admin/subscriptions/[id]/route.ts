import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { adminSubscription } from "../../../../lib/admin-subscriptions"
import { subscriptionTimeline } from "../../../../lib/subscription-timeline"

/**
 * One subscription (customer, plan, card, next charge, MRR, the discount
 * left) and its timeline, newest first → `{ subscription, timeline,
 * refundable }`. 404 SUBSCRIPTION_NOT_FOUND.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const subscription = await adminSubscription(req.scope, req.params.id)
  const { timeline, refundable } = await subscriptionTimeline(req.scope, subscription)
  res.json({ subscription, timeline, refundable })
}
