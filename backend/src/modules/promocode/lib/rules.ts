import { PromocodeErrorCode } from "./errors"
import type { PromocodeRuleFields, RuleContext } from "./types"

function toDate(value: Date | string | null | undefined): Date | null {
  if (value === null || value === undefined) {
    return null
  }
  return value instanceof Date ? value : new Date(value)
}

function nonEmpty(list: string[] | null | undefined): list is string[] {
  return Array.isArray(list) && list.length > 0
}

export type CheckRulesOptions = {
  /**
   * Skip the plan restriction (PROMOCODE_NOT_APPLICABLE). For an admin
   * applying a code to an account without a plan in hand; never for shoppers.
   */
  ignoreTarget?: boolean
}

/**
 * Whether the plan (variant / product) is one the code may be used on. A
 * free-period code applies to its one variant only; other codes to any listed
 * variant or product, or to everything when neither list is set.
 */
export function appliesToTarget(
  promocode: Pick<PromocodeRuleFields, "type" | "variant_ids" | "product_ids">,
  target: { variant_id?: string | null; product_id?: string | null }
): boolean {
  const variantIds = promocode.variant_ids
  const productIds = promocode.product_ids
  if (promocode.type === "free_period") {
    return (
      nonEmpty(variantIds) &&
      !!target.variant_id &&
      variantIds[0] === target.variant_id
    )
  }
  if (!nonEmpty(variantIds) && !nonEmpty(productIds)) {
    return true
  }
  return (
    (!!target.variant_id &&
      nonEmpty(variantIds) &&
      variantIds.includes(target.variant_id)) ||
    (!!target.product_id &&
      nonEmpty(productIds) &&
      productIds.includes(target.product_id))
  )
}

/**
 * The first rule the use of `promocode` by `ctx` breaks at `now`, or null when
 * it may be used. The order is fixed, so a code that is both expired and used
 * up reports EXPIRED:
 * INACTIVE, NOT_STARTED, EXPIRED, NOT_FOR_CUSTOMER, NOT_APPLICABLE,
 * FIRST_PURCHASE_ONLY, ALREADY_USED, USED_UP.
 *
 * The window is half-open: usable from `starts_at` (inclusive) until `ends_at`
 * (exclusive).
 */
export function checkRules(
  promocode: PromocodeRuleFields,
  ctx: RuleContext,
  now: Date = new Date(),
  options: CheckRulesOptions = {}
): PromocodeErrorCode | null {
  if (!promocode.is_active) {
    return PromocodeErrorCode.INACTIVE
  }
  const startsAt = toDate(promocode.starts_at)
  if (startsAt && now.getTime() < startsAt.getTime()) {
    return PromocodeErrorCode.NOT_STARTED
  }
  const endsAt = toDate(promocode.ends_at)
  if (endsAt && now.getTime() >= endsAt.getTime()) {
    return PromocodeErrorCode.EXPIRED
  }
  if (
    nonEmpty(promocode.customer_ids) &&
    !promocode.customer_ids.includes(ctx.customer_id)
  ) {
    return PromocodeErrorCode.NOT_FOR_CUSTOMER
  }
  if (!options.ignoreTarget && !appliesToTarget(promocode, ctx)) {
    return PromocodeErrorCode.NOT_APPLICABLE
  }
  if (promocode.first_purchase_only && ctx.has_prior_purchase) {
    return PromocodeErrorCode.FIRST_PURCHASE_ONLY
  }
  if (
    promocode.per_customer_limit !== null &&
    promocode.per_customer_limit !== undefined &&
    ctx.customer_uses >= promocode.per_customer_limit
  ) {
    return PromocodeErrorCode.ALREADY_USED
  }
  if (
    promocode.usage_limit !== null &&
    promocode.usage_limit !== undefined &&
    Number(promocode.reserved_count) + Number(promocode.used_count) >=
      promocode.usage_limit
  ) {
    return PromocodeErrorCode.USED_UP
  }
  return null
}

export const PROMOCODE_STATUSES = [
  "active",
  "inactive",
  "scheduled",
  "expired",
  "used_up",
] as const

export type PromocodeStatus = (typeof PROMOCODE_STATUSES)[number]

/**
 * The state an admin sees, with the same precedence as `checkRules`:
 * inactive (switched off), scheduled (not started), expired (ended), used_up
 * (reserved + used reached usage_limit), otherwise active.
 */
export function promocodeStatus(
  promocode: Pick<
    PromocodeRuleFields,
    | "is_active"
    | "starts_at"
    | "ends_at"
    | "usage_limit"
    | "reserved_count"
    | "used_count"
  >,
  now: Date = new Date()
): PromocodeStatus {
  if (!promocode.is_active) {
    return "inactive"
  }
  const startsAt = toDate(promocode.starts_at)
  if (startsAt && now.getTime() < startsAt.getTime()) {
    return "scheduled"
  }
  const endsAt = toDate(promocode.ends_at)
  if (endsAt && now.getTime() >= endsAt.getTime()) {
    return "expired"
  }
  if (
    promocode.usage_limit !== null &&
    promocode.usage_limit !== undefined &&
    Number(promocode.reserved_count) + Number(promocode.used_count) >=
      promocode.usage_limit
  ) {
    return "used_up"
  }
  return "active"
}
