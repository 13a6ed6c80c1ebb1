import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { upsertPlanStep, type UpsertPlanInput } from "./steps/upsert-plan"

/** Admin: set the billing terms (interval, count, trial days) of a tariff plan. */
export const upsertSubscriptionPlanWorkflow = createWorkflow(
  "upsert-subscription-plan",
  (input: UpsertPlanInput) => new WorkflowResponse(upsertPlanStep(input))
)
