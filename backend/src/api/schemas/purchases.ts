import { z } from "@medusajs/framework/zod"
import { PURCHASE_STATUSES } from "../../modules/subscription/models/purchase"
import { SUBSCRIPTION_STATUSES } from "../../modules/subscription/models/subscription"
import { amount, currencyCode, paged, timestamp } from "./common"

/** Responses of purchases and subscriptions (store and admin share them). */

export const PlanInterval = z.enum(["day", "month", "year"])
export type PlanInterval = z.infer<typeof PlanInterval>

export const PurchaseStatus = z.enum(PURCHASE_STATUSES)
export type PurchaseStatus = z.infer<typeof PurchaseStatus>

export const SubscriptionStatus = z.enum(SUBSCRIPTION_STATUSES)
export type SubscriptionStatus = z.infer<typeof SubscriptionStatus>

/** A purchase as `purchaseResponse` (lib/purchases.ts) writes it. */
export const Purchase = z.object({
  id: z.string(),
  status: PurchaseStatus,
  customer_id: z.string(),
  product_id: z.string(),
  variant_id: z.string(),
  interval: PlanInterval,
  interval_count: z.number().int(),
  original_amount: amount,
  discount_amount: amount,
  total: amount,
  currency_code: currencyCode,
  /** the promo code's text, upper case */
  promocode: z.string().nullable(),
  /** why a failed purchase failed (`card_declined`, ...) */
  failure_reason: z.string().nullable(),
  subscription_id: z.string().nullable(),
  payment_id: z.string().nullable(),
  order_id: z.string().nullable(),
  created_at: timestamp,
  completed_at: timestamp.nullable(),
})
export type Purchase = z.infer<typeof Purchase>

export const Subscription = z.object({
  id: z.string(),
  status: SubscriptionStatus,
  customer_id: z.string(),
  product_id: z.string(),
  variant_id: z.string(),
  starts_at: timestamp,
  ends_at: timestamp,
  last_purchase_id: z.string().nullable(),
})
export type Subscription = z.infer<typeof Subscription>

/** Lists add the tariff's and the plan's titles (null for a deleted variant). */
const titles = { product_title: z.string().nullable(), variant_title: z.string().nullable() }
export const PurchaseWithTitles = Purchase.extend(titles)
export type PurchaseWithTitles = z.infer<typeof PurchaseWithTitles>
export const SubscriptionWithTitles = Subscription.extend(titles)
export type SubscriptionWithTitles = z.infer<typeof SubscriptionWithTitles>

export const PurchaseList = paged("purchases", PurchaseWithTitles)
export type PurchaseList = z.infer<typeof PurchaseList>
export const SubscriptionList = paged("subscriptions", SubscriptionWithTitles)
export type SubscriptionList = z.infer<typeof SubscriptionList>
