import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { subscriptionService } from "../lib/purchases"
import { reservationTtlMs } from "../lib/reservations"
import { observeJob } from "../lib/metrics/registry"

/**
 * A purchase still pending after the reservation time to live belongs to a
 * process that died mid-way: it is recorded as failed ("abandoned"). Its promo
 * code use is released by the reservation job; it has no subscription, and a
 * payment is only ever captured right before the grant in the same process.
 */
async function failAbandonedPurchases(container: MedusaContainer) {
  const subscriptions = subscriptionService(container)
  const before = new Date(Date.now() - reservationTtlMs())
  const stale = await subscriptions.listPurchases(
    { status: "pending", created_at: { $lt: before } },
    { select: ["id"], take: 500 }
  )
  for (const purchase of stale) {
    await subscriptions.failPurchase(purchase.id, { failure_reason: "abandoned" })
  }
  if (stale.length) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`Recorded ${stale.length} abandoned purchase(s) as failed`)
  }
}

/** Counted in cinema_job_runs_total and cinema_job_duration_seconds (GET /metrics). */
export default (container: MedusaContainer) => observeJob("fail-abandoned-purchases", () => failAbandonedPurchases(container))

export const config = {
  name: "fail-abandoned-purchases",
  // every PURCHASE_ABANDON_CHECK_SECONDS seconds (default 60)
  schedule: `*/${Number(process.env.PURCHASE_ABANDON_CHECK_SECONDS) || 60} * * * * *`,
}
