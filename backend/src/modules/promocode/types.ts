import type {
  BigNumberInput,
  InferTypeOf,
} from "@medusajs/framework/types"
import type { DiscountBreakdown } from "./lib/discount"
import type { PromocodeErrorCode } from "./lib/errors"
import type { PromocodeRow } from "./lib/ledger"
import type { EvaluationInput } from "./lib/evaluate"
import type { PromocodeStatus } from "./lib/rules"
import type { PromocodeType } from "./lib/types"
import type { PromocodeDuration } from "./lib/definition"
import type {
  Promocode,
  PromocodeBatch,
  PromocodeExport,
  PromocodeJournal,
  PromocodeUsage,
} from "./models"

/**
 * The promocode module's public types: what its service methods take and
 * return. Import them from the module (`../modules/promocode`).
 */

export type PromocodeDTO = InferTypeOf<typeof Promocode>
export type PromocodeUsageDTO = InferTypeOf<typeof PromocodeUsage>
export type PromocodeJournalDTO = InferTypeOf<typeof PromocodeJournal>
export type PromocodeBatchDTO = InferTypeOf<typeof PromocodeBatch>
export type PromocodeExportDTO = InferTypeOf<typeof PromocodeExport>

export type PromocodeModuleOptions = {
  /** how long a reservation holds a use before `releaseExpired` frees it */
  reservationTtlMs?: number
  /**
   * how long a usable preview's view may wait in memory before it is added to
   * the code's `validated_count` (one statement for every code counted
   * meanwhile; also at shutdown) [5000 ms]; 0 writes each view at once
   */
  viewsFlushMs?: number
}

/** What a shopper's use of a code is checked against. */
export type ValidateCodeInput = {
  code: string
  customer_id: string
  /** the plan (product variant) being bought */
  variant_id: string
  /** the tariff (product) of that plan */
  product_id?: string | null
  /** the plan's price in major units */
  amount: BigNumberInput
  currency_code: string
  /** whether the customer completed a purchase before (first_purchase_only) */
  has_prior_purchase?: boolean
  /** recorded in the journal when known */
  purchase_id?: string | null
}

export type ValidateCodeResult = {
  /** the code's row: id, code and rules (decimals as strings, as stored) */
  promocode: PromocodeRow
  discount: DiscountBreakdown
}

/**
 * What `checkCode` answers for: every field but the code is optional; a rule
 * is checked only when what it needs is given (see lib/evaluate.ts).
 */
export type CheckCodeInput = EvaluationInput & {
  code: string
  purchase_id?: string | null
}

export type CheckCodeOptions = {
  /**
   * record the answer as a shopper's attempt: a rejection is journaled with
   * its reason, a usable code's `validated_count` is incremented; off for an
   * admin's check (default: off)
   */
  journal?: boolean
}

/** `promocode` is null when no code matches; `error` null when it may be used. */
export type CheckCodeResult = {
  promocode: PromocodeDTO | null
  error: PromocodeErrorCode | null
  /** the price, when the input had an amount and a currency and no error */
  discount: DiscountBreakdown | null
}

export type ReserveInput = ValidateCodeInput & {
  /** overrides the module's reservation time to live */
  ttl_ms?: number
}

/** The code as it was when reserved (read under its row lock). */
export type ReservedPromocode = {
  id: string
  code: string
  type: PromocodeType
  value: number | null
  currency_code: string | null
  free_days: number | null
  /** how many charges the discount lasts (the renewals read it) */
  duration: PromocodeDuration
  duration_periods: number | null
}

/** A reserved use, with its code and the price the reservation was made at. */
export type ReserveResult = Omit<PromocodeUsageDTO, "promocode"> & {
  promocode: ReservedPromocode
  /** original_amount, discount_amount, total and currency_code of the plan */
  breakdown: DiscountBreakdown
}

export type RedeemInput = {
  /** the purchase the use paid for; recorded on the usage and the journal */
  purchase_id?: string | null
}

export type ReleaseInput = {
  /** the purchase that failed, when known; recorded like in RedeemInput */
  purchase_id?: string | null
}

export type RecordAssignmentInput = {
  promocode_id?: string | null
  code: string
  customer_id: string
  purchase_id?: string | null
  usage_id?: string | null
  discount_amount?: BigNumberInput | null
  currency_code?: string | null
}

export type BatchProgress = {
  batch_id: string
  generated: number
  count: number
}

export type AmountByCurrency = { currency_code: string | null; amount: string }

export type UsageStats = {
  promocode_id: string
  reserved: number
  redeemed: number
  released: number
  /** distinct customers with a reserved or redeemed use */
  customers: number
  /** sum of redeemed discounts, per currency (decimal strings) */
  discount_given: AmountByCurrency[]
  /** journal rejections of this code by reason */
  rejections_by_reason: { reason: string | null; count: number }[]
  usage_limit: number | null
  /** usage_limit - reserved_count - used_count, null when unlimited */
  remaining: number | null
  last_redeemed_at: Date | null
}

export type ReportInput = {
  from?: Date | string | null
  to?: Date | string | null
  promocode_id?: string | null
}

export type ReportDay = {
  /** YYYY-MM-DD (UTC) */
  day: string
  attempts: number
  validations: number
  reservations: number
  redemptions: number
  assignments: number
  releases: number
  rejections: number
  discount_given: AmountByCurrency[]
}

export type PromocodeReport = {
  from: Date
  to: Date
  /** rejected + reserved: every time a code was tried and journaled */
  attempts: number
  /** `validated` journal rows (written before previews became a counter) */
  validations: number
  /**
   * previews that found a code usable: the sum of the codes' (or the one
   * code's) `validated_count`, since the code was created, not per range
   */
  views: number
  reservations: number
  redemptions: number
  assignments: number
  releases: number
  rejections: number
  rejections_by_reason: { reason: string | null; count: number }[]
  releases_by_reason: { reason: string | null; count: number }[]
  /** sum of discounts of redemptions, per currency (decimal strings) */
  discount_given: AmountByCurrency[]
  by_day: ReportDay[]
}

export type SearchPromocodesFilters = {
  /** case-insensitive substring of the code or the description */
  q?: string | null
  status?: PromocodeStatus | PromocodeStatus[] | null
  batch_id?: string | null
  type?: PromocodeType | null
}

export type SearchPromocodesConfig = {
  /** 1..1000, default 20 */
  limit?: number
  offset?: number
  /** a field, "-" prefix for descending; default "-created_at" */
  order?: string
  /** the clock the status is computed against (default: now) */
  now?: Date
}

export type PromocodeWithStatus = PromocodeDTO & { status: PromocodeStatus }

export type RemovePromocodeResult = {
  id: string
  /** true when the code had no uses and was erased */
  deleted: boolean
  /** true when the code had uses and was deactivated instead */
  deactivated: boolean
}

