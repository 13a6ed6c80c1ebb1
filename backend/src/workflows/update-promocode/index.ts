import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { UpdatePromocodeInput } from "../../modules/promocode"
import { updatePromocodeStep } from "./steps/update-promocode"

/** `POST /admin/promocodes/:id`: a partial update; the merged rules are checked again. */
export const updatePromocodeWorkflow = createWorkflow(
  "update-promocode",
  (input: UpdatePromocodeInput) => {
    const promocode = updatePromocodeStep(input)
    return new WorkflowResponse(promocode)
  }
)
