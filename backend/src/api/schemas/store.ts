import { z } from "@medusajs/framework/zod"
import { DECLINE_REASONS } from "../../lib/payment-declines"
import { PROMOCODE_DURATIONS, PROMOCODE_TYPES } from "../../modules/promocode/lib/definition"
import { PLAN_CHANGES, type TrialUnavailableReason } from "../../modules/subscription/lib/plan-change"
import { amount, currencyCode, MedusaErrorBody, paged, timestamp } from "./common"
import {
  PlanInterval,
  Purchase,
  PurchaseWithTitles,
  Subscription,
  SubscriptionWithTitles,
} from "./purchases"

/** Responses of the /store routes. */

export const PromocodeType = z.enum(PROMOCODE_TYPES)
export type PromocodeType = z.infer<typeof PromocodeType>

/** How many charges a code's discount lasts (DESIGN.md, "Promo code duration"). */
export const promocodeDuration = {
  duration: z.enum(PROMOCODE_DURATIONS),
  /** repeating: the first charge and the next duration_periods - 1 renewals; null otherwise */
  duration_periods: z.number().int().nullable(),
}

export const StoreTariffPlan = z.object({
  variant_id: z.string(),
  title: z.string(),
  interval: PlanInterval,
  interval_count: z.number().int(),
  trial_days: z.number().int(),
  price: z.object({ amount, currency_code: currencyCode }),
})
export type StoreTariffPlan = z.infer<typeof StoreTariffPlan>

export const StoreTariff = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  handle: z.string(),
  plans: z.array(StoreTariffPlan),
})
export type StoreTariff = z.infer<typeof StoreTariff>

export const StoreTariffsResponse = z.object({
  tariffs: z.array(StoreTariff),
  region: z.object({ id: z.string(), currency_code: currencyCode }),
})
export type StoreTariffsResponse = z.infer<typeof StoreTariffsResponse>

/** The promo code a price was computed with. */
export const AppliedPromocode = z.object({
  code: z.string(),
  type: PromocodeType,
  value: amount.nullable(),
  currency_code: currencyCode.nullable(),
  free_days: z.number().int().nullable(),
  ends_at: timestamp.nullable(),
  ...promocodeDuration,
})
export type AppliedPromocode = z.infer<typeof AppliedPromocode>

/**
 * What buying a plan does to the customer's live subscription: a first one,
 * one more period of the same plan, a dearer plan now (with the unused time
 * credited), or a cheaper plan from the period end (nothing charged now).
 */
export const PlanChange = z.enum(PLAN_CHANGES)
export type PlanChange = z.infer<typeof PlanChange>

/** The plan change a price was computed for (the preview, the purchase's 201). */
const planChange = {
  change: PlanChange,
  /** the unused part of the current period, taken off an upgrade; 0 otherwise */
  credit_amount: amount,
  /** when the plan bought takes effect: now, the current end (extension), the period end (scheduled) */
  effective_at: timestamp,
}

export const StorePurchasePreview = z.object({
  variant_id: z.string(),
  product_id: z.string(),
  currency_code: currencyCode,
  plan: z.object({
    title: z.string(),
    tariff_title: z.string(),
    interval: PlanInterval,
    interval_count: z.number().int(),
    trial_days: z.number().int(),
  }),
  ...planChange,
  original_amount: amount,
  discount_amount: amount,
  /** what is charged now: the price less the credit, then the promo code */
  total: amount,
  promocode: AppliedPromocode.nullable(),
})
export type StorePurchasePreview = z.infer<typeof StorePurchasePreview>

export const StorePreviewResponse = z.object({ preview: StorePurchasePreview })
export type StorePreviewResponse = z.infer<typeof StorePreviewResponse>

/**
 * 201 of `POST /store/purchases`: the change it made, the purchase (null for a
 * scheduled change: nothing is charged now) and the subscription. A replay
 * under the same Idempotency-Key answers the recorded purchase and its
 * subscription (if any), without the change.
 */
export const StorePurchaseCreated = z.object({
  change: planChange.change.optional(),
  credit_amount: planChange.credit_amount.optional(),
  effective_at: planChange.effective_at.optional(),
  purchase: Purchase.nullable(),
  subscription: Subscription.nullable(),
})
export type StorePurchaseCreated = z.infer<typeof StorePurchaseCreated>

export const StorePurchaseDetail = z.object({
  purchase: PurchaseWithTitles,
  subscription: Subscription.nullable(),
})
export type StorePurchaseDetail = z.infer<typeof StorePurchaseDetail>

/** Why a payment was declined (lib/payment-declines.ts, the one list). */
export const DeclineReason = z.enum(DECLINE_REASONS)
export type DeclineReason = z.infer<typeof DeclineReason>

/** 402: the payment was declined; the purchase is recorded as failed. */
export const PaymentDeclinedBody = MedusaErrorBody.extend({
  code: z.literal("PAYMENT_DECLINED"),
  reason: DeclineReason,
  purchase_id: z.string(),
}).describe("the payment was declined; the purchase is recorded as failed and the promo code given back")
export type PaymentDeclinedBody = z.infer<typeof PaymentDeclinedBody>

/** 409: a purchase under the same Idempotency-Key is running, or failed for another reason. */
export const PurchaseConflictBody = MedusaErrorBody.extend({
  code: z.enum(["PURCHASE_IN_PROGRESS", "PURCHASE_FAILED", "invalid_state_error"]),
  /** the purchase recorded under the key; absent when another purchase holds the customer's lock */
  purchase_id: z.string().optional(),
}).describe("another purchase of the customer, or the one under this Idempotency-Key, is running or failed")
export type PurchaseConflictBody = z.infer<typeof PurchaseConflictBody>

export const AssignedPromocode = z.object({
  code: z.string(),
  type: PromocodeType,
  value: amount.nullable(),
  currency_code: currencyCode.nullable(),
  free_days: z.number().int().nullable(),
  ends_at: timestamp.nullable(),
  description: z.string().nullable(),
  assigned_at: timestamp,
  status: z.enum(["available", "used"]),
})
export type AssignedPromocode = z.infer<typeof AssignedPromocode>

export const StoreAssignedPromocodesResponse = z.object({
  promocodes: z.array(AssignedPromocode),
})
export type StoreAssignedPromocodesResponse = z.infer<typeof StoreAssignedPromocodesResponse>

/** Whether the customer may take the Trial: once, and never after a paid subscription. */
export const TrialEligibility = z.object({
  available: z.boolean(),
  /** `trial_used`: had it already; `paid_subscription`: has had a paid plan; null when available */
  reason: z.enum(["trial_used", "paid_subscription"] satisfies TrialUnavailableReason[]).nullable(),
})
export type TrialEligibility = z.infer<typeof TrialEligibility>

/** `GET /store/subscriptions`: the customer's subscriptions, and whether the Trial is open to them. */
export const StoreSubscriptionList = paged("subscriptions", SubscriptionWithTitles).extend({
  trial: TrialEligibility,
})
export type StoreSubscriptionList = z.infer<typeof StoreSubscriptionList>
