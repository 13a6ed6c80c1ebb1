import { PROMOCODE_ERROR_CODES, PromocodeErrorCode } from "../../modules/promocode/lib/errors"
import { PurchaseList, SubscriptionResponse } from "../schemas/purchases"
import {
  PaymentDeclinedBody,
  PurchaseConflictBody,
  StoreAssignedPromocodesResponse,
  StorePreviewResponse,
  StorePurchaseCreated,
  StorePurchaseDetail,
  StoreSubscriptionList,
  StoreTariffsResponse,
} from "../schemas/store"
import { IdempotencyKey, StoreCreatePurchase, StoreListParams, StorePreviewPurchase } from "../store/purchases/validators"
import { StoreReplacePaymentMethod } from "../store/subscriptions/[id]/payment-method/validators"
import { StoreGetTariffsParams } from "../store/tariffs/validators"
import type { ApiRoute } from "./types"
import { PROMOCODE_ATTEMPTS_EXCEEDED } from "../../lib/rate-limit/promocode-attempts"
import {
  SUBSCRIPTION_CHANGED,
  SUBSCRIPTION_NOT_ACTIVE,
  SUBSCRIPTION_NOT_CANCELED,
  SUBSCRIPTION_NOT_FOUND,
} from "../../modules/subscription/lib/lifecycle"
import { TRIAL_NOT_AVAILABLE } from "../../modules/subscription/lib/plan-change"

/** a promo code rejected for a shopper: 404 for an unknown code, 400 for the rest */
export const PROMOCODE_REJECTIONS = PROMOCODE_ERROR_CODES.filter((c) => c !== PromocodeErrorCode.NOT_FOUND)

/** The store routes of the registry; ./registry.ts joins them with the admin and docs routes. */
export const STORE_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    path: "/store/tariffs",
    tag: "store",
    summary: "Published tariffs with their plans priced in the region's currency",
    description:
      "Tariffs of the publishable key's sales channel, plans sorted by price; the region defaults to the store's default region.",
    auth: "publishable",
    query: StoreGetTariffsParams,
    responses: { 200: StoreTariffsResponse },
    errors: { 400: ["REGION_NOT_FOUND"] },
  },
  {
    method: "POST",
    path: "/store/purchases/preview",
    tag: "store",
    summary: "The price of a plan with a promo code applied; reserves nothing",
    auth: "customer",
    body: StorePreviewPurchase,
    responses: { 200: StorePreviewResponse },
    errors: {
      400: [...PROMOCODE_REJECTIONS, "PLAN_NOT_FOUND", TRIAL_NOT_AVAILABLE],
      404: [PromocodeErrorCode.NOT_FOUND],
      429: [PROMOCODE_ATTEMPTS_EXCEEDED],
    },
  },
  {
    method: "POST",
    path: "/store/purchases",
    tag: "store",
    summary: "Buys a plan: the purchase and the subscription it grants",
    description:
      "The same Idempotency-Key answers the first outcome again and never charges twice. A declined payment is a 402 with the failed purchase's id.",
    auth: "customer",
    body: StoreCreatePurchase,
    headers: [
      {
        name: "Idempotency-Key",
        description: "1 to 255 printable ASCII characters; a retry with the same key is answered with the first outcome",
        schema: IdempotencyKey,
      },
    ],
    responses: { 201: StorePurchaseCreated },
    errors: {
      400: [
        ...PROMOCODE_REJECTIONS,
        "PLAN_NOT_FOUND",
        "INVALID_IDEMPOTENCY_KEY",
        TRIAL_NOT_AVAILABLE,
        SUBSCRIPTION_CHANGED,
        "PAYMENT_INVALID_TOKEN", // auto_renew: true with a card the provider won't save
      ],
      404: [PromocodeErrorCode.NOT_FOUND],
      429: [PROMOCODE_ATTEMPTS_EXCEEDED],
      // a decline whose purchase could not be read back
      422: ["PAYMENT_DECLINED"],
    },
    errorBodies: { 402: PaymentDeclinedBody, 409: PurchaseConflictBody },
  },
  {
    method: "GET",
    path: "/store/purchases",
    tag: "store",
    summary: "The signed-in customer's purchases, newest first",
    auth: "customer",
    query: StoreListParams,
    responses: { 200: PurchaseList },
  },
  {
    method: "GET",
    path: "/store/purchases/:id",
    tag: "store",
    summary: "One of the signed-in customer's purchases, with its subscription",
    auth: "customer",
    responses: { 200: StorePurchaseDetail },
    errors: { 404: ["PURCHASE_NOT_FOUND"] },
  },
  {
    method: "GET",
    path: "/store/subscriptions",
    tag: "store",
    summary: "The signed-in customer's subscriptions, the latest ending first, and whether the Trial is open to them",
    auth: "customer",
    query: StoreListParams,
    responses: { 200: StoreSubscriptionList },
  },
  {
    method: "POST",
    path: "/store/subscriptions/:id/cancel",
    tag: "store",
    summary: "Cancels the customer's subscription at the period end (access lasts until then)",
    auth: "customer",
    responses: { 200: SubscriptionResponse },
    errors: { 400: [SUBSCRIPTION_NOT_ACTIVE], 404: [SUBSCRIPTION_NOT_FOUND] },
  },
  {
    method: "POST",
    path: "/store/subscriptions/:id/resume",
    tag: "store",
    summary: "Takes back a cancel: the subscription runs on",
    auth: "customer",
    responses: { 200: SubscriptionResponse },
    errors: { 400: [SUBSCRIPTION_NOT_ACTIVE, SUBSCRIPTION_NOT_CANCELED], 404: [SUBSCRIPTION_NOT_FOUND] },
  },
  {
    method: "POST",
    path: "/store/subscriptions/:id/payment-method",
    tag: "store",
    summary: "Replaces the card renewals charge (auto-renew on); a past_due subscription is retried with it at once",
    auth: "customer",
    body: StoreReplacePaymentMethod,
    responses: { 200: SubscriptionResponse },
    // PLAN_NOT_FOUND, SUBSCRIPTION_CHANGED: from the retry of a past_due subscription
    errors: { 400: [SUBSCRIPTION_NOT_ACTIVE, "PAYMENT_INVALID_TOKEN", "PLAN_NOT_FOUND", SUBSCRIPTION_CHANGED], 404: [SUBSCRIPTION_NOT_FOUND] },
  },
  {
    method: "GET",
    path: "/store/customers/me/promocodes",
    tag: "store",
    summary: "Codes an admin assigned to the signed-in customer, available or used",
    auth: "customer",
    responses: { 200: StoreAssignedPromocodesResponse },
  },
]
