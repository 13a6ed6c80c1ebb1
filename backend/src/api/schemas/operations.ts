import { z } from "@medusajs/framework/zod"
import { PlanInterval } from "./purchases"

/** Responses of the other admin routes: subscription plans (purchases and subscriptions: purchases.ts). */

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
