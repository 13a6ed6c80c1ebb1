import { setTimeout as sleep } from "node:timers/promises"
import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PURCHASE_COMPLETED_EVENT } from "../workflows/purchase-tariff"
import { recordPurchaseOrderWorkflow } from "../workflows/record-purchase-order"

/** Pauses before the 2nd and 3rd in-process attempt. */
const RETRY_DELAYS_MS = [1000, 5000]

/**
 * Records a completed purchase as a Medusa order. The workflow is idempotent,
 * so a repeated or concurrent delivery of the event records nothing twice.
 *
 * A failure is retried here a few times (Medusa's local event bus never
 * retries a subscriber), then thrown: the Redis event bus retries the event
 * when it was emitted with `attempts` > 1, and a purchase still without an
 * order is left for a backfill of completed purchases with no `order_id`.
 */
export default async function recordPurchaseOrderHandler({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const purchaseId = event.data.id
  for (let attempt = 0; ; attempt++) {
    try {
      const { result } = await recordPurchaseOrderWorkflow(container).run({
        input: { purchase_id: purchaseId },
      })
      if (!result.order_id) {
        logger.warn(`Purchase ${purchaseId} is not completed or does not exist; no order recorded`)
      }
      return
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt]
      if (delay === undefined) {
        logger.error(`Could not record purchase ${purchaseId} as an order after ${attempt + 1} attempts`)
        throw error
      }
      logger.warn(
        `Recording purchase ${purchaseId} as an order failed (attempt ${attempt + 1}), retrying: ${(error as Error).message}`
      )
      await sleep(delay)
    }
  }
}

export const config: SubscriberConfig = {
  event: PURCHASE_COMPLETED_EVENT,
  context: { subscriberId: "record-purchase-order" },
}
