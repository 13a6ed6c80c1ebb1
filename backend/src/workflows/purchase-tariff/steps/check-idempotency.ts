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

/**
 * A purchase that lost the race to the unique (customer_id, idempotency_key)
 * index: another request with the same key recorded its purchase first. The
 * database error reaches us through Medusa's error mapper as invalid data,
 * "Purchase with customer_id: …, idempotency_key: …, already exists."; the
 * route answers it with that first purchase, never with the column names.
 */
export function isIdempotencyKeyTaken(error: unknown): boolean {
  if (!(error instanceof Object) || !("message" in error) || typeof error.message !== "string") {
    return false
  }
  const type = "type" in error ? error.type : undefined
  return (
    (type === MedusaError.Types.INVALID_DATA || type === MedusaError.Types.DUPLICATE_ERROR) &&
    /\bidempotency_key\b/.test(error.message) &&
    /already exists\.?$/.test(error.message)
  )
}
