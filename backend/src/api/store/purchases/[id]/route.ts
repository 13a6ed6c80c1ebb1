import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import {
  purchaseResponse,
  subscriptionResponse,
  subscriptionService,
  withPlanTitles,
} from "../../../../lib/purchases"

/** One of the signed-in customer's purchases, with its subscription; 404 for anyone else's. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const subscriptions = subscriptionService(req.scope)
  const [purchase] = await subscriptions.listPurchases(
    { id: req.params.id, customer_id: req.auth_context.actor_id },
    { take: 1 }
  )
  if (!purchase) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Purchase ${req.params.id} was not found.`, "PURCHASE_NOT_FOUND")
  }
  const subscription = purchase.subscription_id
    ? await subscriptions.retrieveSubscription(purchase.subscription_id)
    : null
  const [withTitles] = await withPlanTitles(req.scope, [purchaseResponse(purchase)])
  res.json({
    purchase: withTitles,
    subscription: subscription && subscriptionResponse(subscription),
  })
}
