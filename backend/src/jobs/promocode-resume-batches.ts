import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  PROMOCODE_MODULE,
  type PromocodeModuleService,
} from "../modules/promocode"
import { PROMOCODE_BATCH_CREATED_EVENT } from "../workflows/generate-promocodes"
import { observeJob } from "../lib/metrics/registry"

/**
 * A batch counts as abandoned when it is `running` but its progress has not
 * moved for this long (the module lets another runner take over after 60 s),
 * or still `pending` this long after it was recorded (its event was lost,
 * e.g. the process died before the subscriber ran).
 */
const STALE_MS = 2 * 60 * 1000

/**
 * Every minute: hands abandoned generation batches back to the
 * `promocode-batch.created` subscriber, which resumes them where they stopped
 * (the module counts the codes already written). Failed batches are left to
 * the admin (POST /admin/promocodes/batches/:id/resume).
 */
async function resumePromocodeBatches(container: MedusaContainer) {
  const promocodes = container.resolve<PromocodeModuleService>(PROMOCODE_MODULE)
  const cutoff = new Date(Date.now() - STALE_MS)
  const stale = await promocodes.listPromocodeBatches(
    {
      $or: [
        { status: "running", updated_at: { $lt: cutoff } },
        { status: "pending", created_at: { $lt: cutoff } },
      ],
    },
    { select: ["id"], take: 100, order: { created_at: "ASC" } }
  )
  if (!stale.length) {
    return
  }
  const eventBus = container.resolve(Modules.EVENT_BUS)
  await eventBus.emit(
    stale.map((batch) => ({ name: PROMOCODE_BATCH_CREATED_EVENT, data: { id: batch.id } }))
  )
  container
    .resolve(ContainerRegistrationKeys.LOGGER)
    .info(`resuming ${stale.length} abandoned promo code batch(es)`)
}

/** Counted in cinema_job_runs_total and cinema_job_duration_seconds (GET /metrics). */
export default (container: MedusaContainer) => observeJob("promocode-resume-batches", () => resumePromocodeBatches(container))

export const config = {
  name: "promocode-resume-batches",
  schedule: "* * * * *",
}
