import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { adminSubscription } from "../../../../../lib/admin-subscriptions"
import { purchaseResponse, subscriptionService } from "../../../../../lib/purchases"
import { parseRetryDays } from "../../../../../modules/subscription"
import { renewSubscriptionWorkflow } from "../../../../../workflows/renew-subscription"

export const SUBSCRIPTION_NOT_PAST_DUE = "SUBSCRIPTION_NOT_PAST_DUE"

const notPastDue = (id: string) =>
  new MedusaError(MedusaError.Types.NOT_ALLOWED, `Subscription ${id} is not past due`, SUBSCRIPTION_NOT_PAST_DUE)

/**
 * Retries a past_due subscription's renewal now with its saved card, through
 * the renew-subscription workflow (`force`: the attempt the next retry would
 * make, taken now; a decline counts as one of the retries) → `{ outcome,
 * subscription, purchase }`. 400 SUBSCRIPTION_NOT_PAST_DUE for any other
 * status (checked again under the customer's lock by the workflow).
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const id = req.params.id
  const before = await adminSubscription(req.scope, id)
  if (before.status !== "past_due") {
    throw notPastDue(id)
  }
  const { result } = await renewSubscriptionWorkflow(req.scope).run({
    input: {
      subscription_id: id,
      customer_id: before.customer_id,
      now: new Date().toISOString(),
      retry_days: parseRetryDays(process.env.SUBSCRIPTION_RETRY_DAYS),
      force: true,
    },
  })
  if (result.outcome === "skipped" || !result.purchase) {
    throw notPastDue(id)
  }
  const purchase = await subscriptionService(req.scope).retrievePurchase(result.purchase.id)
  res.json({
    outcome: result.outcome,
    subscription: await adminSubscription(req.scope, id),
    purchase: purchaseResponse(purchase),
  })
}
