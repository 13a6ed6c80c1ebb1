import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PROMOCODE_MODULE, type PromocodeModuleService } from "../../../modules/promocode"

export type RecordAssignmentStepInput = {
  promocode_id: string
  code: string
  customer_id: string
  purchase_id?: string | null
  usage_id?: string | null
  discount_amount?: number | null
  currency_code?: string | null
}

/** The `assigned` row of the code's journal. */
export const recordAssignmentStep = createStep(
  "record-promocode-assignment",
  async (input: RecordAssignmentStepInput, { container }) => {
    const promocodes = container.resolve<PromocodeModuleService>(PROMOCODE_MODULE)
    await promocodes.recordAssignment(input)
    return new StepResponse(null)
  }
)
