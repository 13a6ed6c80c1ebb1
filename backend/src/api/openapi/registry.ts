import { PromocodeErrorCode } from "../../modules/promocode/lib/errors"
import {
  AdminCreatePromocode,
  AdminEmptyBody,
  AdminExportPromocodesParams,
  AdminGeneratePromocodes,
  AdminGetPromocodeParams,
  AdminListBatchesParams,
  AdminListJournalParams,
  AdminListPromocodesParams,
  AdminListUsagesParams,
  AdminReportExportParams,
  AdminReportParams,
  AdminUpdatePromocode,
  AdminValidatePromocode,
} from "../admin/promocodes/validators"
import {
  AdminAssignPromocode,
  AdminListPlans,
  AdminListPurchases,
  AdminListSubscriptions,
  AdminUpsertPlan,
} from "../admin/validators"
import {
  AdminCancelSubscription,
  AdminRefundSubscription,
  AdminRetrySubscription,
  AdminSubscriptionReportParams,
} from "../admin/subscriptions/validators"
import {
  AdminSubscriptionDetailResponse,
  AdminSubscriptionList,
  AdminSubscriptionRefundResponse,
  AdminSubscriptionRetryResponse,
} from "../schemas/admin-subscriptions"
import { AdminRunRenewals } from "../admin/subscriptions/renewals/validators"
import {
  AdminCancelSubscriptionResponse,
  RenewalPassResult,
  SubscriptionPlanList,
  SubscriptionReportResponse,
  SubscriptionPlanResponse,
} from "../schemas/operations"
import {
  AssignResponse,
  JournalResponse,
  PromocodeBatchList,
  PromocodeBatchResponse,
  PromocodeDeleteResponse,
  PromocodeDetailResponse,
  PromocodeExportList,
  PromocodeExportResponse,
  PromocodeListResponse,
  PromocodeReportResponse,
  PromocodeResponse,
  ValidateResponse,
} from "../schemas/promocodes"
import { PurchaseList } from "../schemas/purchases"
import type { ApiRoute } from "./types"
import { PROMOCODE_REJECTIONS, STORE_ROUTES } from "./store-routes"
import { PROMOCODE_CODE_SPACE_TOO_SMALL } from "../../lib/rate-limit/code-space"
import {
  SUBSCRIPTION_NOT_ACTIVE,
  SUBSCRIPTION_NOT_FOUND,
} from "../../modules/subscription/lib/lifecycle"

/**
 * Every custom route: one entry per path and method. The OpenAPI document
 * (GET /docs/openapi.json) is built from this list, the contract test checks
 * the HTTP suite's responses against it, and a unit test fails when a route
 * file under src/api has no entry. How to add one: docs/ARCHITECTURE-openapi.md.
 */

const CSV = { contentType: "text/csv", description: "a CSV file with a header row" }
/** the rules of a code, broken (admin create, update, generate) */
const PROMOCODE_INVALID = ["PROMOCODE_INVALID"]

export const API_ROUTES: ApiRoute[] = [
  ...STORE_ROUTES,

  // --- admin: promo codes ----------------------------------------------------
  {
    method: "GET",
    path: "/admin/promocodes",
    tag: "admin: promo codes",
    summary: "Promo codes by text, status, type and batch; sorted and paged",
    auth: "admin",
    query: AdminListPromocodesParams,
    responses: { 200: PromocodeListResponse },
  },
  {
    method: "POST",
    path: "/admin/promocodes",
    tag: "admin: promo codes",
    summary: "Creates one code (a missing `code` is generated)",
    auth: "admin",
    body: AdminCreatePromocode,
    responses: { 201: PromocodeResponse },
    errors: { 400: [...PROMOCODE_INVALID, "PROMOCODE_DUPLICATE"], 422: ["invalid_request_error"] },
  },
  {
    method: "GET",
    path: "/admin/promocodes/:id",
    tag: "admin: promo codes",
    summary: "One code with its usage statistics",
    auth: "admin",
    query: AdminGetPromocodeParams,
    responses: { 200: PromocodeDetailResponse },
    errors: { 404: [] },
  },
  {
    method: "POST",
    path: "/admin/promocodes/:id",
    tag: "admin: promo codes",
    summary: "A partial update; the merged rules are checked again",
    auth: "admin",
    body: AdminUpdatePromocode,
    responses: { 200: PromocodeResponse },
    errors: { 400: [...PROMOCODE_INVALID, "PROMOCODE_DUPLICATE"], 404: [], 422: ["invalid_request_error"] },
  },
  {
    method: "DELETE",
    path: "/admin/promocodes/:id",
    tag: "admin: promo codes",
    summary: "Deletes a code never used; a code with uses is deactivated",
    auth: "admin",
    query: AdminGetPromocodeParams,
    responses: { 200: PromocodeDeleteResponse },
    errors: { 404: [] },
  },
  {
    method: "GET",
    path: "/admin/promocodes/:id/usages",
    tag: "admin: promo codes",
    summary: "The journal of one code, newest first",
    auth: "admin",
    query: AdminListUsagesParams,
    responses: { 200: JournalResponse },
    errors: { 404: [] },
  },
  {
    method: "POST",
    path: "/admin/promocodes/generate",
    tag: "admin: promo codes",
    summary: "Starts generating `count` unique codes with the same rules (202; poll the batch)",
    auth: "admin",
    body: AdminGeneratePromocodes,
    responses: { 202: PromocodeBatchResponse },
    errors: { 400: [...PROMOCODE_INVALID, PROMOCODE_CODE_SPACE_TOO_SMALL] },
  },
  {
    method: "GET",
    path: "/admin/promocodes/batches",
    tag: "admin: promo codes",
    summary: "Generation batches, newest first",
    auth: "admin",
    query: AdminListBatchesParams,
    responses: { 200: PromocodeBatchList },
  },
  {
    method: "GET",
    path: "/admin/promocodes/batches/:id",
    tag: "admin: promo codes",
    summary: "One generation batch: status and progress",
    auth: "admin",
    query: AdminGetPromocodeParams,
    responses: { 200: PromocodeBatchResponse },
    errors: { 404: [] },
  },
  {
    method: "POST",
    path: "/admin/promocodes/batches/:id/resume",
    tag: "admin: promo codes",
    summary: "Resumes a failed or stuck batch where it stopped (202)",
    auth: "admin",
    body: AdminEmptyBody,
    responses: { 202: PromocodeBatchResponse },
    errors: { 400: ["PROMOCODE_BATCH_COMPLETED", "PROMOCODE_BATCH_RUNNING"], 404: [] },
  },
  {
    method: "GET",
    path: "/admin/promocodes/export",
    tag: "admin: promo codes",
    summary: "The most recent CSV exports (of one batch with `batch_id`), newest first",
    auth: "admin",
    query: AdminExportPromocodesParams,
    responses: { 200: PromocodeExportList },
  },
  {
    method: "POST",
    path: "/admin/promocodes/export",
    tag: "admin: promo codes",
    summary: "Starts a CSV export of a batch's codes (or every code) in the background (202; poll the export)",
    description:
      "The worker writes the file through the File Module; poll `GET /admin/promocodes/export/:id` until `completed`, then download its `download_url`.",
    auth: "admin",
    body: AdminExportPromocodesParams,
    responses: { 202: PromocodeExportResponse },
    errors: { 404: [] },
  },
  {
    method: "GET",
    path: "/admin/promocodes/export/:id",
    tag: "admin: promo codes",
    summary: "One export: status, exported of total, progress, its download_url when completed",
    auth: "admin",
    query: AdminGetPromocodeParams,
    responses: { 200: PromocodeExportResponse },
    errors: { 404: [] },
  },
  {
    method: "GET",
    path: "/admin/promocodes/export/:id/download",
    tag: "admin: promo codes",
    summary: "The CSV file of a completed export, with a `code` column",
    auth: "admin",
    query: AdminGetPromocodeParams,
    responses: { 200: CSV },
    errors: { 400: ["PROMOCODE_EXPORT_NOT_READY"], 404: ["NOT_FOUND", "PROMOCODE_EXPORT_FILE_MISSING"] },
  },
  {
    method: "POST",
    path: "/admin/promocodes/validate",
    tag: "admin: promo codes",
    summary: "Would this code apply (for this customer, on this plan), and if not, why; a dry run",
    auth: "admin",
    body: AdminValidatePromocode,
    responses: { 200: ValidateResponse },
    errors: { 400: ["PLAN_NOT_FOUND", "REGION_NOT_FOUND"], 404: ["CUSTOMER_NOT_FOUND"] },
  },
  {
    method: "POST",
    path: "/admin/promocodes/assign",
    tag: "admin: promo codes",
    summary: "Applies a code to a customer's account",
    description:
      "A free-period code grants its plan now (`granted`); a discount code waits for the customer's next purchase (`assigned`).",
    auth: "admin",
    body: AdminAssignPromocode,
    responses: { 200: AssignResponse },
    errors: {
      400: [...PROMOCODE_REJECTIONS, "PLAN_NOT_FOUND"],
      404: [PromocodeErrorCode.NOT_FOUND, "CUSTOMER_NOT_FOUND"],
      409: ["invalid_state_error"],
    },
  },
  {
    method: "GET",
    path: "/admin/promocodes/journal",
    tag: "admin: promo codes",
    summary: "The journal across codes: a customer's or a code's history, or everything",
    auth: "admin",
    query: AdminListJournalParams,
    responses: { 200: JournalResponse },
  },
  {
    method: "GET",
    path: "/admin/promocodes/report",
    tag: "admin: promo codes",
    summary: "Aggregates over [from, to): attempts, rejections by reason, discount, by day, top codes",
    auth: "admin",
    query: AdminReportParams,
    responses: { 200: PromocodeReportResponse },
    errors: { 400: ["PROMOCODE_REPORT_RANGE_INVALID", "PROMOCODE_REPORT_RANGE_TOO_LONG"], 404: [] },
  },
  {
    method: "GET",
    path: "/admin/promocodes/report/export",
    tag: "admin: promo codes",
    summary: "The report as CSV, one row per UTC day",
    auth: "admin",
    query: AdminReportExportParams,
    responses: { 200: CSV },
    errors: { 400: ["PROMOCODE_REPORT_RANGE_INVALID", "PROMOCODE_REPORT_RANGE_TOO_LONG"], 404: [] },
  },

  // --- admin: purchases, subscriptions, plans ---------------------------------
  {
    method: "GET",
    path: "/admin/purchases",
    tag: "admin: purchases and subscriptions",
    summary: "Purchases of every customer, newest first, with filters",
    auth: "admin",
    query: AdminListPurchases,
    responses: { 200: PurchaseList },
  },
  {
    method: "GET",
    path: "/admin/subscriptions",
    tag: "admin: purchases and subscriptions",
    summary: "Subscriptions of every customer, the latest ending first, with filters",
    auth: "admin",
    query: AdminListSubscriptions,
    responses: { 200: AdminSubscriptionList },
  },
  {
    method: "POST",
    path: "/admin/subscriptions/:id/cancel",
    tag: "admin: purchases and subscriptions",
    summary: "Cancels any subscription: at the period end, or now with an optional prorated refund",
    description:
      "`refund: \"prorated\"` (only with `at: \"now\"`) gives back the unused part of the period through the Payment Module.",
    auth: "admin",
    body: AdminCancelSubscription,
    responses: { 200: AdminCancelSubscriptionResponse },
    errors: { 400: [SUBSCRIPTION_NOT_ACTIVE], 404: [SUBSCRIPTION_NOT_FOUND] },
  },
  {
    method: "GET",
    path: "/admin/subscriptions/report",
    tag: "admin: purchases and subscriptions",
    summary: "Subscribers by status, MRR, renewal success rate and churn over [from, to), per day, week or month",
    description:
      "Reconstructed from the purchases and the subscriptions' timestamps; statuses and MRR at each bucket's end. " +
      "The range may span at most 366 days.",
    auth: "admin",
    query: AdminSubscriptionReportParams,
    responses: { 200: SubscriptionReportResponse },
    errors: { 400: ["SUBSCRIPTION_REPORT_RANGE_INVALID", "SUBSCRIPTION_REPORT_RANGE_TOO_LONG"] },
  },
  {
    method: "GET",
    path: "/admin/subscriptions/report/export",
    tag: "admin: purchases and subscriptions",
    summary: "The subscription report as CSV, one row per bucket (the charts' figures)",
    auth: "admin",
    query: AdminSubscriptionReportParams,
    responses: { 200: CSV },
    errors: { 400: ["SUBSCRIPTION_REPORT_RANGE_INVALID", "SUBSCRIPTION_REPORT_RANGE_TOO_LONG"] },
  },
  {
    method: "GET",
    path: "/admin/subscriptions/:id",
    tag: "admin: purchases and subscriptions",
    summary: "One subscription with its MRR and its timeline, newest first",
    description:
      "The timeline joins the purchases (bought, renewed, declined), the Payment Module's refunds, cancels, resumes and scheduled plan changes, the end, and the Notification Module's messages about it. `refundable` lists the paid purchases and what each can still give back.",
    auth: "admin",
    responses: { 200: AdminSubscriptionDetailResponse },
    errors: { 404: [SUBSCRIPTION_NOT_FOUND] },
  },
  {
    method: "POST",
    path: "/admin/subscriptions/:id/refund",
    tag: "admin: purchases and subscriptions",
    summary: "Refunds one purchase of the subscription, in full or in part, through the Payment Module",
    description: "Without `amount`, everything the purchase can still give back. The subscription is not changed.",
    auth: "admin",
    body: AdminRefundSubscription,
    responses: { 200: AdminSubscriptionRefundResponse },
    errors: { 400: ["REFUND_NOT_AVAILABLE", "REFUND_AMOUNT_TOO_LARGE"], 404: ["PURCHASE_NOT_FOUND"] },
  },
  {
    method: "POST",
    path: "/admin/subscriptions/:id/retry",
    tag: "admin: purchases and subscriptions",
    summary: "Retries a past_due subscription's renewal now with its saved card",
    description: "A decline counts as one of the retries. Any other status: 400 SUBSCRIPTION_NOT_PAST_DUE.",
    auth: "admin",
    body: AdminRetrySubscription,
    responses: { 200: AdminSubscriptionRetryResponse },
    errors: { 400: ["SUBSCRIPTION_NOT_PAST_DUE"], 404: [SUBSCRIPTION_NOT_FOUND] },
  },
  {
    method: "POST",
    path: "/admin/subscriptions/renewals/run",
    tag: "admin: purchases and subscriptions",
    summary: "Runs the renewal pass now (the scheduled job's work): counts by outcome",
    description: "`as_of` runs it as if it were then; accepted only with SUBSCRIPTION_TEST_CLOCK=true.",
    auth: "admin",
    body: AdminRunRenewals,
    responses: { 200: RenewalPassResult },
    errors: { 400: ["TEST_CLOCK_DISABLED"] },
  },
  {
    method: "GET",
    path: "/admin/subscription-plans",
    tag: "admin: purchases and subscriptions",
    summary: "The plan terms of the given variants",
    auth: "admin",
    query: AdminListPlans,
    responses: { 200: SubscriptionPlanList },
  },
  {
    method: "POST",
    path: "/admin/subscription-plans/:variant_id",
    tag: "admin: purchases and subscriptions",
    summary: "Sets the plan terms of a tariff variant",
    auth: "admin",
    body: AdminUpsertPlan,
    responses: { 200: SubscriptionPlanResponse },
    errors: { 404: ["VARIANT_NOT_FOUND"] },
  },

  // --- operations -------------------------------------------------------------------
  {
    method: "GET",
    path: "/metrics",
    tag: "operations",
    summary: "Prometheus metrics of this process (text exposition format)",
    description: "Off (404) unless the server has METRICS_TOKEN; then the token is required as a bearer token.",
    auth: "metrics",
    responses: { 200: { contentType: "text/plain", description: "Prometheus text format 0.0.4" } },
    errors: { 401: ["METRICS_UNAUTHORIZED"], 404: [] },
  },

  // --- docs ---------------------------------------------------------------------
  {
    method: "GET",
    path: "/docs",
    tag: "docs",
    summary: "This API reference (HTML)",
    auth: "none",
    responses: { 200: { contentType: "text/html", description: "the reference page" } },
  },
  {
    method: "GET",
    path: "/docs/openapi.json",
    tag: "docs",
    summary: "The OpenAPI 3.1 document of these routes",
    auth: "none",
    responses: { 200: { contentType: "application/json", description: "an OpenAPI 3.1 document" } },
  },
  {
    method: "GET",
    path: "/docs/assets/:file",
    tag: "docs",
    summary: "The reference page's scripts and styles (swagger-ui-dist)",
    auth: "none",
    responses: {
      200: {
        contentType: ["text/javascript", "text/css", "image/png"],
        description: "a file of swagger-ui-dist, or the page's init script",
      },
    },
    errors: { 404: [] },
  },
]

/** The entry for a method and a Medusa-style path, if any. */
export function findRoute(method: string, path: string): ApiRoute | undefined {
  return API_ROUTES.find((r) => r.method === method.toUpperCase() && r.path === path)
}
