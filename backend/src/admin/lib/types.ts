/**
 * Shapes of the admin API our pages read and send. Not written here: the
 * responses are inferred from the backend's response schemas
 * (src/api/schemas, the source of GET /docs/openapi.json) and the payloads
 * from the routes' validators, so a change there reaches these pages through
 * the compiler. Type-only imports: no backend code enters the admin bundle.
 */
import type { z } from "@medusajs/framework/zod"
import type { PurchaseWithTitles, SubscriptionWithTitles } from "../../api/schemas/purchases"
import type { AdminCancelSubscription, AdminRefundSubscription } from "../../api/admin/subscriptions/validators"
import type { AdminListSubscriptions } from "../../api/admin/validators"
import type {
  AdminCreatePromocode,
  AdminGeneratePromocodes,
  AdminListPromocodesParams,
  AdminUpdatePromocode,
} from "../../api/admin/promocodes/validators"

export type {
  AssignResponse,
  BatchStatus,
  CustomerSummary,
  JournalAction,
  JournalEntry,
  JournalResponse,
  Promocode,
  PromocodeBatch,
  PromocodeDetailResponse,
  PromocodeListResponse,
  PromocodeReport,
  PromocodeStats,
  PromocodeStatus,
  PromocodeType,
  ReportDay,
  TopCode,
  ValidateResponse,
} from "../../api/schemas/promocodes"
export type {
  NextCharge,
  PaymentMethod,
  PlanInterval,
  PurchaseKind,
  PurchaseStatus,
  SubscriptionStatus,
} from "../../api/schemas/purchases"
export type {
  AdminSubscription,
  AdminSubscriptionDetail,
  AdminSubscriptionDetailResponse,
  AdminSubscriptionList,
  AdminSubscriptionRefundResponse,
  AdminSubscriptionRetryResponse,
  TimelineEntry,
  TimelineType,
} from "../../api/schemas/admin-subscriptions"
export type {
  AdminCancelSubscriptionResponse,
  SubscriptionRefund,
  SubscriptionReport,
  SubscriptionReportPoint,
} from "../../api/schemas/operations"
export type {
  ExportStatus,
  PromocodeExport,
  PromocodeExportList,
  PromocodeExportResponse,
} from "../../api/schemas/promocodes"

/** Purchases and subscriptions as the lists (and the customer widget) show them: with titles. */
export type Purchase = PurchaseWithTitles
export type Subscription = SubscriptionWithTitles
export type { SubscriptionPlan } from "../../api/schemas/operations"
export type { AmountByCurrency, ReasonCount } from "../../api/schemas/common"

/** Amounts are JSON numbers in major units; form inputs hand over strings. */
export type Amount = number | string

/** The query of GET /admin/promocodes as the list page builds it: URL strings (status comma-separated). */
export type PromocodeListParams = {
  [K in Exclude<keyof z.input<typeof AdminListPromocodesParams>, "limit" | "offset">]?: string
} & { limit: number; offset: number }

/** The query of GET /admin/subscriptions as the pages build it: URL strings (status comma-separated). */
export type SubscriptionListParams = {
  [K in Exclude<keyof z.input<typeof AdminListSubscriptions>, "limit" | "offset">]?: string
} & { limit: number; offset: number }

/** Dates travel as ISO strings; the validators turn them into Dates. */
type WithDateStrings<T> = Omit<T, "starts_at" | "ends_at"> & {
  starts_at?: string | null
  ends_at?: string | null
}

export type CreatePromocodePayload = WithDateStrings<z.input<typeof AdminCreatePromocode>>

export type UpdatePromocodePayload = WithDateStrings<z.input<typeof AdminUpdatePromocode>>

export type GeneratePayload = WithDateStrings<z.input<typeof AdminGeneratePromocodes>>

/** `POST /admin/subscriptions/:id/cancel`: `at`, and `refund` (only with `at: "now"`). */
export type CancelSubscriptionPayload = z.input<typeof AdminCancelSubscription>

/** `POST /admin/subscriptions/:id/refund`: the purchase, and `amount` (omitted: all that is left). */
export type RefundSubscriptionPayload = z.input<typeof AdminRefundSubscription>

/** The rules a code carries, as sent to create, update and generate. */
export type PromocodeRulesPayload = Omit<CreatePromocodePayload, "code">

/** A tariff plan as the forms offer it: a product variant with its tariff (admin-only). */
export type TariffOption = {
  product_id: string
  product_title: string
  variant_id: string
  variant_title: string
}
