import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PROMOCODE_MODULE, type PromocodeModuleService } from "../modules/promocode"
import { observeJob } from "../lib/metrics/registry"

/**
 * Gives back promo code uses held by purchases that never finished (a crashed
 * server, an abandoned payment): reservations past their expiry are released.
 */
async function releaseExpiredPromocodeReservations(container: MedusaContainer) {
  const released = await container
    .resolve<PromocodeModuleService>(PROMOCODE_MODULE)
    .releaseExpired()
  if (released) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`Released ${released} expired promo code reservation(s)`)
  }
}

/** Counted in cinema_job_runs_total and cinema_job_duration_seconds (GET /metrics). */
export default (container: MedusaContainer) => observeJob("release-expired-promocode-reservations", () => releaseExpiredPromocodeReservations(container))

export const config = {
  name: "release-expired-promocode-reservations",
  // every PROMOCODE_RELEASE_INTERVAL_SECONDS seconds (default 30)
  schedule: `*/${Number(process.env.PROMOCODE_RELEASE_INTERVAL_SECONDS) || 30} * * * * *`,
}
