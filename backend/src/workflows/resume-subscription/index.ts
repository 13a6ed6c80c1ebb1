import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { resumeSubscriptionStep } from "./steps/resume-subscription"

/**
 * Resumes a subscription cancelled at its period end: it runs on as before.
 * One not cancelled answers SUBSCRIPTION_NOT_CANCELED, one ended
 * SUBSCRIPTION_NOT_ACTIVE, another customer's SUBSCRIPTION_NOT_FOUND.
 */
export const resumeSubscriptionWorkflow = createWorkflow(
  "resume-subscription",
  (input: { subscription_id: string; customer_id: string | null }) => {
    const subscription = resumeSubscriptionStep(input)
    return new WorkflowResponse({ subscription })
  }
)
