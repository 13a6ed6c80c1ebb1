import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  BATCH_STALE_MS,
  PROMOCODE_MODULE,
  PromocodeAdminErrorCode,
  type PromocodeBatchDTO,
  type PromocodeModuleService,
} from "../../../modules/promocode"

export type ReopenPromocodeBatchInput = { batch_id: string }

/**
 * Whether a batch may be resumed: a completed batch may not
 * (PROMOCODE_BATCH_COMPLETED), nor one whose runner saved progress less than
 * BATCH_STALE_MS ago (PROMOCODE_BATCH_RUNNING); both 400. A failed batch is
 * queued again (`pending`, its error cleared); a pending or stuck one is left
 * as it is. Compensation: the failed batch gets its status and error back.
 */
export const reopenPromocodeBatchStep = createStep(
  "reopen-promocode-batch",
  async (input: ReopenPromocodeBatchInput, { container }) => {
    const promocodes = container.resolve<PromocodeModuleService>(PROMOCODE_MODULE)
    const batch: PromocodeBatchDTO = await promocodes.retrievePromocodeBatch(input.batch_id)
    if (batch.status === "completed") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Batch ${batch.id} is already completed.`,
        "PROMOCODE_BATCH_COMPLETED"
      )
    }
    const silentMs = Date.now() - new Date(batch.updated_at).getTime()
    if (batch.status === "running" && silentMs < BATCH_STALE_MS) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Batch ${batch.id} is being generated.`,
        PromocodeAdminErrorCode.BATCH_RUNNING
      )
    }
    if (batch.status !== "failed") {
      return new StepResponse(batch, null)
    }
    const reopened: PromocodeBatchDTO = await promocodes.updatePromocodeBatches({
      id: batch.id,
      status: "pending",
      error: null,
    })
    return new StepResponse(reopened, { id: batch.id, error: batch.error ?? null })
  },
  async (failed, { container }) => {
    if (!failed) return
    await container
      .resolve<PromocodeModuleService>(PROMOCODE_MODULE)
      .updatePromocodeBatches({ id: failed.id, status: "failed", error: failed.error })
  }
)
