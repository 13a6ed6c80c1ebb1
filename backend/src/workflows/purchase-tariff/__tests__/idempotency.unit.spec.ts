import { MedusaError } from "@medusajs/framework/utils"
import { isIdempotencyKeyTaken } from "../steps/check-idempotency"

describe("isIdempotencyKeyTaken", () => {
  it("recognizes the unique-key violation of a replay, as Medusa's error mapper words it", () => {
    const taken = new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Purchase with customer_id: cus_01ABC, idempotency_key: 5f0c-key, already exists."
    )
    expect(isIdempotencyKeyTaken(taken)).toBe(true)
    expect(
      isIdempotencyKeyTaken(
        new MedusaError(MedusaError.Types.DUPLICATE_ERROR, "Purchase with customer_id: c, idempotency_key: k, already exists")
      )
    ).toBe(true)
  })

  it("leaves every other error alone", () => {
    const others: unknown[] = [
      new MedusaError(MedusaError.Types.INVALID_DATA, "Promocode with code: SALE10, already exists."),
      new MedusaError(MedusaError.Types.NOT_ALLOWED, "Purchase with idempotency_key: k, already exists."),
      new MedusaError(MedusaError.Types.INVALID_DATA, "idempotency_key must be a string"),
      new Error("Purchase with customer_id: c, idempotency_key: k, already exists."),
      null,
      undefined,
      "idempotency_key already exists.",
    ]
    for (const error of others) {
      expect(isIdempotencyKeyTaken(error)).toBe(false)
    }
  })
})
