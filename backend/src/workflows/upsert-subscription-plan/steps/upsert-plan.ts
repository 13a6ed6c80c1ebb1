import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { SUBSCRIPTION_MODULE } from "../../../modules/subscription"
import type SubscriptionModuleService from "../../../modules/subscription/service"

export type UpsertPlanInput = {
  variant_id: string
  interval: "day" | "month" | "year"
  interval_count: number
  trial_days: number
}

type Plan = Awaited<ReturnType<SubscriptionModuleService["retrieveSubscriptionPlan"]>>

type Undo =
  | { kind: "updated"; previous: Omit<UpsertPlanInput, "variant_id"> & { id: string } }
  | { kind: "created"; plan_id: string; variant_id: string }

/**
 * Sets the plan terms of a variant: updates its plan, or creates one and links
 * it. Compensation puts back the old terms or removes the new plan and link.
 */
export const upsertPlanStep = createStep(
  "upsert-subscription-plan",
  async (input: UpsertPlanInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const subscriptions = container.resolve<SubscriptionModuleService>(SUBSCRIPTION_MODULE)
    const { data: [variant] } = await query.graph({
      entity: "product_variant",
      fields: ["id", "subscription_plan.*"],
      filters: { id: input.variant_id },
    })
    if (!variant) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Variant ${input.variant_id} was not found.`,
        "VARIANT_NOT_FOUND"
      )
    }
    const terms = {
      interval: input.interval,
      interval_count: input.interval_count,
      trial_days: input.trial_days,
    }
    const existing = variant.subscription_plan
    if (existing) {
      const plan = await subscriptions.updateSubscriptionPlans({ id: existing.id, ...terms })
      const undo: Undo = {
        kind: "updated",
        previous: {
          id: existing.id,
          interval: existing.interval,
          interval_count: existing.interval_count,
          trial_days: existing.trial_days,
        },
      }
      return new StepResponse<Plan, Undo>(plan, undo)
    }
    const plan = await subscriptions.createSubscriptionPlans(terms)
    await container.resolve(ContainerRegistrationKeys.LINK).create({
      [Modules.PRODUCT]: { product_variant_id: input.variant_id },
      [SUBSCRIPTION_MODULE]: { subscription_plan_id: plan.id },
    })
    const undo: Undo = { kind: "created", plan_id: plan.id, variant_id: input.variant_id }
    return new StepResponse<Plan, Undo>(plan, undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const subscriptions = container.resolve<SubscriptionModuleService>(SUBSCRIPTION_MODULE)
    if (undo.kind === "updated") {
      await subscriptions.updateSubscriptionPlans(undo.previous)
      return
    }
    await container.resolve(ContainerRegistrationKeys.LINK).dismiss({
      [Modules.PRODUCT]: { product_variant_id: undo.variant_id },
      [SUBSCRIPTION_MODULE]: { subscription_plan_id: undo.plan_id },
    })
    await subscriptions.deleteSubscriptionPlans(undo.plan_id)
  }
)
