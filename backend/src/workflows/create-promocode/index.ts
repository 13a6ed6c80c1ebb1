import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { CreatePromocodeInput } from "../../modules/promocode"
import { createPromocodeStep } from "./steps/create-promocode"

/** `POST /admin/promocodes`: one code with its rules; a missing `code` is generated. */
export const createPromocodeWorkflow = createWorkflow(
  "create-promocode",
  (input: CreatePromocodeInput) => {
    const promocode = createPromocodeStep(input)
    return new WorkflowResponse(promocode)
  }
)
