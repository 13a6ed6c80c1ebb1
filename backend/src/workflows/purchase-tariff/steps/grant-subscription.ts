import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SUBSCRIPTION_MODULE } from "../../../modules/subscription"
import type SubscriptionModuleService from "../../../modules/subscription/service"
import type { PlanForSale } from "../../../lib/tariffs"
import type { PlanChangeDecision } from "./prepare-purchase"

export type GrantSubscriptionInput = {
  customer_id: string
  purchase_id: string
  plan: PlanForSale
  /** a free-period promo code grants this many days instead of the plan's period */
  free_days?: number | null
  decision: PlanChangeDecision
  /** what the new period is worth: the charge plus the credit */
  amount: number
}

/**
 * Grants what the decision says: a new subscription, one more period
 * appended, or an upgrade from now (see the subscription module). Returns the
 * subscription and the period paid for. Compensation undoes exactly this
 * grant, the old subscription coming back field for field.
 */
export const grantSubscriptionStep = createStep(
  "grant-subscription",
  async (input: GrantSubscriptionInput, { container }) => {
    const subscriptions = container.resolve<SubscriptionModuleService>(SUBSCRIPTION_MODULE)
    const { decision } = input
    const change = decision.change === "scheduled" ? "new" : decision.change
    const { subscription, previous, period } = await subscriptions.grantOrExtend({
      customer_id: input.customer_id,
      product_id: input.plan.product_id,
      variant_id: input.plan.variant_id,
      interval: input.plan.interval,
      interval_count: input.plan.interval_count,
      free_days: input.free_days ?? undefined,
      purchase_id: input.purchase_id,
      change,
      expected_subscription_id: decision.subscription_id,
      extra_ms: decision.extra_ms,
      is_trial: decision.is_trial,
      amount: input.amount,
      currency_code: input.plan.price.currency_code,
    })
    return new StepResponse(
      {
        subscription,
        period: { start: period.start.toISOString(), end: period.end.toISOString() },
      },
      previous
    )
  },
  async (previous, { container }) => {
    if (!previous) return
    const subscriptions = container.resolve<SubscriptionModuleService>(SUBSCRIPTION_MODULE)
    await subscriptions.revertGrant(previous)
  }
)
