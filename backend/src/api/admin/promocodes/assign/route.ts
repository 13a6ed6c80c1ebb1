import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { purchaseResponse, subscriptionResponse } from "../../../../lib/purchases"
import { assignPromocodeWorkflow } from "../../../../workflows/assign-promocode"
import type { AdminAssignPromocodeType } from "../../validators"

/**
 * Applies a code to a customer's account: a free-period code grants its plan
 * now ("granted"), a discount code waits for the next purchase ("assigned").
 */
export async function POST(
  req: AuthenticatedMedusaRequest<AdminAssignPromocodeType>,
  res: MedusaResponse
) {
  const { result } = await assignPromocodeWorkflow(req.scope).run({
    input: req.validatedBody,
  })
  res.json({
    result: result.result,
    promocode: {
      id: result.promocode.id,
      code: result.promocode.code,
      type: result.promocode.type,
      value: result.promocode.value == null ? null : Number(result.promocode.value),
      currency_code: result.promocode.currency_code ?? null,
      free_days: result.promocode.free_days ?? null,
    },
    customer: result.customer,
    purchase: result.purchase && purchaseResponse(result.purchase),
    subscription: result.subscription && subscriptionResponse(result.subscription),
  })
}
