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
