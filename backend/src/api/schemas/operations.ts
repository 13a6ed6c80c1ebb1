import { z } from "@medusajs/framework/zod"
import { amount, currencyCode } from "./common"
import { PlanInterval, Subscription } from "./purchases"

/** Responses of the other admin routes: subscription plans, a cancel (purchases and subscriptions: purchases.ts). */

export const SubscriptionPlan = z.object({
  id: z.string(),
  variant_id: z.string(),
  interval: PlanInterval,
  interval_count: z.number().int(),
  trial_days: z.number().int(),
})
export type SubscriptionPlan = z.infer<typeof SubscriptionPlan>

export const SubscriptionPlanList = z.object({ plans: z.array(SubscriptionPlan) })
export type SubscriptionPlanList = z.infer<typeof SubscriptionPlanList>

export const SubscriptionPlanResponse = z.object({ plan: SubscriptionPlan })
export type SubscriptionPlanResponse = z.infer<typeof SubscriptionPlanResponse>

/** A prorated refund given with a cancel, through the Payment Module: the total and each payment refunded. */
export const SubscriptionRefund = z.object({
  amount,
  currency_code: currencyCode.nullable(),
  refunds: z.array(z.object({ payment_id: z.string(), amount })),
})
export type SubscriptionRefund = z.infer<typeof SubscriptionRefund>

/** `POST /admin/subscriptions/:id/cancel`: the subscription, and the refund (null without one). */
export const AdminCancelSubscriptionResponse = z.object({
  subscription: Subscription,
  refund: SubscriptionRefund.nullable(),
})
export type AdminCancelSubscriptionResponse = z.infer<typeof AdminCancelSubscriptionResponse>

/** `POST /admin/subscriptions/renewals/run`: what the pass did, counted by outcome. */
export const RenewalPassResult = z.object({
  renewed: z.number().int(),
  failed: z.number().int(),
  /** retries exhausted, plus subscriptions that ended without renewing */
  expired: z.number().int(),
  /** not due any more when their turn came (another pass got there first) */
  skipped: z.number().int(),
  /** attempts that errored (left due for the next pass) */
  errors: z.number().int(),
})
export type RenewalPassResult = z.infer<typeof RenewalPassResult>

/** One bucket of the subscription report (src/lib/subscription-report.ts says what is exact). */
export const SubscriptionReportPoint = z.object({
  start: z.iso.date().meta({ description: "the bucket's first day (UTC)" }),
  trialing: z.number().int().meta({ description: "trialing at the bucket's end" }),
  active: z.number().int(),
  past_due: z.number().int(),
  mrr: z.number().meta({ description: "monthly recurring revenue at the bucket's end, in `currency_code`" }),
  renewal_attempts: z.number().int(),
  renewals_paid: z.number().int(),
  renewal_success_rate: z.number().nullable().meta({ description: "paid / attempts (0..1); null without attempts" }),
  live_at_start: z.number().int(),
  ended: z.number().int().meta({ description: "subscriptions that ended (canceled or expired) in the bucket" }),
  churn_rate: z.number().nullable().meta({ description: "ended / live at the start; null when none was live" }),
})
export type SubscriptionReportPoint = z.infer<typeof SubscriptionReportPoint>

export const SubscriptionReport = z.object({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  interval: z.enum(["day", "week", "month"]),
  currency_code: currencyCode,
  points: z.array(SubscriptionReportPoint),
})
export type SubscriptionReport = z.infer<typeof SubscriptionReport>

export const SubscriptionReportResponse = z.object({ report: SubscriptionReport })
export type SubscriptionReportResponse = z.infer<typeof SubscriptionReportResponse>
