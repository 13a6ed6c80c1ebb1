import type { CreateOrderDTO, CreateOrderTransactionDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SUBSCRIPTION_MODULE } from "../../../modules/subscription"
import type SubscriptionModuleService from "../../../modules/subscription/service"
import type { DeliveryLocation, OrderForDelivery } from "../delivery-input"
import { orderCatalog } from "../order-catalog"
import {
  buildOrderInput,
  captureTransactions,
  isToRecord,
  planRecording,
  type PurchaseForOrder,
  type RecordedOrder,
  type RecordPlan,
} from "../order-input"

/** An order an earlier run created, with what the recording still reads of it. */
export type AdoptedOrder = RecordedOrder & { items: NonNullable<OrderForDelivery>["items"] }

export type PurchaseOrderContext = {
  purchase: PurchaseForOrder | null
  plan: RecordPlan
  /** the new order, the captures of its payment included as transactions (when `plan.create`) */
  order_input: CreateOrderDTO | null
  /** the adopted order's captures as transactions, unless it has them already */
  adopted_transactions: CreateOrderTransactionDTO[]
  adopted: AdoptedOrder | null
  location: DeliveryLocation | null
}

export const PURCHASE_FIELDS = [
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
]

const nothing = (purchase: PurchaseForOrder | null): PurchaseOrderContext => ({
  purchase,
  plan: { record: false, create: false, recorded: null },
  order_input: null,
  adopted_transactions: [],
  adopted: null,
  location: null,
})

/**
 * Everything recording the purchase's order needs, read with direct module
 * calls (the catalog part cached, see order-catalog.ts): the purchase; an
 * order an earlier run left behind (found among the customer's orders since
 * the purchase by its `metadata.purchase_id`, its links read only then); and
 * for a new order its whole input, the captures of the purchase's payment as
 * transactions. Reads only.
 */
export const loadPurchaseForOrderStep = createStep(
  "load-purchase-for-order",
  async (input: { purchase_id: string }, { container }) => {
    const subscriptions = container.resolve<SubscriptionModuleService>(SUBSCRIPTION_MODULE)
    const [row] = await subscriptions.listPurchases({ id: input.purchase_id }, { select: PURCHASE_FIELDS, take: 1 })
    const purchase = (row ?? null) as unknown as PurchaseForOrder | null
    if (!purchase || !isToRecord(purchase)) {
      return new StepResponse(nothing(purchase))
    }
    const orders = container.resolve(Modules.ORDER)
    const createdAt = new Date((row as unknown as { created_at: Date | string }).created_at).toISOString()
    const [candidates, catalog, captures, customers] = await Promise.all([
      orders.listOrders(
        { customer_id: purchase.customer_id, created_at: { $gte: createdAt } },
        { select: ["id", "metadata"] }
      ),
      orderCatalog(container, purchase.variant_id, purchase.currency_code),
      purchase.payment_id
        ? container.resolve(Modules.PAYMENT).listCaptures({ payment_id: purchase.payment_id }, { select: ["id", "amount"] })
        : Promise.resolve([]),
      container
        .resolve(Modules.CUSTOMER)
        .listCustomers({ id: purchase.customer_id }, { select: ["id", "email"], withDeleted: true }),
    ])
    const transactions = captureTransactions(purchase.currency_code, captures)
    const earlier = candidates.find((order) => order.metadata?.purchase_id === purchase.id)
    if (earlier) {
      // the rare case: a run died after creating the order; its links decide what is left to do
      const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "order",
        fields: ["id", "status", "metadata", "payment_collections.id", "fulfillments.id", "transactions.id", "items.*"],
        filters: { id: earlier.id },
      })
      const adopted = data[0] as unknown as AdoptedOrder
      return new StepResponse<PurchaseOrderContext>({
        purchase,
        plan: planRecording(purchase, [adopted]),
        order_input: null,
        adopted_transactions: (adopted.transactions ?? []).some(Boolean)
          ? []
          : transactions.map((t) => ({ ...t, order_id: adopted.id })),
        adopted,
        location: catalog.location,
      })
    }
    const orderInput = buildOrderInput({
      purchase,
      customer: customers[0] ?? null,
      variant: catalog.variant,
      regions: catalog.regions,
      store: catalog.store,
    })
    return new StepResponse<PurchaseOrderContext>({
      purchase,
      plan: planRecording(purchase, []),
      order_input: { ...orderInput, transactions },
      adopted_transactions: [],
      adopted: null,
      location: catalog.location,
    })
  }
)
