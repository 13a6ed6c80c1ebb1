import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { saveNewCardStep, type SaveNewCardInput } from "./steps/save-new-card"

/**
 * The shopper replaces the card renewals charge, under the customer's lock
 * (the one purchases and renewals take): a renewal running for this customer
 * finishes with the old card first, never two outcomes at once.
 */
export const replaceCardWorkflow = createWorkflow("replace-subscription-card", (input: SaveNewCardInput) => {
  const lockKey = transform({ input }, ({ input }) => `purchase:customer:${input.customer_id}`)
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
  const subscription = saveNewCardStep(input)
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(subscription)
})
