import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { subscriptionService } from "../lib/purchases"
import { recordPurchaseOrderWorkflow } from "../workflows/record-purchase-order"
import { observeJob } from "../lib/metrics/registry"

/**
 * Backfill for the purchase.completed subscriber: completed purchases that
 * still have no Medusa order a few minutes later (the event was lost, or every
 * retry failed) get one now. The workflow is idempotent per purchase.
 */
async function recordMissingPurchaseOrders(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const missing = await subscriptionService(container).listPurchases(
    {
      status: "completed",
      order_id: null,
      completed_at: { $lt: new Date(Date.now() - 5 * 60 * 1000) },
    },
    { select: ["id"], take: 50, order: { id: "ASC" } }
  )
  for (const purchase of missing) {
    try {
      await recordPurchaseOrderWorkflow(container).run({ input: { purchase_id: purchase.id } })
    } catch (error) {
      logger.error(`Could not record the order of purchase ${purchase.id}: ${(error as Error).message}`)
    }
  }
}

/** Counted in cinema_job_runs_total and cinema_job_duration_seconds (GET /metrics). */
export default (container: MedusaContainer) => observeJob("record-missing-purchase-orders", () => recordMissingPurchaseOrders(container))

export const config = {
  name: "record-missing-purchase-orders",
  schedule: "*/10 * * * *",
}
