import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { purchaseByIdempotencyKey } from "../../../lib/purchases"

export const IDEMPOTENT_REPLAY = "PURCHASE_IDEMPOTENT_REPLAY"

/**
 * Under the customer's lock: a purchase already recorded with this
 * Idempotency-Key ends the workflow before anything is reserved or charged;
 * the route then answers with that purchase.
 */
export const checkIdempotencyStep = createStep(
  "check-purchase-idempotency",
  async (input: { customer_id: string; idempotency_key: string }, { container }) => {
    const existing = await purchaseByIdempotencyKey(
      container,
      input.customer_id,
      input.idempotency_key
    )
    if (existing) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Purchase ${existing.id} was made with this Idempotency-Key`,
        IDEMPOTENT_REPLAY
      )
    }
    return new StepResponse(null)
  }
)
