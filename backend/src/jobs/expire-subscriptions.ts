import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { subscriptionService } from "../lib/purchases"
import { observeJob } from "../lib/metrics/registry"

/** Marks subscriptions whose period has ended as expired (daily, after midnight UTC). */
async function expireSubscriptions(container: MedusaContainer) {
  const expired = await subscriptionService(container).expireEnded()
  container
    .resolve(ContainerRegistrationKeys.LOGGER)
    .info(`Expired ${expired} ended subscription(s)`)
}

/** Counted in cinema_job_runs_total and cinema_job_duration_seconds (GET /metrics). */
export default (container: MedusaContainer) => observeJob("expire-subscriptions", () => expireSubscriptions(container))

export const config = {
  name: "expire-subscriptions",
  schedule: "5 0 * * *",
}
