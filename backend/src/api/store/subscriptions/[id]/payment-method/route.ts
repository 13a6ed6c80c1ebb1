import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { nextChargeOf } from "../../../../../lib/next-charge"
import { subscriptionResponse, subscriptionService } from "../../../../../lib/purchases"
import { parseRetryDays } from "../../../../../modules/subscription"
import { renewSubscriptionWorkflow } from "../../../../../workflows/renew-subscription"
import { replaceCardWorkflow } from "../../../../../workflows/renew-subscription/replace-card"
import type { StoreReplacePaymentMethodType } from "./validators"

/**
 * The signed-in customer replaces the card of their subscription `{ token }`
 * → `{ subscription }` with the new `payment_method`. A past_due
 * subscription is retried with the new card at once (the answer shows the
 * outcome: `active` again, or still `past_due`). Another customer's: 404
 * SUBSCRIPTION_NOT_FOUND; an ended one: 400 SUBSCRIPTION_NOT_ACTIVE; a card
 * the provider refuses: 400 PAYMENT_INVALID_TOKEN.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<StoreReplacePaymentMethodType>,
  res: MedusaResponse
) {
  const customerId = req.auth_context.actor_id
  const { result: saved } = await replaceCardWorkflow(req.scope).run({
    input: { subscription_id: req.params.id, customer_id: customerId, token: req.validatedBody.token },
  })
  if (saved.status === "past_due") {
    await renewSubscriptionWorkflow(req.scope).run({
      input: {
        subscription_id: saved.id,
        customer_id: customerId,
        now: new Date().toISOString(),
        retry_days: parseRetryDays(process.env.SUBSCRIPTION_RETRY_DAYS),
        force: true,
      },
    })
  }
  const subscription = await subscriptionService(req.scope).retrieveSubscription(saved.id)
  res.json({
    subscription: { ...subscriptionResponse(subscription), next_charge: await nextChargeOf(req.scope, subscription) },
  })
}
