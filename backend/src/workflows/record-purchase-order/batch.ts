import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  createOrdersStep,
  createRemoteLinkStep,
  emitEventStep,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import type { CreateOrderDTO } from "@medusajs/framework/types"
import { orderFulfillmentLinks, type OrderForDelivery } from "./delivery-input"
import { purchaseOrderLockKey } from "./index"
import { paymentCollectionLinks } from "./order-input"
import type { DeliverPurchaseOrderInput } from "./steps/deliver-purchase-order"
import { deliverPurchaseOrdersStep } from "./steps/deliver-purchase-orders"
import { loadPurchasesForOrdersStep } from "./steps/load-purchases-for-orders"
import { setPurchaseOrdersStep } from "./steps/set-purchase-orders"

export type RecordPurchaseOrdersInput = { purchase_ids: string[] }

export type RecordPurchaseOrdersResult = {
  /** each purchase's order: recorded by this run or before; null when not completed or unknown */
  orders: Record<string, string | null>
  /** purchases left to record-purchase-order (an order to adopt, a free purchase) */
  single: string[]
}

/**
 * record-purchase-order for several purchases in one run, for bursts of sales
 * (the order subscriber batches them, purchase-order-batch.ts): the same
 * per-purchase locks, all held at once; the reads in one step with one call
 * per module; every new order in one `createOrders` call; each order's
 * delivery; every link in one call; one `order.completed` event with all the
 * orders; every order's id on its purchase in one call. A failure undoes the
 * whole batch, and each purchase is then recorded alone by the subscriber's
 * retry. What the one-purchase workflow does for the rare cases (adopting an
 * order an earlier run left behind, settling a free purchase) is left to it.
 */
export const recordPurchaseOrdersWorkflow = createWorkflow(
  "record-purchase-orders",
  (input: RecordPurchaseOrdersInput) => {
    // in one order whatever the batch's, so two batches never wait for each other's locks
    const lockKeys = transform({ input }, ({ input }) =>
      [...new Set(input.purchase_ids)].sort().map(purchaseOrderLockKey)
    )
    acquireLockStep({ key: lockKeys, timeout: 30, ttl: 30 })

    const context = loadPurchasesForOrdersStep({ purchase_ids: input.purchase_ids })

    const orderInputs = transform({ context }, ({ context }) =>
      context.create.map((entry) => entry.order_input as CreateOrderDTO)
    )
    const created = when("create-purchase-orders", { orderInputs }, ({ orderInputs }) => orderInputs.length > 0).then(
      () => createOrdersStep(orderInputs)
    )
    // createOrders answers in no particular order: matched by metadata.purchase_id
    const recorded = transform({ context, created }, ({ context, created }) =>
      context.create.map((entry) => {
        const order = (created ?? []).find((o) => o.metadata?.purchase_id === entry.purchase.id)!
        return {
          entry,
          order: { id: order.id as string, items: order.items as NonNullable<OrderForDelivery>["items"] },
        }
      })
    )

    const deliveries = transform({ recorded }, ({ recorded }): DeliverPurchaseOrderInput[] =>
      recorded
        .filter(({ entry }) => !!entry.location)
        .map(({ entry, order }) => ({ order, location: entry.location!, purchase_id: entry.purchase.id }))
    )
    const fulfillments = when("deliver-purchase-orders", { deliveries }, ({ deliveries }) => deliveries.length > 0).then(
      () => deliverPurchaseOrdersStep(deliveries)
    )

    const links = transform({ recorded, fulfillments }, ({ recorded, fulfillments }) =>
      recorded.flatMap(({ entry, order }) => [
        ...paymentCollectionLinks(entry.purchase, order.id, null),
        ...(fulfillments?.[order.id] ? orderFulfillmentLinks(order.id, fulfillments[order.id]) : []),
      ])
    )
    when("link-purchase-orders", { links }, ({ links }) => links.length > 0).then(() => {
      createRemoteLinkStep(links)
    })

    const assignments = transform({ recorded }, ({ recorded }) =>
      recorded.map(({ entry, order }) => ({ purchase_id: entry.purchase.id, order_id: order.id }))
    )
    when("announce-completed-orders", { assignments }, ({ assignments }) => assignments.length > 0).then(() => {
      emitEventStep({
        eventName: OrderWorkflowEvents.COMPLETED,
        data: transform({ assignments }, ({ assignments }) => assignments.map((a) => ({ id: a.order_id }))),
      }).config({ name: "emit-orders-completed" })
      setPurchaseOrdersStep(assignments)
    })

    releaseLockStep({ key: lockKeys })

    const result = transform(
      { context, assignments },
      ({ context, assignments }): RecordPurchaseOrdersResult => ({
        orders: {
          ...context.settled,
          ...Object.fromEntries(assignments.map((a) => [a.purchase_id, a.order_id])),
        },
        single: context.single,
      })
    )
    return new WorkflowResponse(result)
  }
)
