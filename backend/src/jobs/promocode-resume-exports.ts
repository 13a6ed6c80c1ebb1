import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  BATCH_STALE_MS,
  PROMOCODE_MODULE,
  type PromocodeModuleService,
} from "../modules/promocode"
import { PROMOCODE_EXPORT_CREATED_EVENT } from "../workflows/export-promocodes"

/**
 * Every minute: starts again the CSV exports whose runner died (`running`
 * with no progress for BATCH_STALE_MS; progress is saved twice a second) or
 * whose event was lost (`pending` that long): each goes back to `pending`,
 * the partial file is deleted, and `promocode-export.created` hands it to the
 * worker again.
 */
export default async function resumePromocodeExports(container: MedusaContainer) {
  const promocodes = container.resolve<PromocodeModuleService>(PROMOCODE_MODULE)
  const stale = await promocodes.requeueStaleExports(BATCH_STALE_MS)
  if (!stale.length) {
    return
  }
  const partial = stale.map((job) => job.partial_file_id).filter((id): id is string => !!id)
  if (partial.length) {
    await container.resolve(Modules.FILE).deleteFiles(partial)
  }
  await container
    .resolve(Modules.EVENT_BUS)
    .emit(stale.map((job) => ({ name: PROMOCODE_EXPORT_CREATED_EVENT, data: { id: job.id } })))
  container
    .resolve(ContainerRegistrationKeys.LOGGER)
    .info(`restarting ${stale.length} abandoned promo code export(s)`)
}

export const config = {
  name: "promocode-resume-exports",
  schedule: "* * * * *",
}
