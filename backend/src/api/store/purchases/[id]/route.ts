import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import {
  listPurchasesWithTitles,
  subscriptionResponse,
  subscriptionService,
} from "../../../../lib/purchases"

/** One of the signed-in customer's purchases, with its subscription; 404 for anyone else's. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const {
    purchases: [purchase],
  } = await listPurchasesWithTitles(
    req.scope,
    { id: req.params.id, customer_id: req.auth_context.actor_id },
    { take: 1, skip: 0 }
  )
  if (!purchase) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Purchase ${req.params.id} was not found.`, "PURCHASE_NOT_FOUND")
  }
  const subscription = purchase.subscription_id
    ? await subscriptionService(req.scope).retrieveSubscription(purchase.subscription_id)
    : null
  res.json({
    purchase,
    subscription: subscription && subscriptionResponse(subscription),
  })
}
