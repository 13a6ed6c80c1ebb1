import { randomUUID } from "node:crypto"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { purchaseTariffWorkflow } from "../purchase-tariff"
import { assignDiscountCodeStep } from "./steps/assign-discount-code"
import { recordAssignmentStep } from "./steps/record-assignment"
import { resolveAssignmentStep, type ResolveAssignmentInput } from "./steps/resolve-assignment"

/**
 * An admin applies a promo code to a customer's account. A free-period code
 * grants its plan at once through the purchase-tariff workflow (a purchase of
 * total 0, the code redeemed); a discount code is assigned and waits for the
 * customer's next purchase. Either way the journal gets an `assigned` row.
 */
export const assignPromocodeWorkflow = createWorkflow(
  "assign-promocode",
  (input: ResolveAssignmentInput) => {
    const target = resolveAssignmentStep(input)

    const granted = when({ target }, ({ target }) => target.is_free_period).then(() => {
      const purchaseInput = transform({ target }, ({ target }) => ({
        customer_id: target.customer.id,
        variant_id: target.variant_id as string,
        promocode: target.promocode.code,
        payment_token: null,
        idempotency_key: `admin-assign:${randomUUID()}`,
        sales_channel_ids: null,
      }))
      return purchaseTariffWorkflow.runAsStep({ input: purchaseInput })
    })

    const assigned = when({ target }, ({ target }) => !target.is_free_period).then(() =>
      assignDiscountCodeStep({
        promocode: target.promocode,
        customer_id: target.customer.id,
      })
    )

    const journalRow = transform({ target, granted }, ({ target, granted }) => ({
      promocode_id: target.promocode.id,
      code: target.promocode.code,
      customer_id: target.customer.id,
      // a plan cheaper than the customer's current one is only scheduled: no purchase
      purchase_id: granted?.purchase?.id ?? null,
      usage_id: granted?.purchase?.promocode_usage_id ?? null,
      discount_amount: granted?.purchase ? Number(granted.purchase.discount_amount) : null,
      currency_code: granted?.purchase?.currency_code ?? null,
    }))
    recordAssignmentStep(journalRow)

    const result = transform({ target, granted, assigned }, ({ target, granted, assigned }) => ({
      result: granted ? ("granted" as const) : ("assigned" as const),
      promocode: assigned ?? target.promocode,
      customer: target.customer,
      purchase: granted?.purchase ?? null,
      subscription: granted?.subscription ?? null,
    }))
    return new WorkflowResponse(result)
  }
)
