import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import type { BigNumberInput } from "@medusajs/framework/types"
import { type DiscountBreakdown, computeDiscount } from "./discount"
import { PromocodeError, type PromocodeErrorCode } from "./errors"
import { countCustomerUses } from "./ledger"
import { checkRules } from "./rules"
import type { PromocodeRuleFields } from "./types"

/**
 * The one answer to "may this customer use this code, and at what price?",
 * shared by the preview (`validateCode`), the reservation (`reserve`, under
 * the code's row lock) and the admin's dry run (`checkCode`). It counts the
 * customer's uses in the caller's manager (inside the reservation's
 * transaction, after the lock), checks every rule in their fixed order
 * (`checkRules`) and prices the plan (`computeDiscount`).
 */

export type EvaluationInput = {
  /**
   * Who wants the code. Without one (an admin's dry run) the customer rules
   * are not checked: assigned customers, per-customer limit (and
   * first_purchase_only unless `has_prior_purchase` is given).
   */
  customer_id?: string | null
  /** the plan; without one the plan restriction is not checked */
  variant_id?: string | null
  product_id?: string | null
  /** the plan's price; without it (or the currency) nothing is priced */
  amount?: BigNumberInput | null
  currency_code?: string | null
  has_prior_purchase?: boolean
}

export type Evaluation =
  | { error: PromocodeErrorCode; discount: null }
  | { error: null; discount: DiscountBreakdown | null }

export async function evaluateUse(
  m: SqlEntityManager,
  promocode: PromocodeRuleFields & { id: string },
  input: EvaluationInput,
  now: Date = new Date()
): Promise<Evaluation> {
  const customerId = input.customer_id || null
  const customerUses = customerId
    ? await countCustomerUses(m, promocode, customerId)
    : 0
  const rules = customerId ? promocode : { ...promocode, customer_ids: [] }
  const broken = checkRules(
    rules,
    {
      customer_id: customerId ?? "",
      variant_id: input.variant_id ?? null,
      product_id: input.product_id ?? null,
      customer_uses: customerUses,
      has_prior_purchase: input.has_prior_purchase ?? false,
    },
    now,
    { ignoreTarget: !input.variant_id }
  )
  if (broken) {
    return { error: broken, discount: null }
  }
  if (
    input.amount === null ||
    input.amount === undefined ||
    !input.currency_code
  ) {
    return { error: null, discount: null }
  }
  try {
    const discount = computeDiscount(promocode, {
      amount: input.amount,
      currency_code: input.currency_code,
    })
    return { error: null, discount }
  } catch (error) {
    if (PromocodeError.isPromocodeError(error)) {
      return { error: error.code as PromocodeErrorCode, discount: null }
    }
    throw error
  }
}
