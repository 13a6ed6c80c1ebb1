import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { removePromocodeStep } from "./steps/remove-promocode"

/**
 * `DELETE /admin/promocodes/:id`: a code never used is deleted; a code with
 * uses is deactivated, never erased (`{ id, deleted, deactivated }`).
 */
export const removePromocodeWorkflow = createWorkflow(
  "remove-promocode",
  (input: { id: string }) => {
    const result = removePromocodeStep(input)
    return new WorkflowResponse(result)
  }
)
