import { model } from "@medusajs/framework/utils"

/**
 * Billing terms of one tariff plan. A plan is linked 1:1 to a product variant
 * (see src/links/product-variant-subscription-plan.ts); the price lives in the
 * Pricing module on that variant.
 */
export const SubscriptionPlan = model.define("subscription_plan", {
  id: model.id({ prefix: "plan" }).primaryKey(),
  interval: model.enum(["day", "month", "year"]),
  interval_count: model.number().default(1),
  trial_days: model.number().default(0),
})
