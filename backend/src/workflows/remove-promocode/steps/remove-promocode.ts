import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  PROMOCODE_MODULE,
  type CreatePromocodeInput,
  type PromocodeModuleService,
  type RemovePromocodeResult,
} from "../../../modules/promocode"
import { writableSnapshot } from "../../../modules/promocode/lib/snapshot"

type Undo =
  | { deactivated: { id: string; is_active: boolean } }
  | { deleted: CreatePromocodeInput }

/**
 * Deletes a code that was never used; a code with uses is deactivated instead
 * and keeps its history (the module decides under the code's row lock).
 * Compensation: reactivates a deactivated code as it was, or creates a
 * deleted one again with the same code and rules (it had no uses to restore).
 */
export const removePromocodeStep = createStep(
  "remove-promocode",
  async (input: { id: string }, { container }) => {
    const promocodes = container.resolve<PromocodeModuleService>(PROMOCODE_MODULE)
    const before = await promocodes.retrievePromocode(input.id)
    const result: RemovePromocodeResult = await promocodes.removePromocode(input.id)
    const undo: Undo = result.deleted
      ? { deleted: writableSnapshot(before) }
      : { deactivated: { id: before.id, is_active: before.is_active } }
    return new StepResponse(result, undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const promocodes = container.resolve<PromocodeModuleService>(PROMOCODE_MODULE)
    if ("deleted" in undo) {
      await promocodes.createPromocodes(undo.deleted)
    } else {
      await promocodes.updatePromocodes(undo.deactivated)
    }
  }
)
