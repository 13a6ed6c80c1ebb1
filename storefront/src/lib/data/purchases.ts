import "server-only"
import { isPromocodeRejection, type PromocodeRejection } from "@/lib/util/promocode"
import type {
  AppliedPromocode,
  AssignedPromocode,
  PlanChange,
  Purchase,
  PurchasePreview,
} from "@/types/purchase"
import type {
  StoreCreatePurchaseType,
  StorePreviewPurchaseType,
} from "@backend/api/store/purchases/validators"
import { amount, arrayOf, isObject, stringOrNull } from "./json"
import {
  listFailure,
  logError,
  storeApi,
  type ListResult,
  type StoreApiError,
} from "./store-api"

/*
 * The signed-in customer's purchases and promo codes (the API reference, GET /docs;
 * subscriptions are in `./subscriptions`). Every function takes the customer's token and the page's locale explicitly.
 * Answers are normalized here (amounts to numbers, optional fields to null), so pages can
 * trust the shapes in `@/types/purchase`.
 */

/** A purchase can take longer than a catalogue read (locks, payment, subscription). */
const PURCHASE_TIMEOUT_MS = 30_000

/** The error code of a Trial refused to this customer (the API reference, GET /docs). */
const TRIAL_NOT_AVAILABLE = "TRIAL_NOT_AVAILABLE"

// ---------------------------------------------------------------------------------------
// Preview

export type PreviewResult =
  | { status: "ok"; preview: PurchasePreview }
  | { status: "rejected"; reason: PromocodeRejection }
  /** The Trial, for a customer who had one or had a paid subscription. */
  | { status: "trial_unavailable" }
  | { status: "not_found" }
  | { status: "signed_out" }
  | { status: "unavailable" }

/** `POST /store/purchases/preview`: the price of a plan, with a promo code if given. */
export async function previewPurchase(
  token: string,
  locale: string,
  input: { variant_id: string; promocode?: string }
): Promise<PreviewResult> {
  const result = await storeApi<{ preview?: unknown }>("/store/purchases/preview", {
    method: "POST",
    token,
    locale,
    body: (input.promocode
      ? { variant_id: input.variant_id, promocode: input.promocode }
      : { variant_id: input.variant_id }) satisfies StorePreviewPurchaseType,
  })
  if (result.ok) {
    const preview = toPreview(result.data.preview)
    if (preview) {
      return { status: "ok", preview }
    }
    console.error("The preview answer has an unexpected shape:", result.data)
    return { status: "unavailable" }
  }

  const { error } = result
  if (error.code === TRIAL_NOT_AVAILABLE) {
    return { status: "trial_unavailable" }
  }
  const rejection = promocodeRejection(error, Boolean(input.promocode))
  if (rejection) {
    return { status: "rejected", reason: rejection }
  }
  if (error.status === 401) {
    return { status: "signed_out" }
  }
  if (error.status === 404) {
    return { status: "not_found" }
  }
  logError("preview", error)
  return { status: "unavailable" }
}

// ---------------------------------------------------------------------------------------
// Purchase

export type PurchaseInput = {
  variant_id: string
  promocode?: string
  payment_token?: string
  /** Renew with the saved card (the backend's default when left out: on for paid plans). */
  auto_renew?: boolean
  /** The Trial: the paid plan it converts to (the backend's default: the cheapest monthly). */
  convert_to_variant_id?: string
  idempotency_key: string
}

export type PurchaseResult =
  | { status: "completed"; purchase: Purchase }
  /** A cheaper plan scheduled for the period end: nothing charged, maybe no purchase. */
  | { status: "scheduled" }
  | { status: "trial_unavailable" }
  | { status: "declined"; reason: string | null; purchase_id: string | null }
  | { status: "rejected"; reason: PromocodeRejection }
  | { status: "signed_out" }
  /** Another purchase of this customer (or this attempt) is still running: retry it. */
  | { status: "busy" }
  /** No answer or a server error: the outcome is unknown, retry with the same key. */
  | { status: "unavailable" }
  /** The backend refused the request itself (4xx): retrying it unchanged will not help. */
  | { status: "failed" }

/**
 * `POST /store/purchases` with the attempt's `Idempotency-Key`: sending the same attempt
 * again (after a timeout, a 5xx, a lost answer) must not charge twice.
 */
export async function createPurchase(
  token: string,
  locale: string,
  input: PurchaseInput
): Promise<PurchaseResult> {
  const result = await storeApi<{ purchase?: unknown; subscription?: unknown }>("/store/purchases", {
    method: "POST",
    token,
    locale,
    headers: { "idempotency-key": input.idempotency_key },
    timeoutMs: PURCHASE_TIMEOUT_MS,
    body: {
      variant_id: input.variant_id,
      ...(input.promocode ? { promocode: input.promocode } : {}),
      ...(input.payment_token ? { payment: { token: input.payment_token } } : {}),
      ...(input.auto_renew !== undefined ? { auto_renew: input.auto_renew } : {}),
      ...(input.convert_to_variant_id
        ? { convert_to_variant_id: input.convert_to_variant_id }
        : {}),
    } satisfies StoreCreatePurchaseType,
  })
  if (result.ok) {
    const purchase = toPurchase(result.data.purchase)
    if (purchase) {
      return { status: "completed", purchase }
    }
    const subscription = result.data.subscription
    if (isObject(subscription) && typeof subscription.pending_variant_id === "string") {
      return { status: "scheduled" }
    }
    console.error("The purchase answer has an unexpected shape:", result.data)
    return { status: "unavailable" }
  }

  const { error } = result
  if (error.code === TRIAL_NOT_AVAILABLE) {
    return { status: "trial_unavailable" }
  }
  if (error.code === "PAYMENT_DECLINED" || error.status === 402) {
    return {
      status: "declined",
      reason: stringOrNull(error.body.reason),
      purchase_id: stringOrNull(error.body.purchase_id),
    }
  }
  const rejection = promocodeRejection(error, Boolean(input.promocode))
  if (rejection) {
    return { status: "rejected", reason: rejection }
  }
  if (error.status === 401) {
    return { status: "signed_out" }
  }
  if (error.status === 409) {
    return { status: "busy" }
  }
  logError("purchase", error)
  if (error.status === 0 || error.status >= 500) {
    return { status: "unavailable" }
  }
  return { status: "failed" }
}

// ---------------------------------------------------------------------------------------
// Lists

/** `GET /store/purchases`: the customer's own, newest first. */
export async function listPurchases(
  token: string,
  locale: string,
  page: { limit: number; offset: number }
): Promise<ListResult<Purchase>> {
  const result = await storeApi<{ purchases?: unknown; count?: unknown }>(
    "/store/purchases",
    { token, locale, query: page }
  )
  if (!result.ok) {
    return listFailure("purchases", result.error)
  }
  const items = arrayOf(result.data.purchases, toPurchase)
  const count = Number(result.data.count)
  return {
    status: "ok",
    items,
    count: Number.isFinite(count) ? count : page.offset + items.length,
  }
}

/**
 * `GET /store/purchases/:id`: one of the customer's purchases; `null` when it does not
 * exist or is someone else's (the backend answers 404 for both).
 */
export async function findPurchase(
  token: string,
  locale: string,
  id: string
): Promise<
  { status: "ok"; purchase: Purchase | null } | { status: "signed_out" | "unavailable" }
> {
  const result = await storeApi<{ purchase?: unknown }>(
    `/store/purchases/${encodeURIComponent(id)}`,
    { token, locale }
  )
  if (result.ok) {
    return { status: "ok", purchase: toPurchase(result.data.purchase) }
  }
  if (result.error.status === 404) {
    return { status: "ok", purchase: null }
  }
  return listFailure("purchase", result.error)
}

/** `GET /store/customers/me/promocodes`: codes an admin assigned to this customer. */
export async function listAssignedPromocodes(
  token: string,
  locale: string
): Promise<ListResult<AssignedPromocode>> {
  const result = await storeApi<{ promocodes?: unknown }>(
    "/store/customers/me/promocodes",
    { token, locale }
  )
  if (!result.ok) {
    return listFailure("promo codes", result.error)
  }
  const items = arrayOf(result.data.promocodes, toAssignedPromocode)
  return { status: "ok", items, count: items.length }
}

// ---------------------------------------------------------------------------------------
// Errors and shapes

/**
 * The promo code's rejection in an error answer: a PROMOCODE_* code, or a request
 * validation error (400 without a code) when a code was sent.
 */
function promocodeRejection(
  error: StoreApiError,
  sentCode: boolean
): PromocodeRejection | null {
  if (isPromocodeRejection(error.code)) {
    return error.code
  }
  if (sentCode && error.status === 400 && !error.code) {
    return "PROMOCODE_INVALID"
  }
  return null
}

function toAppliedPromocode(value: unknown): AppliedPromocode | null {
  if (typeof value === "string" && value) {
    return { code: value, type: null, value: null, duration: "once", duration_periods: null }
  }
  if (!isObject(value) || typeof value.code !== "string") {
    return null
  }
  const type = value.type
  return {
    code: value.code,
    type:
      type === "percentage" || type === "fixed" || type === "free_period"
        ? type
        : null,
    value: amount(value.value),
    duration: value.duration === "repeating" || value.duration === "forever" ? value.duration : "once",
    duration_periods:
      typeof value.duration_periods === "number" && Number.isInteger(value.duration_periods)
        ? value.duration_periods
        : null,
  }
}

const PLAN_CHANGES: readonly PlanChange[] = ["new", "extension", "upgrade", "scheduled"]

function isPlanChange(value: unknown): value is PlanChange {
  return typeof value === "string" && (PLAN_CHANGES as readonly string[]).includes(value)
}

function toPreview(value: unknown): PurchasePreview | null {
  if (!isObject(value)) {
    return null
  }
  const original = amount(value.original_amount)
  const total = amount(value.total)
  if (original === null || total === null || typeof value.currency_code !== "string") {
    return null
  }
  const credit = amount(value.credit_amount) ?? 0
  return {
    variant_id: String(value.variant_id ?? ""),
    currency_code: value.currency_code,
    original_amount: original,
    credit_amount: credit,
    discount_amount:
      amount(value.discount_amount) ?? Math.max(0, original - credit - total),
    total,
    promocode: toAppliedPromocode(value.promocode),
    change: isPlanChange(value.change) ? value.change : "new",
    effective_at: stringOrNull(value.effective_at),
  }
}

function toPurchase(value: unknown): Purchase | null {
  if (!isObject(value) || typeof value.id !== "string") {
    return null
  }
  const original = amount(value.original_amount)
  const total = amount(value.total) ?? original ?? 0
  return {
    id: value.id,
    status: stringOrNull(value.status) ?? "pending",
    kind: stringOrNull(value.kind),
    period_start: stringOrNull(value.period_start),
    period_end: stringOrNull(value.period_end),
    variant_id: String(value.variant_id ?? ""),
    original_amount: original ?? total,
    discount_amount:
      amount(value.discount_amount) ?? Math.max(0, (original ?? total) - total),
    total,
    currency_code: stringOrNull(value.currency_code) ?? "rub",
    promocode: toAppliedPromocode(value.promocode)?.code ?? null,
    created_at: stringOrNull(value.created_at),
    product_title: stringOrNull(value.product_title),
    variant_title: stringOrNull(value.variant_title),
    reason: stringOrNull(value.reason) ?? stringOrNull(value.failure_reason),
  }
}

function toAssignedPromocode(value: unknown): AssignedPromocode | null {
  if (!isObject(value) || typeof value.code !== "string") {
    return null
  }
  const freeDays = amount(value.free_days)
  return {
    code: value.code,
    type: stringOrNull(value.type) ?? "fixed",
    value: amount(value.value),
    currency_code: stringOrNull(value.currency_code),
    free_days: freeDays === null ? null : Math.round(freeDays),
    assigned_at: stringOrNull(value.assigned_at),
    status: stringOrNull(value.status) ?? "available",
  }
}
