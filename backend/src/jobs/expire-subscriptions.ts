import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { subscriptionService } from "../lib/purchases"
import { observeJob } from "../lib/metrics/registry"
import { queueSubscriptionNotices } from "../workflows/queue-subscription-notices"

/**
 * Ends live subscriptions whose period has ended (daily, after midnight UTC):
 * a cancelled one becomes `canceled`, a lapsed one `expired`.
 */
async function expireSubscriptions(container: MedusaContainer) {
  // auto-renewing ones are the renewal pass's (jobs/renew-subscriptions.ts)
  const now = new Date()
  const expired = await subscriptionService(container).endNotRenewing(now)
  // the shopper is told of an expiry (subscription.expired); a cancelled one was told when cancelled
  await queueSubscriptionNotices(container, now)
  container
    .resolve(ContainerRegistrationKeys.LOGGER)
    .info(`Ended ${expired} subscription(s) whose period was over`)
}

/** Counted in cinema_job_runs_total and cinema_job_duration_seconds (GET /metrics). */
export default (container: MedusaContainer) => observeJob("expire-subscriptions", () => expireSubscriptions(container))

export const config = {
  name: "expire-subscriptions",
  schedule: "5 0 * * *",
}
