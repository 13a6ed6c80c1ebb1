import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  PROMOCODE_MODULE,
  type CreatePromocodeInput,
  type PromocodeDTO,
  type PromocodeModuleService,
} from "../../../modules/promocode"

/**
 * Creates one promo code; the module checks its rules and generates a missing
 * code. Compensation: deletes the code (nothing can have used it yet).
 */
export const createPromocodeStep = createStep(
  "create-promocode",
  async (input: CreatePromocodeInput, { container }) => {
    const promocodes = container.resolve<PromocodeModuleService>(PROMOCODE_MODULE)
    const promocode: PromocodeDTO = await promocodes.createPromocodes(input)
    return new StepResponse(promocode, promocode.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<PromocodeModuleService>(PROMOCODE_MODULE).removePromocode(id)
  }
)
