import { z } from "@medusajs/framework/zod"
import { BATCH_STATUSES } from "../../modules/promocode/models/promocode-batch"
import { EXPORT_STATUSES } from "../../modules/promocode/models/promocode-export"
import { JOURNAL_ACTIONS } from "../../modules/promocode/models/promocode-journal"
import { PROMOCODE_STATUSES } from "../../modules/promocode/lib/rules"
import { amount, amountByCurrency, currencyCode, paged, reasonCount, timestamp } from "./common"
import { Purchase, Subscription } from "./purchases"
import { PromocodeType, promocodeDuration } from "./store"

/** Responses of the /admin/promocodes routes. */

export { PromocodeType }

export const PromocodeStatus = z.enum(PROMOCODE_STATUSES)
export type PromocodeStatus = z.infer<typeof PromocodeStatus>

export const JournalAction = z.enum(JOURNAL_ACTIONS)
export type JournalAction = z.infer<typeof JournalAction>

export const BatchStatus = z.enum(BATCH_STATUSES)
export type BatchStatus = z.infer<typeof BatchStatus>

/** A promo code as `promocodeResponse` (admin/promocodes/helpers.ts) writes it. */
export const Promocode = z.object({
  id: z.string(),
  code: z.string(),
  type: PromocodeType,
  value: amount.nullable(),
  currency_code: currencyCode.nullable(),
  free_days: z.number().int().nullable(),
  starts_at: timestamp.nullable(),
  ends_at: timestamp.nullable(),
  is_active: z.boolean(),
  usage_limit: z.number().int().nullable(),
  per_customer_limit: z.number().int().nullable(),
  first_purchase_only: z.boolean(),
  product_ids: z.array(z.string()),
  variant_ids: z.array(z.string()),
  customer_ids: z.array(z.string()),
  description: z.string().nullable(),
  ...promocodeDuration,
  batch_id: z.string().nullable(),
  reserved_count: z.number().int(),
  used_count: z.number().int(),
  validated_count: z
    .number()
    .int()
    .meta({ description: "shoppers' previews that found the code usable (counted, not journaled)" }),
  status: PromocodeStatus,
  created_at: timestamp,
  updated_at: timestamp,
})
export type Promocode = z.infer<typeof Promocode>

export const PromocodeStats = z.object({
  promocode_id: z.string(),
  reserved: z.number().int(),
  redeemed: z.number().int(),
  released: z.number().int(),
  customers: z.number().int(),
  discount_given: z.array(amountByCurrency),
  rejections_by_reason: z.array(reasonCount),
  usage_limit: z.number().int().nullable(),
  remaining: z.number().int().nullable(),
  last_redeemed_at: timestamp.nullable(),
})
export type PromocodeStats = z.infer<typeof PromocodeStats>

export const PromocodeListResponse = paged("promocodes", Promocode)
export type PromocodeListResponse = z.infer<typeof PromocodeListResponse>

export const PromocodeResponse = z.object({ promocode: Promocode })
export type PromocodeResponse = z.infer<typeof PromocodeResponse>

export const PromocodeDetailResponse = z.object({ promocode: Promocode, stats: PromocodeStats })
export type PromocodeDetailResponse = z.infer<typeof PromocodeDetailResponse>

/** A code never used is deleted; one with uses is deactivated instead. */
export const PromocodeDeleteResponse = z.object({
  id: z.string(),
  object: z.literal("promocode"),
  deleted: z.boolean(),
  deactivated: z.boolean(),
})
export type PromocodeDeleteResponse = z.infer<typeof PromocodeDeleteResponse>

export const PromocodeBatch = z.object({
  id: z.string(),
  count: z.number().int(),
  generated: z.number().int(),
  status: BatchStatus,
  /** generated / count, 0..1 */
  progress: z.number().min(0).max(1),
  prefix: z.string(),
  length: z.number().int(),
  /** the rules every code of the batch carries, as sent */
  rules: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
  created_at: timestamp,
  updated_at: timestamp,
})
export type PromocodeBatch = z.infer<typeof PromocodeBatch>

export const PromocodeBatchResponse = z.object({ batch: PromocodeBatch })
export type PromocodeBatchResponse = z.infer<typeof PromocodeBatchResponse>

export const PromocodeBatchList = paged("batches", PromocodeBatch)
export type PromocodeBatchList = z.infer<typeof PromocodeBatchList>

export const CustomerSummary = z.object({
  id: z.string(),
  email: z.string().nullable(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
})
export type CustomerSummary = z.infer<typeof CustomerSummary>

/** One journal row: an attempt, a reservation, a release, a redemption, an assignment. */
export const JournalEntry = z.object({
  id: z.string(),
  created_at: timestamp,
  action: JournalAction,
  /** the rejection's or release's reason */
  reason: z.string().nullable(),
  promocode_id: z.string().nullable(),
  code: z.string(),
  customer_id: z.string().nullable(),
  customer: CustomerSummary.nullable(),
  purchase_id: z.string().nullable(),
  usage_id: z.string().nullable(),
  discount_amount: amount.nullable(),
  currency_code: currencyCode.nullable(),
})
export type JournalEntry = z.infer<typeof JournalEntry>

export const JournalResponse = paged("usages", JournalEntry)
export type JournalResponse = z.infer<typeof JournalResponse>

const journalCounts = {
  attempts: z.number().int(),
  validations: z.number().int(),
  reservations: z.number().int(),
  redemptions: z.number().int(),
  assignments: z.number().int(),
  releases: z.number().int(),
  rejections: z.number().int(),
  discount_given: z.array(amountByCurrency),
}

export const ReportDay = z.object({ day: z.iso.date(), ...journalCounts })
export type ReportDay = z.infer<typeof ReportDay>

export const TopCode = z.object({
  promocode_id: z.string().nullable(),
  code: z.string(),
  redemptions: z.number().int(),
  discount_given: z.array(amountByCurrency),
  revenue: z.array(amountByCurrency),
})
export type TopCode = z.infer<typeof TopCode>

export const PromocodeReport = z.object({
  from: timestamp,
  to: timestamp,
  ...journalCounts,
  views: z
    .number()
    .int()
    .meta({ description: "previews that found a code usable: the codes' validated_count, all time" }),
  rejections_by_reason: z.array(reasonCount),
  releases_by_reason: z.array(reasonCount),
  by_day: z.array(ReportDay),
  top_codes: z.array(TopCode),
})
export type PromocodeReport = z.infer<typeof PromocodeReport>

export const PromocodeReportResponse = z.object({ report: PromocodeReport })
export type PromocodeReportResponse = z.infer<typeof PromocodeReportResponse>

const checked = z.object({ customer: z.boolean(), plan: z.boolean() })

/** The support page's dry run: would the code apply, and if not, why (200 either way). */
export const ValidateResponse = z.discriminatedUnion("valid", [
  z.object({
    valid: z.literal(true),
    promocode: Promocode,
    discount: z
      .object({
        variant_id: z.string(),
        original_amount: amount,
        discount_amount: amount,
        total: amount,
        currency_code: currencyCode,
      })
      .optional(),
    checked,
  }),
  z.object({
    valid: z.literal(false),
    error: z.object({ code: z.string(), message: z.string() }),
    promocode: Promocode.nullable(),
    checked,
  }),
])
export type ValidateResponse = z.infer<typeof ValidateResponse>

/** A free-period code grants its plan now ("granted"); a discount code waits ("assigned"). */
export const AssignResponse = z.object({
  result: z.enum(["granted", "assigned"]),
  promocode: Promocode.pick({
    id: true,
    code: true,
    type: true,
    value: true,
    currency_code: true,
    free_days: true,
  }),
  customer: z.object({ id: z.string(), email: z.string() }),
  purchase: Purchase.nullable(),
  subscription: Subscription.nullable(),
})
export type AssignResponse = z.infer<typeof AssignResponse>

export const ExportStatus = z.enum(EXPORT_STATUSES)
export type ExportStatus = z.infer<typeof ExportStatus>

/** A background CSV export of codes, as `exportResponse` (admin/promocodes/export/response.ts) writes it. */
export const PromocodeExport = z.object({
  id: z.string(),
  /** the batch exported; null for every code */
  batch_id: z.string().nullable(),
  status: ExportStatus,
  total: z.number().int(),
  exported: z.number().int(),
  /** exported / total, 0..1 (1 once completed) */
  progress: z.number().min(0).max(1),
  filename: z.string(),
  /** the admin route that downloads the file, once completed */
  download_url: z.string().nullable(),
  error: z.string().nullable(),
  created_at: timestamp,
  updated_at: timestamp,
})
export type PromocodeExport = z.infer<typeof PromocodeExport>

export const PromocodeExportResponse = z.object({ export: PromocodeExport })
export type PromocodeExportResponse = z.infer<typeof PromocodeExportResponse>

/** The most recent exports, newest first (not paged). */
export const PromocodeExportList = z.object({ exports: z.array(PromocodeExport) })
export type PromocodeExportList = z.infer<typeof PromocodeExportList>

/** CSV downloads (export, report export): text/csv with a header row. */
export const CsvFile = z.string().meta({ description: "text/csv, a header row first" })
