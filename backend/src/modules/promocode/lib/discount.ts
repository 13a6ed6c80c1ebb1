import { BigNumber, MathBN, MedusaError } from "@medusajs/framework/utils"
import { PromocodeError, PromocodeErrorCode } from "./errors"
import type { DiscountInput, PromocodeRuleFields } from "./types"

export type DiscountBreakdown = {
  original_amount: BigNumber
  discount_amount: BigNumber
  total: BigNumber
  currency_code: string
}

/** Digits after the decimal point a percentage discount is rounded to. */
export const DISCOUNT_DECIMALS = 2

// bignumber.js ROUND_HALF_UP: 0.005 -> 0.01, 0.0049 -> 0.00
const ROUND_HALF_UP = 4 as const

/**
 * The price of a plan after the code: percentage off (rounded half up to 2
 * decimals), a fixed amount off (only in the code's currency; in another one it
 * throws PromocodeError PROMOCODE_NOT_APPLICABLE), or the whole price for a
 * free period. The discount never exceeds the price, so the total is never
 * below 0. All arithmetic is decimal (MathBN), never floating point.
 */
export function computeDiscount(
  promocode: Pick<PromocodeRuleFields, "type" | "value" | "currency_code">,
  input: DiscountInput
): DiscountBreakdown {
  const amount = MathBN.convert(input.amount)
  if (amount.isNaN() || amount.isNegative()) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "The amount to discount must be a number of at least 0."
    )
  }
  const currency = input.currency_code.toLowerCase()

  let discount = MathBN.convert(0)
  switch (promocode.type) {
    case "percentage": {
      const percent = MathBN.convert(promocode.value ?? 0)
      discount = MathBN.div(MathBN.mult(amount, percent), 100).decimalPlaces(
        DISCOUNT_DECIMALS,
        ROUND_HALF_UP
      )
      break
    }
    case "fixed": {
      if ((promocode.currency_code ?? "").toLowerCase() !== currency) {
        throw new PromocodeError(PromocodeErrorCode.NOT_APPLICABLE)
      }
      discount = MathBN.convert(promocode.value ?? 0)
      break
    }
    case "free_period": {
      discount = amount
      break
    }
  }

  discount = MathBN.min(MathBN.max(discount, 0), amount)
  const total = MathBN.sub(amount, discount)

  return {
    original_amount: new BigNumber(amount),
    discount_amount: new BigNumber(discount),
    total: new BigNumber(total),
    currency_code: currency,
  }
}
