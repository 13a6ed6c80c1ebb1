import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  PROMOCODE_MODULE,
  type PromocodeDTO,
  type PromocodeModuleService,
  type UpdatePromocodeInput,
} from "../../../modules/promocode"
import { writableSnapshot } from "../../../modules/promocode/lib/snapshot"

/**
 * A partial update of one code; the module merges it with the stored rules and
 * checks the result (NOT_FOUND for an unknown id). Compensation: writes back
 * every field the admin can change, as it was before.
 */
export const updatePromocodeStep = createStep(
  "update-promocode",
  async (input: UpdatePromocodeInput, { container }) => {
    const promocodes = container.resolve<PromocodeModuleService>(PROMOCODE_MODULE)
    const before = await promocodes.retrievePromocode(input.id)
    const promocode: PromocodeDTO = await promocodes.updatePromocodes(input)
    return new StepResponse(promocode, { ...writableSnapshot(before), id: before.id })
  },
  async (before, { container }) => {
    if (!before) return
    await container.resolve<PromocodeModuleService>(PROMOCODE_MODULE).updatePromocodes(before)
  }
)
