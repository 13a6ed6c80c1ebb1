import "server-only"
import { isPromocodeRejection, type PromocodeRejection } from "@/lib/util/promocode"
import type {
  AppliedPromocode,
  AssignedPromocode,
  Purchase,
  PurchasePreview,
  Subscription,
} from "@/types/purchase"
import type {
  StoreCreatePurchaseType,
  StorePreviewPurchaseType,
} from "@backend/api/store/purchases/validators"
import { storeApi, type StoreApiError } from "./store-api"

/*
 * The signed-in customer's purchases, subscriptions and promo codes (DESIGN.md, API
 * contract). Every function takes the customer's token and the page's locale explicitly.
 * Answers are normalized here (amounts to numbers, optional fields to null), so pages can
 * trust the shapes in `@/types/purchase`.
 */

/** A purchase can take longer than a catalogue read (locks, payment, subscription). */
const PURCHASE_TIMEOUT_MS = 30_000

// ---------------------------------------------------------------------------------------
// Preview

export type PreviewResult =
  | { status: "ok"; preview: PurchasePreview }
  | { status: "rejected"; reason: PromocodeRejection }
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
  idempotency_key: string
}

export type PurchaseResult =
  | { status: "completed"; purchase: Purchase }
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
  const result = await storeApi<{ purchase?: unknown }>("/store/purchases", {
    method: "POST",
    token,
    locale,
    headers: { "idempotency-key": input.idempotency_key },
    timeoutMs: PURCHASE_TIMEOUT_MS,
    body: {
      variant_id: input.variant_id,
      ...(input.promocode ? { promocode: input.promocode } : {}),
      ...(input.payment_token ? { payment: { token: input.payment_token } } : {}),
    } satisfies StoreCreatePurchaseType,
  })
  if (result.ok) {
    const purchase = toPurchase(result.data.purchase)
    if (purchase) {
      return { status: "completed", purchase }
    }
    console.error("The purchase answer has an unexpected shape:", result.data)
    return { status: "unavailable" }
  }

  const { error } = result
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

export type ListResult<T> =
  | { status: "ok"; items: T[]; count: number }
  | { status: "signed_out" }
  | { status: "unavailable" }

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

/** `GET /store/subscriptions`: every subscription of the customer, any status. */
export async function listSubscriptions(
  token: string,
  locale: string
): Promise<ListResult<Subscription>> {
  const result = await storeApi<{ subscriptions?: unknown }>("/store/subscriptions", {
    token,
    locale,
  })
  if (!result.ok) {
    return listFailure("subscriptions", result.error)
  }
  const items = arrayOf(result.data.subscriptions, toSubscription)
  return { status: "ok", items, count: items.length }
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

/**
 * The subscriptions that give access now, the one ending last first. A subscription is
 * current while it is `active` and has not ended.
 */
export function currentSubscriptions(
  subscriptions: Subscription[],
  now = Date.now()
): Subscription[] {
  return subscriptions
    .filter((s) => s.status === "active" && Date.parse(s.ends_at) > now)
    .sort((a, b) => Date.parse(b.ends_at) - Date.parse(a.ends_at))
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

function listFailure(what: string, error: StoreApiError) {
  if (error.status === 401) {
    return { status: "signed_out" as const }
  }
  logError(what, error)
  return { status: "unavailable" as const }
}

function logError(what: string, error: StoreApiError) {
  console.error(
    `The backend answered a ${what} request with ${error.status || "nothing"}:`,
    error.code ?? error.type ?? "",
    error.message ?? ""
  )
}

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value)

function stringOrNull(value: unknown): string | null {
  return typeof value === "string" && value ? value : null
}

/** Amounts may come as numbers or as decimal strings (BigNumber). */
function amount(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) {
    return value
  }
  if (typeof value === "string" && value.trim() !== "") {
    const parsed = Number(value)
    return Number.isFinite(parsed) ? parsed : null
  }
  return null
}

function arrayOf<T>(value: unknown, convert: (item: unknown) => T | null): T[] {
  if (!Array.isArray(value)) {
    return []
  }
  return value.map(convert).filter((item): item is T => item !== null)
}

function toAppliedPromocode(value: unknown): AppliedPromocode | null {
  if (typeof value === "string" && value) {
    return { code: value, type: null, value: null }
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
  }
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
  return {
    variant_id: String(value.variant_id ?? ""),
    currency_code: value.currency_code,
    original_amount: original,
    discount_amount: amount(value.discount_amount) ?? Math.max(0, original - total),
    total,
    promocode: toAppliedPromocode(value.promocode),
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

function toSubscription(value: unknown): Subscription | null {
  if (
    !isObject(value) ||
    typeof value.id !== "string" ||
    typeof value.starts_at !== "string" ||
    typeof value.ends_at !== "string"
  ) {
    return null
  }
  return {
    id: value.id,
    status: stringOrNull(value.status) ?? "active",
    starts_at: value.starts_at,
    ends_at: value.ends_at,
    product_id: stringOrNull(value.product_id),
    variant_id: String(value.variant_id ?? ""),
    product_title: stringOrNull(value.product_title),
    variant_title: stringOrNull(value.variant_title),
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
