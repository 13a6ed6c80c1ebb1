import type { BigNumberInput } from "@medusajs/framework/types"

import type { PromocodeType, RuleKey } from "./definition"

export type { PromocodeType }

/**
 * The fields of a promo code the pure rule and discount logic reads. A
 * `PromocodeDTO` from the service, a row read with raw SQL and a plain object
 * in a unit test all fit.
 */
export type PromocodeRuleFields = {
  type: PromocodeType
  value?: BigNumberInput | null
  currency_code?: string | null
  free_days?: number | null
  variant_ids?: string[] | null
  product_ids?: string[] | null
  customer_ids?: string[] | null
  starts_at?: Date | string | null
  ends_at?: Date | string | null
  is_active: boolean
  usage_limit?: number | null
  per_customer_limit?: number | null
  first_purchase_only: boolean
  reserved_count: number
  used_count: number
}

// a rule field (RULE_KEYS) missing above does not compile; the description and
// the duration (read by the purchase and the renewal, not by the rules) are the
// ones the rules do not read
export const RULE_FIELDS_READ: [
  Exclude<
    RuleKey,
    keyof PromocodeRuleFields | "description" | "duration" | "duration_periods"
  >,
] extends [never]
  ? true
  : never = true

/** Who wants to use the code, and on what. */
export type RuleContext = {
  customer_id: string
  /** the plan (product variant) being bought */
  variant_id?: string | null
  /** the tariff (product) the plan belongs to */
  product_id?: string | null
  /** this customer's reserved + redeemed uses of this code */
  customer_uses: number
  /** whether the customer has completed a purchase before */
  has_prior_purchase: boolean
}

export type DiscountInput = {
  /** the price of the plan, in major units (399 = 399 RUB) */
  amount: BigNumberInput
  currency_code: string
}
