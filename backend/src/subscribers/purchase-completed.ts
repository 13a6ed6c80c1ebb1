import { setTimeout as sleep } from "node:timers/promises"
import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createBatcher } from "../lib/batcher"
import { PURCHASE_COMPLETED_EVENT } from "../workflows/purchase-tariff"
import { recordPurchaseOrderWorkflow } from "../workflows/record-purchase-order"
import { recordPurchaseOrdersWorkflow } from "../workflows/record-purchase-order/batch"

/** Pauses before the 2nd and 3rd in-process attempt. */
const RETRY_DELAYS_MS = [1000, 5000]

/** A batch's answer for a purchase left to the one-purchase workflow. */
const ALONE = "alone"

/**
 * Purchases completed within ORDER_BATCH_DELAY_MS [50] of each other (at most
 * ORDER_BATCH_SIZE [20]) are recorded in one run of record-purchase-orders; a
 * purchase with no other in its batch, in the one-purchase workflow.
 */
const recordInBatch = createBatcher(
  async (purchaseIds: string[], container: MedusaContainer): Promise<Record<string, string | null>> => {
    if (purchaseIds.length === 1) {
      return { [purchaseIds[0]]: ALONE }
    }
    const { result } = await recordPurchaseOrdersWorkflow(container).run({ input: { purchase_ids: purchaseIds } })
    return { ...result.orders, ...Object.fromEntries(result.single.map((id) => [id, ALONE])) }
  },
  {
    maxSize: Math.max(1, Number(process.env.ORDER_BATCH_SIZE || 20)),
    delayMs: Math.max(0, Number(process.env.ORDER_BATCH_DELAY_MS ?? 50)),
  }
)

/**
 * Records a completed purchase as a Medusa order, in a batch with the
 * purchases completed at about the same time (see recordInBatch). Both
 * workflows are idempotent, so a repeated or concurrent delivery of the event
 * records nothing twice.
 *
 * A failure (of the purchase's batch, or of its own run) is retried here a
 * few times, each purchase alone (Medusa's local event bus never retries a
 * subscriber), then thrown: the Redis event bus retries the event when it was
 * emitted with `attempts` > 1, and a purchase still without an order is left
 * for a backfill of completed purchases with no `order_id`.
 */
export default async function recordPurchaseOrderHandler({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const purchaseId = event.data.id
  for (let attempt = 0; ; attempt++) {
    try {
      const batched = attempt === 0 ? await recordInBatch(purchaseId, container) : ALONE
      const orderId =
        batched === ALONE || batched === undefined
          ? (await recordPurchaseOrderWorkflow(container).run({ input: { purchase_id: purchaseId } })).result.order_id
          : batched
      if (!orderId) {
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
