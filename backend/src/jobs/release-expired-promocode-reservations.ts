import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PROMOCODE_MODULE, type PromocodeModuleService } from "../modules/promocode"

/**
 * Gives back promo code uses held by purchases that never finished (a crashed
 * server, an abandoned payment): reservations past their expiry are released.
 */
export default async function releaseExpiredPromocodeReservations(container: MedusaContainer) {
  const released = await container
    .resolve<PromocodeModuleService>(PROMOCODE_MODULE)
    .releaseExpired()
  if (released) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`Released ${released} expired promo code reservation(s)`)
  }
}

export const config = {
  name: "release-expired-promocode-reservations",
  // every PROMOCODE_RELEASE_INTERVAL_SECONDS seconds (default 30)
  schedule: `*/${Number(process.env.PROMOCODE_RELEASE_INTERVAL_SECONDS) || 30} * * * * *`,
}
