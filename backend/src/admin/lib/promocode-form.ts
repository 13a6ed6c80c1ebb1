import { formatNumber, parseWholeNumber } from "./format"
import { tr } from "./i18n"
import type { FieldErrors } from "./errors"
import type {
  CreatePromocodePayload,
  GeneratePayload,
  Promocode,
  PromocodeRulesPayload,
  PromocodeType,
} from "./types"

export type PromocodeDuration = "once" | "repeating" | "forever"
export const PROMOCODE_DURATIONS: PromocodeDuration[] = ["once", "repeating", "forever"]
/** the most periods a repeating code lasts (the server's limit) */
export const MAX_DURATION_PERIODS = 1200

/**
 * The promo code form as the admin types it, its checks (the same rules the
 * server enforces, so a mistake is shown before anything is sent) and its
 * translation into an API payload.
 */

export const MAX_CODE_LENGTH = 64
export const MAX_DESCRIPTION_LENGTH = 2000
export const MAX_LIMIT = 2147483647
export const MAX_FREE_DAYS = 36600
export const MAX_BATCH_COUNT = 1_000_000
export const MIN_RANDOM_LENGTH = 4
export const MAX_RANDOM_LENGTH = 32
export const DEFAULT_RANDOM_LENGTH = 8
/** Characters a generated code is drawn from (no 0/O, 1/I/L). */
export const CODE_ALPHABET_SIZE = 31

const CODE_PATTERN = /^[A-Za-z0-9_-]+$/
const DECIMAL = /^\d+(\.\d+)?$/
const MONEY = /^\d+(\.\d{1,2})?$/

export type RulesFormValues = {
  type: PromocodeType
  value: string
  currency_code: string
  free_days: string
  starts_at: Date | null
  ends_at: Date | null
  is_active: boolean
  /** a one-time code: usage_limit 1 */
  one_time: boolean
  usage_limit: string
  per_customer_limit: string
  first_purchase_only: boolean
  product_ids: string[]
  variant_ids: string[]
  customer_ids: string[]
  description: string
  /** how many charges the discount lasts; free_period codes are always `once` */
  duration: PromocodeDuration
  /** with `repeating`: the first charge and the next periods - 1 renewals */
  duration_periods: string
}

export type PromocodeFormValues = RulesFormValues & { code: string }

export type GenerateFormValues = RulesFormValues & {
  count: string
  prefix: string
  length: string
}

/** Form fields a server error may be shown at. */
export const RULE_FIELDS = [
  "type",
  "value",
  "currency_code",
  "free_days",
  "starts_at",
  "ends_at",
  "is_active",
  "usage_limit",
  "per_customer_limit",
  "first_purchase_only",
  "product_ids",
  "variant_ids",
  "customer_ids",
  "description",
  "duration",
  "duration_periods",
] as const

export const PROMOCODE_FIELDS = ["code", ...RULE_FIELDS] as const
export const GENERATE_FIELDS = ["count", "prefix", "length", ...RULE_FIELDS] as const

export function emptyRules(): RulesFormValues {
  return {
    type: "percentage",
    value: "",
    currency_code: "rub",
    free_days: "30",
    starts_at: null,
    ends_at: null,
    is_active: true,
    one_time: false,
    usage_limit: "",
    per_customer_limit: "1",
    first_purchase_only: false,
    product_ids: [],
    variant_ids: [],
    customer_ids: [],
    description: "",
    duration: "once",
    duration_periods: "3",
  }
}

export function emptyPromocodeForm(): PromocodeFormValues {
  return { ...emptyRules(), code: "" }
}

export function emptyGenerateForm(): GenerateFormValues {
  return {
    ...emptyRules(),
    count: "1000",
    prefix: "",
    length: String(DEFAULT_RANDOM_LENGTH),
  }
}

const text = (n: number | null | undefined) =>
  n === null || n === undefined ? "" : String(n)

const date = (value: string | null | undefined) => (value ? new Date(value) : null)

/** The form filled with an existing code, for editing. */
export function promocodeToForm(p: Promocode): PromocodeFormValues {
  return {
    code: p.code,
    type: p.type,
    value: p.value === null || p.value === undefined ? "" : String(p.value),
    currency_code: p.currency_code ?? "rub",
    free_days: text(p.free_days) || "30",
    starts_at: date(p.starts_at),
    ends_at: date(p.ends_at),
    is_active: p.is_active,
    one_time: p.usage_limit === 1,
    usage_limit: text(p.usage_limit),
    per_customer_limit: text(p.per_customer_limit),
    first_purchase_only: p.first_purchase_only,
    product_ids: p.product_ids ?? [],
    variant_ids: p.variant_ids ?? [],
    customer_ids: p.customer_ids ?? [],
    description: p.description ?? "",
    duration: p.duration ?? "once",
    duration_periods: text(p.duration_periods) || "3",
  }
}

function checkLimit(value: string, label: string): string | null {
  if (!value.trim()) {
    return null
  }
  const n = parseWholeNumber(value)
  if (n === null || n < 1 || n > MAX_LIMIT) {
    return tr("validation.limit", { label })
  }
  return null
}

/** The rules every code (single or generated) must follow. */
export function validateRules(v: RulesFormValues): FieldErrors {
  const errors: FieldErrors = {}
  switch (v.type) {
    case "percentage": {
      const n = Number(v.value)
      if (!DECIMAL.test(v.value.trim()) || !(n > 0) || n > 100) {
        errors.value = tr("validation.percent")
      }
      break
    }
    case "fixed": {
      const n = Number(v.value)
      if (!MONEY.test(v.value.trim()) || !(n > 0)) {
        errors.value = tr("validation.amount")
      }
      if (!/^[a-z]{3}$/i.test(v.currency_code.trim())) {
        errors.currency_code = tr("validation.currency")
      }
      break
    }
    case "free_period": {
      const days = parseWholeNumber(v.free_days)
      if (days === null || days < 1 || days > MAX_FREE_DAYS) {
        errors.free_days = tr("validation.free_days")
      }
      if (v.variant_ids.length !== 1) {
        errors.variant_ids = tr("validation.free_plan")
      }
      break
    }
    default:
      errors.type = tr("validation.type")
  }

  if (v.starts_at && Number.isNaN(v.starts_at.getTime())) {
    errors.starts_at = tr("validation.date")
  }
  if (v.ends_at && Number.isNaN(v.ends_at.getTime())) {
    errors.ends_at = tr("validation.date")
  }
  if (
    !errors.starts_at &&
    !errors.ends_at &&
    v.starts_at &&
    v.ends_at &&
    v.ends_at.getTime() <= v.starts_at.getTime()
  ) {
    errors.ends_at = tr("validation.end_after_start")
  }

  if (!v.one_time) {
    const limit = checkLimit(v.usage_limit, tr("validation.usage_limit"))
    if (limit) {
      errors.usage_limit = limit
    }
  }
  const perCustomer = checkLimit(v.per_customer_limit, tr("validation.per_customer_limit"))
  if (perCustomer) {
    errors.per_customer_limit = perCustomer
  }
  if (v.type !== "free_period" && v.duration === "repeating") {
    const periods = parseWholeNumber(v.duration_periods)
    if (periods === null || periods < 1 || periods > MAX_DURATION_PERIODS) {
      errors.duration_periods = tr("validation.duration_periods", { max: MAX_DURATION_PERIODS })
    }
  }
  if (v.description.length > MAX_DESCRIPTION_LENGTH) {
    errors.description = tr("validation.at_most", { n: MAX_DESCRIPTION_LENGTH })
  }
  return errors
}

export function validateCode(code: string): string | null {
  const trimmed = code.trim()
  if (!trimmed) {
    return null
  }
  if (trimmed.length > MAX_CODE_LENGTH) {
    return tr("validation.at_most", { n: MAX_CODE_LENGTH })
  }
  if (!CODE_PATTERN.test(trimmed)) {
    return tr("validation.code_chars")
  }
  return null
}

export function validatePromocodeForm(v: PromocodeFormValues): FieldErrors {
  const errors = validateRules(v)
  const code = validateCode(v.code)
  if (code) {
    errors.code = code
  }
  return errors
}

export function validateGenerateForm(v: GenerateFormValues): FieldErrors {
  const errors = validateRules(v)
  const count = parseWholeNumber(v.count)
  if (count === null || count < 1 || count > MAX_BATCH_COUNT) {
    errors.count = tr("validation.count", { max: formatNumber(MAX_BATCH_COUNT) })
  }
  const prefix = v.prefix.trim()
  if (prefix && !CODE_PATTERN.test(prefix)) {
    errors.prefix = tr("validation.code_chars")
  }
  const length = parseWholeNumber(v.length)
  if (length === null || length < MIN_RANDOM_LENGTH || length > MAX_RANDOM_LENGTH) {
    errors.length = tr("validation.length", { min: MIN_RANDOM_LENGTH, max: MAX_RANDOM_LENGTH })
  } else if (prefix.length + length > MAX_CODE_LENGTH) {
    errors.length = tr("validation.prefix_and_length", { n: MAX_CODE_LENGTH })
  } else if (count !== null && Math.pow(CODE_ALPHABET_SIZE, length) < count * 1000) {
    errors.length = tr("validation.too_short", { count: formatNumber(count) })
  }
  return errors
}

/** The rules as the API takes them; `null` clears a field on update. */
export function rulesToPayload(v: RulesFormValues): PromocodeRulesPayload {
  const payload: PromocodeRulesPayload = {
    type: v.type,
    value: null,
    currency_code: null,
    free_days: null,
    starts_at: v.starts_at ? v.starts_at.toISOString() : null,
    ends_at: v.ends_at ? v.ends_at.toISOString() : null,
    is_active: v.is_active,
    usage_limit: v.one_time ? 1 : parseWholeNumber(v.usage_limit),
    per_customer_limit: parseWholeNumber(v.per_customer_limit),
    first_purchase_only: v.first_purchase_only,
    product_ids: [],
    variant_ids: v.variant_ids,
    customer_ids: v.customer_ids,
    description: v.description.trim() ? v.description.trim() : null,
    duration: v.type === "free_period" ? "once" : v.duration,
    duration_periods:
      v.type !== "free_period" && v.duration === "repeating" ? parseWholeNumber(v.duration_periods) : null,
  }
  if (v.type === "free_period") {
    payload.free_days = parseWholeNumber(v.free_days)
    payload.variant_ids = v.variant_ids.slice(0, 1)
  } else {
    payload.value = Number(v.value)
    payload.product_ids = v.product_ids
    if (v.type === "fixed") {
      payload.currency_code = v.currency_code.trim().toLowerCase()
    }
  }
  return payload
}

/** Leaves out what is empty: a new code takes the server's defaults. */
function withoutEmpty<T extends object>(payload: T): T {
  return Object.fromEntries(
    Object.entries(payload).filter(
      ([, value]) => value !== null && !(Array.isArray(value) && !value.length)
    )
  ) as T
}

export function createPayload(v: PromocodeFormValues): CreatePromocodePayload {
  const payload = withoutEmpty({ ...rulesToPayload(v) } as CreatePromocodePayload)
  if (v.code.trim()) {
    payload.code = v.code.trim().toUpperCase()
  }
  // "no limit per customer" has to be said: the server's default is 1
  if (!v.per_customer_limit.trim()) {
    payload.per_customer_limit = null
  }
  return payload
}

export function updatePayload(v: PromocodeFormValues): PromocodeRulesPayload {
  return rulesToPayload(v)
}

export function generatePayload(v: GenerateFormValues): GeneratePayload {
  const payload = withoutEmpty({
    ...rulesToPayload(v),
    count: parseWholeNumber(v.count) ?? 0,
    length: parseWholeNumber(v.length) ?? DEFAULT_RANDOM_LENGTH,
  } as GeneratePayload)
  if (v.prefix.trim()) {
    payload.prefix = v.prefix.trim().toUpperCase()
  }
  if (!v.per_customer_limit.trim()) {
    payload.per_customer_limit = null
  }
  return payload
}
