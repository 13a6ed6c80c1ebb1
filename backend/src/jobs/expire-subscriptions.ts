import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { subscriptionService } from "../lib/purchases"

/** Marks subscriptions whose period has ended as expired (daily, after midnight UTC). */
export default async function expireSubscriptions(container: MedusaContainer) {
  const expired = await subscriptionService(container).expireEnded()
  container
    .resolve(ContainerRegistrationKeys.LOGGER)
    .info(`Expired ${expired} ended subscription(s)`)
}

export const config = {
  name: "expire-subscriptions",
  schedule: "5 0 * * *",
}
