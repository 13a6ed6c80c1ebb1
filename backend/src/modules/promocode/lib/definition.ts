import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { normalizeCode } from "./code"
import { invalidPromocode } from "./errors"

/**
 * The promo code's definition: the lists the module, its models, its raw SQL
 * and the admin API share, and the rule fields a code carries. Declare a new
 * kind, journal action or rule field here; everything else derives from it
 * (see docs/ARCHITECTURE-promocode.md, "How to add a promo code rule").
 */

/** The kinds of promo code. */
export const PROMOCODE_TYPES = ["percentage", "fixed", "free_period"] as const
export type PromocodeType = (typeof PROMOCODE_TYPES)[number]
/** The same list as PROMOCODE_TYPES (the name older imports use). */
export const PROMOCODE_TYPE_VALUES: readonly PromocodeType[] = PROMOCODE_TYPES

/** What the journal records (`promocode_journal.action`). */
export const JOURNAL_ACTIONS = [
  "validated",
  "rejected",
  "reserved",
  "released",
  "redeemed",
  "assigned",
] as const
export type JournalAction = (typeof JOURNAL_ACTIONS)[number]

/** The states of one use of a code (`promocode_usage.status`). */
export const USAGE_STATUSES = ["reserved", "redeemed", "released"] as const
export type UsageStatus = (typeof USAGE_STATUSES)[number]

/**
 * How long a code's discount lasts (like Stripe's coupon duration): `once`
 * the first charge only; `repeating` the first charge and the next
 * `duration_periods - 1` renewals; `forever` every renewal.
 */
export const PROMOCODE_DURATIONS = ["once", "repeating", "forever"] as const
export type PromocodeDuration = (typeof PROMOCODE_DURATIONS)[number]

/**
 * The rule fields of a code, stored as columns of `promocode`: the one list
 * the raw SQL (the columns read under the row lock, the batch INSERT) and the
 * update's merge are derived from. `rule-fields.unit.spec.ts` fails when a
 * column of the model is neither here nor a known non-rule column, or when a
 * derived list misses one.
 */
export const RULE_KEYS = [
  "type",
  "value",
  "currency_code",
  "free_days",
  "variant_ids",
  "product_ids",
  "customer_ids",
  "starts_at",
  "ends_at",
  "is_active",
  "usage_limit",
  "per_customer_limit",
  "first_purchase_only",
  "description",
  "duration",
  "duration_periods",
] as const
export type RuleKey = (typeof RULE_KEYS)[number]

export const MAX_DESCRIPTION_LENGTH = 2000
export const MAX_ID_LIST_LENGTH = 10000

/** The rules a code carries: what an admin sets on one code or on a batch. */
export type PromocodeRulesInput = {
  type: PromocodeType
  /** percentage: 0 < value <= 100; fixed: amount off, > 0 */
  value?: BigNumberInput | null
  /** required for `fixed`; stored lower-case ("rub") */
  currency_code?: string | null
  /** required for `free_period`: days of the plan at price 0 */
  free_days?: number | null
  /** `free_period` needs exactly one */
  variant_ids?: string[] | null
  product_ids?: string[] | null
  customer_ids?: string[] | null
  starts_at?: Date | string | null
  ends_at?: Date | string | null
  is_active?: boolean
  /** null = unlimited */
  usage_limit?: number | null
  /** default 1; null = unlimited */
  per_customer_limit?: number | null
  first_purchase_only?: boolean
  description?: string | null
  /** default `once` */
  duration?: PromocodeDuration | null
  /** required with `repeating` (>= 1), refused otherwise */
  duration_periods?: number | null
}

export type CreatePromocodeInput = PromocodeRulesInput & {
  /** generated when absent */
  code?: string | null
  batch_id?: string | null
}

export type UpdatePromocodeInput = Partial<CreatePromocodeInput> & {
  id: string
}

/** A definition after validation, ready to be stored. */
export type NormalizedRules = {
  type: PromocodeType
  value: string | null
  currency_code: string | null
  free_days: number | null
  variant_ids: string[]
  product_ids: string[]
  customer_ids: string[]
  starts_at: Date | null
  ends_at: Date | null
  is_active: boolean
  usage_limit: number | null
  per_customer_limit: number | null
  first_purchase_only: boolean
  description: string | null
  duration: PromocodeDuration
  duration_periods: number | null
}

// a rule field missing from (or extra in) either shape does not compile
type SameKeys<A, B> = [
  Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>,
] extends [never]
  ? true
  : never
export const RULE_SHAPES_MATCH: SameKeys<
  NormalizedRules,
  Record<RuleKey, unknown>
> &
  SameKeys<PromocodeRulesInput, Record<RuleKey, unknown>> = true

/** Fields an admin may set on a code; counters belong to the service. */
export const WRITABLE_KEYS: readonly string[] = [
  ...RULE_KEYS,
  "code",
  "batch_id",
]

function isSet<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined
}

function toDateOrNull(
  field: string,
  value: Date | string | null | undefined
): Date | null {
  if (!isSet(value) || value === "") {
    return null
  }
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) {
    throw invalidPromocode(`${field} must be a valid date.`)
  }
  return date
}

function positiveIntOrNull(
  field: string,
  value: number | null | undefined
): number | null {
  if (!isSet(value)) {
    return null
  }
  if (!Number.isInteger(value) || value < 1 || value > 2147483647) {
    throw invalidPromocode(`${field} must be a whole number of at least 1.`)
  }
  return value
}

function idList(field: string, value: string[] | null | undefined): string[] {
  if (!isSet(value)) {
    return []
  }
  if (!Array.isArray(value) || value.length > MAX_ID_LIST_LENGTH) {
    throw invalidPromocode(
      `${field} must be a list of at most ${MAX_ID_LIST_LENGTH} ids.`
    )
  }
  const ids = value.map((id) => (typeof id === "string" ? id.trim() : ""))
  if (ids.some((id) => !id.length || id.length > 255)) {
    throw invalidPromocode(`${field} must contain non-empty ids.`)
  }
  return [...new Set(ids)]
}

function decimalOrNull(value: BigNumberInput | null | undefined) {
  if (!isSet(value) || value === "") {
    return null
  }
  const number = MathBN.convert(value)
  if (number.isNaN() || !number.isFinite()) {
    throw invalidPromocode("value must be a number.")
  }
  return number
}

/**
 * Checks a promo code's rules and returns them in stored form:
 * - percentage: 0 < value <= 100
 * - fixed: value > 0 and a 3-letter currency_code
 * - free_period: free_days >= 1 and exactly one variant id (value is dropped)
 * - ends_at after starts_at; limits whole numbers >= 1 or null
 * Throws an INVALID_DATA MedusaError with code PROMOCODE_INVALID.
 */
export function normalizeRules(input: PromocodeRulesInput): NormalizedRules {
  if (!input || !PROMOCODE_TYPE_VALUES.includes(input.type)) {
    throw invalidPromocode(
      `type must be one of ${PROMOCODE_TYPE_VALUES.join(", ")}.`
    )
  }
  const type = input.type
  const value = decimalOrNull(input.value)
  const currencyRaw = isSet(input.currency_code)
    ? String(input.currency_code).trim().toLowerCase()
    : ""
  if (currencyRaw.length && !/^[a-z]{3}$/.test(currencyRaw)) {
    throw invalidPromocode("currency_code must be a 3-letter ISO 4217 code.")
  }
  let currency: string | null = currencyRaw.length ? currencyRaw : null
  let freeDays: number | null = null
  const variantIds = idList("variant_ids", input.variant_ids)
  const productIds = idList("product_ids", input.product_ids)
  const customerIds = idList("customer_ids", input.customer_ids)
  let storedValue: string | null = value ? value.toFixed() : null

  switch (type) {
    case "percentage":
      if (!value || value.lte(0) || value.gt(100)) {
        throw invalidPromocode(
          "A percentage code needs a value greater than 0 and at most 100."
        )
      }
      currency = null
      break
    case "fixed":
      if (!value || value.lte(0)) {
        throw invalidPromocode("A fixed code needs a value greater than 0.")
      }
      if (!currency) {
        throw invalidPromocode("A fixed code needs a currency_code.")
      }
      break
    case "free_period":
      if (
        !isSet(input.free_days) ||
        !Number.isInteger(input.free_days) ||
        input.free_days < 1 ||
        input.free_days > 36600
      ) {
        throw invalidPromocode(
          "A free_period code needs free_days, a whole number of at least 1."
        )
      }
      if (variantIds.length !== 1) {
        throw invalidPromocode(
          "A free_period code needs exactly one entry in variant_ids."
        )
      }
      freeDays = input.free_days
      storedValue = null
      currency = null
      break
  }

  const startsAt = toDateOrNull("starts_at", input.starts_at)
  const endsAt = toDateOrNull("ends_at", input.ends_at)
  if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) {
    throw invalidPromocode("ends_at must be after starts_at.")
  }

  const description = isSet(input.description)
    ? String(input.description)
    : null
  if (description && description.length > MAX_DESCRIPTION_LENGTH) {
    throw invalidPromocode(
      `description must be at most ${MAX_DESCRIPTION_LENGTH} characters.`
    )
  }

  const duration = normalizeDuration(input.duration, input.duration_periods)
  if (type === "free_period" && duration.duration !== "once") {
    throw invalidPromocode("A free_period code can only have the once duration.")
  }

  return {
    type,
    value: storedValue,
    currency_code: currency,
    free_days: freeDays,
    variant_ids: variantIds,
    product_ids: productIds,
    customer_ids: customerIds,
    starts_at: startsAt,
    ends_at: endsAt,
    is_active: input.is_active ?? true,
    usage_limit: positiveIntOrNull("usage_limit", input.usage_limit),
    per_customer_limit:
      input.per_customer_limit === undefined
        ? 1
        : positiveIntOrNull("per_customer_limit", input.per_customer_limit),
    first_purchase_only: input.first_purchase_only ?? false,
    description,
    ...duration,
  }
}

/**
 * The duration and its periods: `once` by default; `duration_periods` a whole
 * number >= 1 with `repeating` and refused with any other duration.
 */
export function normalizeDuration(
  duration: PromocodeDuration | null | undefined,
  periods: number | null | undefined
): { duration: PromocodeDuration; duration_periods: number | null } {
  const value = duration ?? "once"
  if (!PROMOCODE_DURATIONS.includes(value)) {
    throw invalidPromocode(
      `duration must be one of ${PROMOCODE_DURATIONS.join(", ")}.`
    )
  }
  if (value !== "repeating") {
    if (isSet(periods)) {
      throw invalidPromocode(
        "duration_periods is only allowed with the repeating duration."
      )
    }
    return { duration: value, duration_periods: null }
  }
  if (!isSet(periods) || !Number.isInteger(periods) || periods < 1 || periods > 1200) {
    throw invalidPromocode(
      "A repeating code needs duration_periods, a whole number of at least 1."
    )
  }
  return { duration: value, duration_periods: periods }
}

/** Rejects keys that are not part of a code's definition (e.g. counters). */
export function assertWritableKeys(input: object): void {
  const unknown = Object.keys(input).filter(
    (key) => key !== "id" && !WRITABLE_KEYS.includes(key)
  )
  if (unknown.length) {
    throw invalidPromocode(
      `These fields cannot be set on a promo code: ${unknown.join(", ")}.`
    )
  }
}

/** Normalizes a full create input: the code (when given) and the rules. */
export function normalizeCreateInput(
  input: CreatePromocodeInput
): NormalizedRules & { code: string | null; batch_id: string | null } {
  assertWritableKeys(input)
  return {
    ...normalizeRules(input),
    code: isSet(input.code) ? normalizeCode(input.code) : null,
    batch_id: input.batch_id ?? null,
  }
}
