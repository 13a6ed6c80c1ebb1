import { z } from "@medusajs/framework/zod"
import { PROMOCODE_TYPES } from "../../modules/promocode/models/promocode"
import { amount, currencyCode, MedusaErrorBody, timestamp } from "./common"
import { PlanInterval, Purchase, PurchaseWithTitles, Subscription } from "./purchases"

/** Responses of the /store routes. */

export const PromocodeType = z.enum(PROMOCODE_TYPES)
export type PromocodeType = z.infer<typeof PromocodeType>

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
})
export type AppliedPromocode = z.infer<typeof AppliedPromocode>

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
  original_amount: amount,
  discount_amount: amount,
  total: amount,
  promocode: AppliedPromocode.nullable(),
})
export type StorePurchasePreview = z.infer<typeof StorePurchasePreview>

export const StorePreviewResponse = z.object({ preview: StorePurchasePreview })
export type StorePreviewResponse = z.infer<typeof StorePreviewResponse>

/** 201 of `POST /store/purchases` (a replay under the same key may have no subscription). */
export const StorePurchaseCreated = z.object({
  purchase: Purchase,
  subscription: Subscription.nullable(),
})
export type StorePurchaseCreated = z.infer<typeof StorePurchaseCreated>

export const StorePurchaseDetail = z.object({
  purchase: PurchaseWithTitles,
  subscription: Subscription.nullable(),
})
export type StorePurchaseDetail = z.infer<typeof StorePurchaseDetail>

/** 402: the payment was declined; the purchase is recorded as failed. */
export const PaymentDeclinedBody = MedusaErrorBody.extend({
  code: z.literal("PAYMENT_DECLINED"),
  /** card_declined, insufficient_funds, gateway_error, invalid_token */
  reason: z.string(),
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
