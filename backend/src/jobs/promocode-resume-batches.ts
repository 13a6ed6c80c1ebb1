import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  BATCH_STALE_MS,
  PROMOCODE_MODULE,
  type PromocodeModuleService,
} from "../modules/promocode"
import { resumePromocodeBatchWorkflow } from "../workflows/resume-promocode-batch"
import { observeJob } from "../lib/metrics/registry"

/**
 * Every minute: resumes abandoned generation batches with the
 * `resume-promocode-batch` workflow (as the admin's resume button does). A
 * batch is abandoned when it is `running` but its progress has not moved for
 * BATCH_STALE_MS, or still `pending` that long after it was recorded (its
 * event was lost, e.g. the process died before the subscriber ran). Failed
 * batches are left to the admin (POST /admin/promocodes/batches/:id/resume).
 */
async function resumePromocodeBatches(container: MedusaContainer) {
  const promocodes = container.resolve<PromocodeModuleService>(PROMOCODE_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const cutoff = new Date(Date.now() - BATCH_STALE_MS)
  const stale = await promocodes.listPromocodeBatches(
    {
      $or: [
        { status: "running", updated_at: { $lt: cutoff } },
        { status: "pending", created_at: { $lt: cutoff } },
      ],
    },
    { select: ["id"], take: 100, order: { created_at: "ASC" } }
  )
  for (const batch of stale) {
    // a batch that moved on since it was listed (claimed, completed) is refused: skip it
    const { errors } = await resumePromocodeBatchWorkflow(container).run({
      input: { batch_id: batch.id },
      throwOnError: false,
    })
    if (errors.length) {
      logger.info(`promo code batch ${batch.id} not resumed: ${errors[0].error?.message ?? errors[0].error}`)
    }
  }
  if (stale.length) {
    logger.info(`resumed abandoned promo code batches: ${stale.length} looked at`)
  }
}

/** Counted in cinema_job_runs_total and cinema_job_duration_seconds (GET /metrics). */
export default (container: MedusaContainer) => observeJob("promocode-resume-batches", () => resumePromocodeBatches(container))

export const config = {
  name: "promocode-resume-batches",
  schedule: "* * * * *",
}
