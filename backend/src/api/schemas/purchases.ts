import { z } from "@medusajs/framework/zod"
import { PURCHASE_KINDS, PURCHASE_STATUSES } from "../../modules/subscription/models/purchase"
import { SUBSCRIPTION_STATUSES } from "../../modules/subscription/models/subscription"
import { amount, currencyCode, paged, timestamp } from "./common"

/** Responses of purchases and subscriptions (store and admin share them). */

export const PlanInterval = z.enum(["day", "month", "year"])
export type PlanInterval = z.infer<typeof PlanInterval>

export const PurchaseStatus = z.enum(PURCHASE_STATUSES)
export type PurchaseStatus = z.infer<typeof PurchaseStatus>

export const SubscriptionStatus = z.enum(SUBSCRIPTION_STATUSES)
export type SubscriptionStatus = z.infer<typeof SubscriptionStatus>

/** What a charge paid for: a first period, one more period, a plan change now, a renewal. */
export const PurchaseKind = z.enum(PURCHASE_KINDS)
export type PurchaseKind = z.infer<typeof PurchaseKind>

/** A purchase as `purchaseResponse` (lib/purchases.ts) writes it. */
export const Purchase = z.object({
  id: z.string(),
  status: PurchaseStatus,
  kind: PurchaseKind,
  customer_id: z.string(),
  product_id: z.string(),
  variant_id: z.string(),
  interval: PlanInterval,
  interval_count: z.number().int(),
  original_amount: amount,
  /** an upgrade: the unused part of the old period, deducted before the promo code (0 otherwise) */
  credit_amount: amount,
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
  /** the period this charge paid for (null on purchases recorded before periods were) */
  period_start: timestamp.nullable(),
  period_end: timestamp.nullable(),
  created_at: timestamp,
  completed_at: timestamp.nullable(),
})
export type Purchase = z.infer<typeof Purchase>

/** The saved card renewals charge. */
export const PaymentMethod = z.object({ id: z.string(), brand: z.string(), last4: z.string() })
export type PaymentMethod = z.infer<typeof PaymentMethod>

/** The next renewal charge; null while nothing will be charged (no saved card, cancelled). */
export const NextCharge = z.object({ at: timestamp, amount, currency_code: currencyCode })
export type NextCharge = z.infer<typeof NextCharge>

/** A subscription as `subscriptionResponse` (lib/purchases.ts) writes it. */
export const Subscription = z.object({
  id: z.string(),
  status: SubscriptionStatus,
  customer_id: z.string(),
  product_id: z.string(),
  variant_id: z.string(),
  is_trial: z.boolean(),
  /** when the subscription began */
  starts_at: timestamp,
  /** when access ends: the current period's end, prepaid periods included */
  ends_at: timestamp,
  current_period_start: timestamp,
  current_period_end: timestamp,
  /** cancelled: access lasts to the period end, then `canceled` */
  cancel_at_period_end: z.boolean(),
  canceled_at: timestamp.nullable(),
  /** a cheaper plan scheduled for the period end */
  pending_variant_id: z.string().nullable(),
  /** the saved card renewals charge (null: none saved) */
  payment_method: PaymentMethod.nullable(),
  /** whether the renewal pass charges the saved card at the period end */
  auto_renew: z.boolean(),
  /** the Trial: the paid plan it converts to at its end (null otherwise) */
  convert_to_variant_id: z.string().nullable(),
  /** failed renewal charges of the current period (past_due retries) */
  renewal_attempts: z.number().int(),
  next_charge: NextCharge.nullable(),
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

/** One subscription after a change (cancel, resume), without titles. */
export const SubscriptionResponse = z.object({ subscription: Subscription })
export type SubscriptionResponse = z.infer<typeof SubscriptionResponse>
