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
  createFulfillmentWorkflow,
  createOrdersStep,
  createPaymentCollectionsStep,
  createRemoteLinkStep,
  emitEventStep,
  registerOrderFulfillmentStep,
  releaseLockStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import {
  deliveryFulfillmentInput,
  freePaymentCollection,
  needsDelivery,
  orderFulfillmentLinks,
  orderPaymentCollectionLinks,
  pickDeliveryLocation,
  registerDeliveryInput,
  type DeliveryLocation,
  type OrderForDelivery,
} from "./delivery-input"
import {
  buildOrderInput,
  captureTransactions,
  paymentCollectionLinks,
  isToRecord,
  planRecording,
  type PurchaseForOrder,
} from "./order-input"
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

/**
 * Records a completed purchase as a Medusa order for its customer: one line
 * item for the plan, the promo code's discount as an adjustment, the
 * purchase's captured payment collection linked and its captures added as
 * order transactions (a free purchase has none), then the order is completed
 * and its id stored on the purchase. The plan is delivered at once, so the
 * order gets a fulfillment of its item (no shipping), and a free purchase's
 * order a payment collection of 0: the admin reads it fulfilled and paid.
 *
 * Idempotent: under a lock per purchase, a purchase that already has an
 * order (or is not completed, or does not exist) is left alone. An order an earlier run created
 * but could not store on the purchase (the process died) is found among the
 * customer's orders by its `metadata.purchase_id` and finished instead of
 * creating a second one.
 */
/** The per-purchase lock's time to live, and how long a second delivery waits for it. */
const ORDER_LOCK_SECONDS = 30

export const recordPurchaseOrderWorkflow = createWorkflow(
  "record-purchase-order",
  (input: RecordPurchaseOrderInput) => {
    const lockKey = transform({ input }, ({ input }) => purchaseOrderLockKey(input.purchase_id))
    // Recording takes a second or two; a worker killed while holding the lock
    // leaves it to run out, and the retried event waits for it (at most `ttl`).
    acquireLockStep({ key: lockKey, timeout: ORDER_LOCK_SECONDS, ttl: ORDER_LOCK_SECONDS })

    const { data: purchase } = useQueryGraphStep({
      entity: "purchase",
      fields: [
        "id",
        "status",
        "customer_id",
        "product_id",
        "variant_id",
        "interval",
        "interval_count",
        "original_amount",
        "discount_amount",
        "credit_amount",
        "kind",
        "period_start",
        "period_end",
        "total",
        "currency_code",
        "promocode",
        "payment_collection_id",
        "payment_id",
        "subscription_id",
        "order_id",
        "created_at",
      ],
      filters: { id: input.purchase_id },
      options: { isList: false },
    }).config({ name: "get-purchase" })

    const toRecord = transform({ purchase }, ({ purchase }) =>
      isToRecord(purchase as PurchaseForOrder | undefined)
    )

    // Orders of the customer placed since the purchase; the one carrying this
    // purchase's id in its metadata was recorded by an earlier run.
    const recordedOrders = when("find-recorded-order", { toRecord }, ({ toRecord }) => toRecord).then(
      () => {
        const { data } = useQueryGraphStep({
          entity: "order",
          fields: ["id", "status", "metadata", "payment_collections.id", "fulfillments.id"],
          filters: { customer_id: purchase.customer_id, created_at: { $gte: purchase.created_at } },
        }).config({ name: "get-recorded-orders" })
        return data
      }
    )

    const plan = transform({ purchase, recordedOrders }, ({ purchase, recordedOrders }) =>
      planRecording(purchase as PurchaseForOrder | undefined, recordedOrders)
    )

    const createdOrder = when("create-purchase-order", { plan }, ({ plan }) => plan.create).then(
      () => {
        const { data: customer } = useQueryGraphStep({
          entity: "customer",
          fields: ["id", "email"],
          filters: { id: purchase.customer_id },
          options: { isList: false },
          withDeleted: true,
        }).config({ name: "get-purchase-customer" })

        const { data: variant } = useQueryGraphStep({
          entity: "product_variant",
          fields: [
            "id",
            "title",
            "sku",
            "product.id",
            "product.title",
            "product.subtitle",
            "product.description",
            "product.handle",
            "product.thumbnail",
            "product.type.value",
            "product.sales_channels.id",
          ],
          filters: { id: purchase.variant_id },
          options: { isList: false },
          withDeleted: true,
        }).config({ name: "get-purchase-variant" })

        const { data: regions } = useQueryGraphStep({
          entity: "region",
          fields: ["id"],
          filters: { currency_code: purchase.currency_code },
          pagination: { order: { created_at: "ASC" } },
        }).config({ name: "get-purchase-regions" })

        const { data: store } = useQueryGraphStep({
          entity: "store",
          fields: ["id", "default_sales_channel_id", "default_region_id"],
          options: { isList: false },
        }).config({ name: "get-store" })

        const orderInput = transform(
          { purchase, customer, variant, regions, store },
          (data) => buildOrderInput({ ...data, purchase: data.purchase as PurchaseForOrder })
        )
        const orders = createOrdersStep([orderInput])
        return transform({ orders }, ({ orders }) => ({
          id: orders[0].id as string,
          status: orders[0].status as string,
        }))
      }
    )

    const order = transform({ plan, createdOrder }, ({ plan, createdOrder }) =>
      createdOrder ?? plan.recorded ?? null
    )

    const links = transform({ purchase, order, plan }, ({ purchase, order, plan }) =>
      order ? paymentCollectionLinks(purchase as PurchaseForOrder, order.id, plan.recorded) : []
    )
    when("link-order-payment-collection", { links }, ({ links }) => links.length > 0).then(() => {
      createRemoteLinkStep(links)
    })

    // Delivered at once and settled (delivery-input.ts): one fulfillment of
    // the plan, and a free purchase's order gets a payment collection of 0.
    const deliveryLocation = when("load-delivery-location", { order }, ({ order }) => !!order).then(
      () => {
        const { data: locations } = useQueryGraphStep({
          entity: "stock_location",
          fields: ["id", "name"],
          pagination: { order: { created_at: "ASC" } },
        }).config({ name: "get-delivery-locations" })
        return transform({ locations }, ({ locations }) =>
          pickDeliveryLocation(locations as DeliveryLocation[])
        )
      }
    )
    const deliver = transform(
      { order, plan, deliveryLocation },
      ({ order, plan, deliveryLocation }) =>
        needsDelivery(order?.id, plan.recorded, deliveryLocation ?? null)
    )
    when("deliver-purchase-order", { deliver }, ({ deliver }) => deliver).then(() => {
      const orderId = transform({ order }, ({ order }) => order!.id)
      const { data: orderItems } = useQueryGraphStep({
        entity: "order",
        // `items.*`: an item's quantity lives on the order item and only comes with it
        fields: ["id", "items.*"],
        filters: { id: orderId },
        options: { isList: false },
      }).config({ name: "get-order-items" })
      const fulfillmentInput = transform(
        { orderItems, deliveryLocation, input },
        ({ orderItems, deliveryLocation, input }) =>
          deliveryFulfillmentInput(
            orderItems as NonNullable<OrderForDelivery>,
            deliveryLocation!,
            input.purchase_id
          )
      )
      const fulfillment = createFulfillmentWorkflow.runAsStep({ input: fulfillmentInput })
      createRemoteLinkStep(
        transform({ orderId, fulfillment }, ({ orderId, fulfillment }) =>
          orderFulfillmentLinks(orderId, fulfillment.id)
        )
      ).config({ name: "link-order-fulfillment" })
      registerOrderFulfillmentStep(
        transform({ orderItems, fulfillment }, ({ orderItems, fulfillment }) =>
          registerDeliveryInput(orderItems as NonNullable<OrderForDelivery>, fulfillment.id)
        )
      )
    })

    const freeCollection = transform({ purchase, order, plan }, ({ purchase, order, plan }) =>
      order ? freePaymentCollection(purchase as PurchaseForOrder, order.id, plan.recorded) : []
    )
    when("settle-free-order", { freeCollection }, ({ freeCollection }) => freeCollection.length > 0).then(
      () => {
        const collections = createPaymentCollectionsStep(freeCollection)
        createRemoteLinkStep(
          transform({ order, collections }, ({ order, collections }) =>
            orderPaymentCollectionLinks(order!.id, collections[0].id)
          )
        ).config({ name: "link-free-payment-collection" })
      }
    )

    const collection = when(
      "load-purchase-payment",
      { plan, purchase },
      ({ plan, purchase }) => plan.record && !!purchase?.payment_collection_id
    ).then(() => {
      const collectionId = transform({ purchase }, ({ purchase }) => purchase.payment_collection_id as string)
      const { data } = useQueryGraphStep({
        entity: "payment_collection",
        fields: ["id", "currency_code", "payments.id", "payments.captures.id", "payments.captures.amount"],
        filters: { id: collectionId },
        options: { isList: false },
      }).config({ name: "get-purchase-payment-collection" })
      return data
    })

    const transactions = transform({ order, collection }, ({ order, collection }) =>
      captureTransactions(order?.id, collection)
    )
    when("add-order-captures", { transactions }, ({ transactions }) => transactions.length > 0).then(
      () => {
        addOrderTransactionStep(transactions)
      }
    )

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
      { purchase, order },
      ({ purchase, order }): RecordPurchaseOrderResult => ({
        order_id: (purchase?.order_id as string | null | undefined) ?? order?.id ?? null,
        recorded: !!order,
      })
    )
    return new WorkflowResponse(result)
  }
)
