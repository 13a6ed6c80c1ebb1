import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  PROMOCODE_MODULE,
  type PromocodeExportDTO,
  type PromocodeModuleService,
} from "../../../modules/promocode"

export type CreatePromocodeExportInput = { batch_id?: string | null }

/** The download's file name: the batch's id, or `all`. */
export function exportFilename(batchId: string | null): string {
  return `promocodes-${batchId ?? "all"}.csv`.replace(/[^A-Za-z0-9_.-]/g, "_")
}

/**
 * Records an export (`pending`) of one batch's codes, or of every code; an
 * unknown batch is a 404 before anything is queued. Compensation: deletes the
 * record.
 */
export const createPromocodeExportStep = createStep(
  "create-promocode-export",
  async (input: CreatePromocodeExportInput, { container }) => {
    const promocodes = container.resolve<PromocodeModuleService>(PROMOCODE_MODULE)
    const batchId = input.batch_id ?? null
    if (batchId) {
      await promocodes.retrievePromocodeBatch(batchId, { select: ["id"] })
    }
    const created: PromocodeExportDTO = await promocodes.createPromocodeExports({
      batch_id: batchId,
      filename: exportFilename(batchId),
    })
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<PromocodeModuleService>(PROMOCODE_MODULE).deletePromocodeExports(id)
  }
)
