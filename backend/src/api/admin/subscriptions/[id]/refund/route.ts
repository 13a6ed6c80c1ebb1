import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refundSubscriptionPurchaseWorkflow } from "../../../../../workflows/refund-subscription-purchase"
import type { AdminRefundSubscriptionType } from "../../validators"

/**
 * Refunds one purchase of the subscription `{ purchase_id, amount? }` (all
 * that is left when `amount` is omitted) through the Payment Module →
 * `{ refund }`. The subscription itself is not changed: to end it, cancel.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminRefundSubscriptionType>, res: MedusaResponse) {
  const { result } = await refundSubscriptionPurchaseWorkflow(req.scope).run({
    input: { subscription_id: req.params.id, ...req.validatedBody },
  })
  res.json({ refund: result })
}
