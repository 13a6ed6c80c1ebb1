import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  addOrderTransactionStep,
  completeOrderWorkflow,
  createOrdersStep,
  createPaymentCollectionsStep,
  createRemoteLinkStep,
  emitEventStep,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import type { CreateOrderDTO } from "@medusajs/framework/types"
import {
  freePaymentCollection,
  needsDelivery,
  orderFulfillmentLinks,
  orderPaymentCollectionLinks,
  type OrderForDelivery,
} from "./delivery-input"
import { paymentCollectionLinks } from "./order-input"
import { deliverPurchaseOrderStep, type DeliverPurchaseOrderInput } from "./steps/deliver-purchase-order"
import { loadPurchaseForOrderStep } from "./steps/load-purchase-for-order"
import { setPurchaseOrderStep } from "./steps/set-purchase-order"

export type RecordPurchaseOrderInput = { purchase_id: string }

export type RecordPurchaseOrderResult = {
  /** the purchase's order; null while the purchase is not completed, or is unknown */
  order_id: string | null
  /** whether this run recorded it */
  recorded: boolean
}

/** Held while a purchase's order is recorded, so two deliveries of the event run one after another. */
export const purchaseOrderLockKey = (purchaseId: string) => `purchase-order:${purchaseId}`

/** The per-purchase lock's time to live, and how long a second delivery waits for it. */
const ORDER_LOCK_SECONDS = 30

/**
 * Records a completed purchase as a Medusa order for its customer: one line
 * item for the plan, the promo code's discount as an adjustment, the
 * purchase's captures as order transactions (a free purchase has none), all
 * in one `createOrders` call (created completed); its payment collection
 * linked, then its id stored on the purchase. The plan is delivered at once,
 * so the order gets a fulfillment of its item (no shipping), and a free
 * purchase's order a payment collection of 0: the admin reads it fulfilled
 * and paid. Few module calls on purpose (it runs once per sale): the reads in
 * one step, the order in one call, every link in one batch.
 *
 * Idempotent: under a lock per purchase, a purchase that already has an
 * order (or is not completed, or does not exist) is left alone. An order an earlier run created
 * but could not store on the purchase (the process died) is found among the
 * customer's orders by its `metadata.purchase_id` and finished instead of
 * creating a second one.
 */
export const recordPurchaseOrderWorkflow = createWorkflow(
  "record-purchase-order",
  (input: RecordPurchaseOrderInput) => {
    const lockKey = transform({ input }, ({ input }) => purchaseOrderLockKey(input.purchase_id))
    // Recording takes a second or two; a worker killed while holding the lock
    // leaves it to run out, and the retried event waits for it (at most `ttl`).
    acquireLockStep({ key: lockKey, timeout: ORDER_LOCK_SECONDS, ttl: ORDER_LOCK_SECONDS })

    const context = loadPurchaseForOrderStep({ purchase_id: input.purchase_id })

    // one module call: the order with its item, adjustments and capture transactions
    const createdOrder = when("create-purchase-order", { context }, ({ context }) => context.plan.create).then(
      () => {
        const orders = createOrdersStep([context.order_input as CreateOrderDTO])
        return transform({ orders }, ({ orders }) => ({
          id: orders[0].id as string,
          status: orders[0].status as string,
          items: orders[0].items as NonNullable<OrderForDelivery>["items"],
        }))
      }
    )
    const order = transform({ context, createdOrder }, ({ context, createdOrder }) =>
      createdOrder ?? context.adopted ?? null
    )

    // Delivered at once (delivery-input.ts): one fulfillment of the plan.
    const delivery = transform({ order, context }, ({ order, context }) =>
      order && needsDelivery(order.id, context.adopted, context.location)
        ? { order: { id: order.id, items: order.items }, location: context.location!, purchase_id: context.purchase!.id }
        : null
    )
    const fulfillmentId = when("deliver-purchase-order", { delivery }, ({ delivery }) => !!delivery).then(() =>
      deliverPurchaseOrderStep(delivery as DeliverPurchaseOrderInput)
    )

    // A free purchase's order is settled by a payment collection of 0.
    const freeCollection = transform({ context, order }, ({ context, order }) =>
      order ? freePaymentCollection(context.purchase!, order.id, context.adopted) : []
    )
    const freeCollectionId = when("settle-free-order", { freeCollection }, ({ freeCollection }) => freeCollection.length > 0).then(
      () => {
        const collections = createPaymentCollectionsStep(freeCollection)
        return transform({ collections }, ({ collections }) => collections[0].id)
      }
    )

    // every link of the order in one call: its payment collection and its fulfillment
    const links = transform(
      { context, order, fulfillmentId, freeCollectionId },
      ({ context, order, fulfillmentId, freeCollectionId }) =>
        order
          ? [
              ...paymentCollectionLinks(context.purchase!, order.id, context.adopted),
              ...(fulfillmentId ? orderFulfillmentLinks(order.id, fulfillmentId) : []),
              ...(freeCollectionId ? orderPaymentCollectionLinks(order.id, freeCollectionId) : []),
            ]
          : []
    )
    when("link-purchase-order", { links }, ({ links }) => links.length > 0).then(() => {
      createRemoteLinkStep(links)
    })

    // an adopted order an earlier version left without its captures
    when("add-order-captures", { context }, ({ context }) => context.adopted_transactions.length > 0).then(() => {
      addOrderTransactionStep(context.adopted_transactions)
    })

    // A new order is created completed (as completeOrderWorkflow would leave
    // it, and with its event); one an earlier version left pending is
    // completed here.
    when("announce-completed-order", { createdOrder }, ({ createdOrder }) => !!createdOrder).then(
      () => {
        emitEventStep({
          eventName: OrderWorkflowEvents.COMPLETED,
          data: transform({ createdOrder }, ({ createdOrder }) => [{ id: createdOrder!.id }]),
        }).config({ name: "emit-order-completed" })
      }
    )
    const toComplete = transform({ order }, ({ order }) =>
      order && order.status !== "completed" ? [order.id] : []
    )
    when("complete-purchase-order", { toComplete }, ({ toComplete }) => toComplete.length > 0).then(
      () => {
        completeOrderWorkflow.runAsStep({ input: { orderIds: toComplete } })
      }
    )

    const assignment = transform({ input, order }, ({ input, order }) => ({
      purchase_id: input.purchase_id,
      order_id: order?.id as string,
    }))
    when("set-purchase-order", { order }, ({ order }) => !!order).then(() => {
      setPurchaseOrderStep(assignment)
    })

    releaseLockStep({ key: lockKey })

    const result = transform(
      { context, order },
      ({ context, order }): RecordPurchaseOrderResult => ({
        order_id: context.purchase?.order_id ?? order?.id ?? null,
        recorded: !!order,
      })
    )
    return new WorkflowResponse(result)
  }
)
