import { z } from "@medusajs/framework/zod"
import { SUBSCRIPTION_EVENT_TYPES } from "../../modules/subscription/models/subscription-event"
import { amount, amountByCurrency, currencyCode, paged, timestamp } from "./common"
import { Purchase, PurchaseKind, SubscriptionWithTitles } from "./purchases"

/** The admin's Subscriptions pages: the list with MRR, one subscription with its timeline, refund, retry. */

/** A subscription as the admin lists it: with titles, the customer's email and its MRR. */
export const AdminSubscription = SubscriptionWithTitles.extend({
  customer_email: z.string().nullable(),
  /** monthly recurring revenue: the next charge spread over a month (lib/mrr.ts); 0 when it will not renew */
  mrr: amount,
})
export type AdminSubscription = z.infer<typeof AdminSubscription>

/** `GET /admin/subscriptions`: a page, and the MRR of every subscription the filters match, by currency. */
export const AdminSubscriptionList = paged("subscriptions", AdminSubscription).extend({
  mrr_total: z.array(amountByCurrency),
})
export type AdminSubscriptionList = z.infer<typeof AdminSubscriptionList>

/** A promo code discount that continues on renewals. */
export const RenewalDiscountSummary = z.object({
  code: z.string(),
  type: z.enum(["percentage", "fixed"]),
  value: z.number(),
  currency_code: z.string().nullable(),
})

/** One subscription in full: the list's fields, the continuing discount and how many renewals it has left. */
export const AdminSubscriptionDetail = AdminSubscription.extend({
  renewal_discount: RenewalDiscountSummary.nullable(),
  /** renewals the discount still applies to; null with a discount: forever */
  renewal_discounts_left: z.number().int().nullable(),
  next_attempt_at: timestamp.nullable(),
})
export type AdminSubscriptionDetail = z.infer<typeof AdminSubscriptionDetail>

export const TIMELINE_TYPES = [
  /** a completed purchase: new, extension, upgrade (`kind`) */
  "purchase",
  /** a paid renewal */
  "renewal",
  /** a failed charge, initial or renewal (`reason`) */
  "decline",
  ...SUBSCRIPTION_EVENT_TYPES,
  /** money given back through the Payment Module */
  "refund",
  /** lapsed at its end without renewing */
  "expired",
  /** ended at its end after a cancel */
  "ended",
  /** a message sent through the Notification Module (`template`, `status`) */
  "notification",
] as const
export type TimelineType = (typeof TIMELINE_TYPES)[number]

/** One line of a subscription's history; the fields a type has no use for are null. */
export const TimelineEntry = z.object({
  type: z.enum(TIMELINE_TYPES),
  at: timestamp,
  purchase_id: z.string().nullable(),
  kind: PurchaseKind.nullable(),
  amount: amount.nullable(),
  currency_code: currencyCode.nullable(),
  /** a decline's reason (`card_declined`, ...) */
  reason: z.string().nullable(),
  /** a scheduled plan change: the plan (null: the schedule cleared) */
  variant_id: z.string().nullable(),
  /** a notification's template and channel */
  template: z.string().nullable(),
  channel: z.string().nullable(),
  /** a notification's delivery status, a purchase's status */
  status: z.string().nullable(),
  period_start: timestamp.nullable(),
  period_end: timestamp.nullable(),
})
export type TimelineEntry = z.infer<typeof TimelineEntry>

/** `GET /admin/subscriptions/:id`. */
export const AdminSubscriptionDetailResponse = z.object({
  subscription: AdminSubscriptionDetail,
  /** newest first */
  timeline: z.array(TimelineEntry),
  /** the completed paid purchases and what each can still give back */
  refundable: z.array(
    z.object({
      purchase_id: z.string(),
      kind: PurchaseKind,
      at: timestamp,
      total: amount,
      refunded: amount,
      refundable: amount,
      currency_code: currencyCode,
    })
  ),
})
export type AdminSubscriptionDetailResponse = z.infer<typeof AdminSubscriptionDetailResponse>

/** `POST /admin/subscriptions/:id/refund`. */
export const AdminSubscriptionRefundResponse = z.object({
  refund: z.object({
    purchase_id: z.string(),
    payment_id: z.string(),
    amount,
    currency_code: currencyCode,
    /** what the purchase can still give back after this refund */
    refundable_left: amount,
  }),
})
export type AdminSubscriptionRefundResponse = z.infer<typeof AdminSubscriptionRefundResponse>

/** `POST /admin/subscriptions/:id/retry`: the attempt's outcome, the subscription after it and the renewal purchase. */
export const AdminSubscriptionRetryResponse = z.object({
  outcome: z.enum(["renewed", "failed", "expired"]),
  subscription: AdminSubscriptionDetail,
  purchase: Purchase.nullable(),
})
export type AdminSubscriptionRetryResponse = z.infer<typeof AdminSubscriptionRetryResponse>
