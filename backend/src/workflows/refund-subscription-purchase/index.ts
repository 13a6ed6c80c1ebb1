import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { refundPurchaseStep, type RefundPurchaseInput } from "./steps/refund-purchase"

export type { RefundPurchaseInput, RefundPurchaseResult } from "./steps/refund-purchase"

/**
 * An admin refunds one purchase of a subscription, in full or in part,
 * through the Payment Module. Under a lock per purchase, so two refunds at
 * once cannot give back more than was paid (each reads what is left after
 * the other).
 */
export const refundSubscriptionPurchaseWorkflow = createWorkflow(
  "refund-subscription-purchase",
  (input: RefundPurchaseInput) => {
    const lockKey = transform({ input }, ({ input }) => `subscription-refund:${input.purchase_id}`)
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
    const refund = refundPurchaseStep(input)
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(refund)
  }
)
