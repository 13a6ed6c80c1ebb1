import { z } from "@medusajs/framework/zod"
import { id, isoDate, isoDateString, text } from "../../../lib/validation"
// leaf files, not the module's index: the admin and the storefront type-check
// these validators (their request types) without the module's service
import { MAX_CODE_LENGTH } from "../../../modules/promocode/lib/code"
import { JOURNAL_ACTIONS, PROMOCODE_DURATIONS, PROMOCODE_TYPES } from "../../../modules/promocode/lib/definition"
import { MAX_RANDOM_LENGTH, MIN_RANDOM_LENGTH } from "../../../modules/promocode/lib/generator"
import { SEARCH_ORDER_FIELDS } from "../../../modules/promocode/lib/queries"
import { PROMOCODE_STATUSES } from "../../../modules/promocode/lib/rules"

/**
 * Request shapes of /admin/promocodes. Every object is strict: an unknown
 * field is a 400, never silently dropped. The module checks the rules again
 * (it is the source of truth); the checks here give field-level messages.
 */

export const MAX_GENERATE_COUNT = 1_000_000
export const MAX_PAGE_SIZE = 100


/** A date field of a code: an ISO date, or null / "" to clear it. */
const dateField = z.preprocess(
  (value) => (value === "" ? null : value),
  isoDate().nullish()
)

const idList = z.array(id()).max(10_000)

const limitCount = z.number().int().min(1).max(2_147_483_647)

const code = text()
  .trim()
  .min(1)
  .max(MAX_CODE_LENGTH)
  .regex(/^[A-Za-z0-9_-]+$/, {
    message: "may contain only letters A-Z, digits, '_' and '-'",
  })

/** The rules a code carries (one code or every code of a batch). */
const ruleFields = {
  type: z.enum(PROMOCODE_TYPES),
  value: z.number().finite().positive().nullish(),
  currency_code: text()
    .trim()
    .regex(/^[A-Za-z]{3}$/, { message: "must be a 3-letter ISO 4217 code" })
    .nullish(),
  free_days: z.number().int().min(1).max(36_600).nullish(),
  starts_at: dateField,
  ends_at: dateField,
  is_active: z.boolean().optional(),
  usage_limit: limitCount.nullish(),
  per_customer_limit: limitCount.nullish(),
  first_purchase_only: z.boolean().optional(),
  product_ids: idList.nullish(),
  variant_ids: idList.nullish(),
  customer_ids: idList.nullish(),
  description: text().max(2000).nullish(),
  duration: z.enum(PROMOCODE_DURATIONS).optional(),
  duration_periods: z.number().int().min(1).max(1200).nullish(),
}

type RuleShape = {
  type?: string
  value?: number | null
  currency_code?: string | null
  free_days?: number | null
  variant_ids?: string[] | null
  starts_at?: unknown
  ends_at?: unknown
  duration?: string
  duration_periods?: number | null
}

/**
 * Whether both dates parsed and the end is not after the start. A date that
 * failed to parse is still its raw input here (zod runs object refinements
 * beside field errors): its own field already carries the error.
 */
function endsBeforeStart(startsAt: unknown, endsAt: unknown): boolean {
  return startsAt instanceof Date && endsAt instanceof Date && endsAt.getTime() <= startsAt.getTime()
}

/** Cross-field rules, reported at the field they concern. */
function checkRules(data: RuleShape, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) =>
    ctx.addIssue({ code: "custom", path: [path], message })
  if (data.type === "percentage") {
    if (data.value == null) issue("value", "a percentage code needs a value")
    else if (data.value > 100) issue("value", "a percentage must be at most 100")
  }
  if (data.type === "fixed") {
    if (data.value == null) issue("value", "a fixed code needs a value")
    if (!data.currency_code) issue("currency_code", "a fixed code needs a currency_code")
  }
  if (data.type === "free_period") {
    if (data.free_days == null) issue("free_days", "a free_period code needs free_days")
    if ((data.variant_ids ?? []).length !== 1) {
      issue("variant_ids", "a free_period code needs exactly one entry in variant_ids")
    }
  }
  if (endsBeforeStart(data.starts_at, data.ends_at)) {
    issue("ends_at", "ends_at must be after starts_at")
  }
  if (data.duration === "repeating" && data.duration_periods == null) {
    issue("duration_periods", "a repeating code needs duration_periods")
  }
  if (data.duration !== "repeating" && data.duration_periods != null) {
    issue("duration_periods", "duration_periods is only allowed with the repeating duration")
  }
  if (data.type === "free_period" && data.duration && data.duration !== "once") {
    issue("duration", "a free_period code can only have the once duration")
  }
}

export const AdminCreatePromocode = z
  .object({ code: code.nullish(), ...ruleFields })
  .strict()
  .superRefine(checkRules)
export type AdminCreatePromocodeType = z.infer<typeof AdminCreatePromocode>

/** A partial update; the module merges it with the stored rules and re-checks. */
export const AdminUpdatePromocode = z
  .object({ code: code.optional(), ...ruleFields, type: ruleFields.type.optional() })
  .strict()
  .superRefine((data, ctx) => {
    if (endsBeforeStart(data.starts_at, data.ends_at)) {
      ctx.addIssue({
        code: "custom",
        path: ["ends_at"],
        message: "ends_at must be after starts_at",
      })
    }
    if (data.type === "percentage" && data.value != null && data.value > 100) {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: "a percentage must be at most 100",
      })
    }
  })
export type AdminUpdatePromocodeType = z.infer<typeof AdminUpdatePromocode>

export const AdminGeneratePromocodes = z
  .object({
    count: z.number().int().min(1).max(MAX_GENERATE_COUNT),
    prefix: text()
      .trim()
      .max(32)
      .regex(/^[A-Za-z0-9_-]*$/, {
        message: "may contain only letters A-Z, digits, '_' and '-'",
      })
      .optional(),
    length: z.number().int().min(MIN_RANDOM_LENGTH).max(MAX_RANDOM_LENGTH).optional(),
    ...ruleFields,
  })
  .strict()
  .superRefine(checkRules)
export type AdminGeneratePromocodesType = z.infer<typeof AdminGeneratePromocodes>

export const AdminValidatePromocode = z
  .object({
    code: text().max(1000),
    customer_id: id().optional(),
    variant_id: id().optional(),
  })
  .strict()
export type AdminValidatePromocodeType = z.infer<typeof AdminValidatePromocode>

// --- query strings -----------------------------------------------------------

const page = (defaultLimit = 20) => ({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(defaultLimit),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
})

/** `a,b` or `?x=a&x=b` as a list; an empty value is no filter. */
function commaList<T extends string>(values: readonly [T, ...T[]]) {
  return z.preprocess((input) => {
    const parts = (Array.isArray(input) ? input : [input])
      .filter((part) => typeof part === "string")
      .flatMap((part) => (part as string).split(","))
      .map((part) => part.trim())
      .filter(Boolean)
    if (input === undefined || (typeof input === "string" && !parts.length)) {
      return undefined
    }
    return parts
  }, z.array(z.enum(values)).min(1).max(values.length).optional())
}

const orderValues = SEARCH_ORDER_FIELDS.flatMap((field) => [field, `-${field}`]) as [
  string,
  ...string[],
]

export const AdminListPromocodesParams = z
  .object({
    q: text().trim().max(200).optional(),
    status: commaList(PROMOCODE_STATUSES),
    type: z.enum(PROMOCODE_TYPES).optional(),
    batch_id: id().optional(),
    order: z.enum(orderValues).default("-created_at"),
    ...page(),
  })
  .strict()
export type AdminListPromocodesParamsType = z.infer<typeof AdminListPromocodesParams>

export const AdminGetPromocodeParams = z.object({}).strict()
export const AdminEmptyBody = z.object({}).strict()

export const AdminListBatchesParams = z.object({ ...page() }).strict()
export type AdminListBatchesParamsType = z.infer<typeof AdminListBatchesParams>

export const AdminExportPromocodesParams = z
  .object({ batch_id: id().optional() })
  .strict()
export type AdminExportPromocodesParamsType = z.infer<typeof AdminExportPromocodesParams>

export const AdminListUsagesParams = z
  .object({ action: commaList(JOURNAL_ACTIONS), ...page() })
  .strict()
export type AdminListUsagesParamsType = z.infer<typeof AdminListUsagesParams>

export const AdminListJournalParams = z
  .object({
    customer_id: id().optional(),
    promocode_id: id().optional(),
    action: commaList(JOURNAL_ACTIONS),
    ...page(),
  })
  .strict()
export type AdminListJournalParamsType = z.infer<typeof AdminListJournalParams>

export const AdminReportParams = z
  .object({
    from: isoDateString().optional(),
    to: isoDateString().optional(),
    promocode_id: id().optional(),
    /** how many top codes to list (default 10) */
    top: z.coerce.number().int().min(1).max(100).default(10),
  })
  .strict()
export type AdminReportParamsType = z.infer<typeof AdminReportParams>

export const AdminReportExportParams = z
  .object({
    from: isoDateString().optional(),
    to: isoDateString().optional(),
    promocode_id: id().optional(),
  })
  .strict()
export type AdminReportExportParamsType = z.infer<typeof AdminReportExportParams>
