import type { CreateOrderDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SUBSCRIPTION_MODULE } from "../../../modules/subscription"
import type SubscriptionModuleService from "../../../modules/subscription/service"
import type { DeliveryLocation } from "../delivery-input"
import { freePaymentCollection } from "../delivery-input"
import { orderCatalog } from "../order-catalog"
import { buildOrderInput, captureTransactions, isToRecord, type PurchaseForOrder } from "../order-input"
import { PURCHASE_FIELDS } from "./load-purchase-for-order"

/** A purchase of the batch whose order is created by the batch. */
export type BatchedOrder = {
  purchase: PurchaseForOrder
  order_input: CreateOrderDTO
  location: DeliveryLocation | null
}

export type PurchaseOrdersContext = {
  /** created here, all in one `createOrders` call */
  create: BatchedOrder[]
  /** nothing to record: the purchase's order (already recorded), or null (not completed, unknown) */
  settled: Record<string, string | null>
  /** left to the one-purchase workflow: an earlier run's order to adopt, or a free purchase */
  single: string[]
}

/**
 * What recording the orders of several purchases needs, read with one call
 * per module whatever their number: the purchases, the customers' orders
 * since the oldest of them (an order an earlier run left behind, found by its
 * `metadata.purchase_id`), the captures of their payments, the customers'
 * e-mails, and the catalog rows (cached, order-catalog.ts). The rare cases
 * (an order to adopt, a free purchase settled by a payment collection of 0)
 * are handed to the one-purchase workflow. Reads only.
 */
export const loadPurchasesForOrdersStep = createStep(
  "load-purchases-for-orders",
  async (input: { purchase_ids: string[] }, { container }) => {
    const subscriptions = container.resolve<SubscriptionModuleService>(SUBSCRIPTION_MODULE)
    const rows = (await subscriptions.listPurchases(
      { id: input.purchase_ids },
      { select: PURCHASE_FIELDS }
    )) as unknown as (PurchaseForOrder & { created_at: Date | string })[]
    const context: PurchaseOrdersContext = { create: [], settled: {}, single: [] }
    for (const id of input.purchase_ids) {
      context.settled[id] = null
    }
    const toRecord = rows.filter((row) => {
      if (isToRecord(row)) {
        delete context.settled[row.id]
        return true
      }
      context.settled[row.id] = row.order_id ?? null
      return false
    })
    if (!toRecord.length) {
      return new StepResponse(context)
    }
    const since = new Date(Math.min(...toRecord.map((row) => new Date(row.created_at).getTime()))).toISOString()
    const customerIds = [...new Set(toRecord.map((row) => row.customer_id))]
    const paymentIds = toRecord.map((row) => row.payment_id).filter((id): id is string => !!id)
    const [orders, captures, customers, catalogs] = await Promise.all([
      container
        .resolve(Modules.ORDER)
        .listOrders({ customer_id: customerIds, created_at: { $gte: since } }, { select: ["id", "metadata"] }),
      paymentIds.length
        ? container
            .resolve(Modules.PAYMENT)
            .listCaptures({ payment_id: paymentIds }, { select: ["id", "amount", "payment_id"] })
        : Promise.resolve([]),
      container
        .resolve(Modules.CUSTOMER)
        .listCustomers({ id: customerIds }, { select: ["id", "email"], withDeleted: true }),
      Promise.all(toRecord.map((row) => orderCatalog(container, row.variant_id, row.currency_code))),
    ])
    const withOrder = new Set(orders.map((order) => order.metadata?.purchase_id))
    toRecord.forEach((purchase, i) => {
      if (withOrder.has(purchase.id) || freePaymentCollection(purchase, "new", null).length) {
        context.single.push(purchase.id)
        return
      }
      const catalog = catalogs[i]
      const transactions = captureTransactions(
        purchase.currency_code,
        captures.filter((capture) => (capture as { payment_id?: string }).payment_id === purchase.payment_id)
      )
      const orderInput = buildOrderInput({
        purchase,
        customer: customers.find((customer) => customer.id === purchase.customer_id) ?? null,
        variant: catalog.variant,
        regions: catalog.regions,
        store: catalog.store,
      })
      context.create.push({
        purchase,
        order_input: { ...orderInput, transactions },
        location: catalog.location,
      })
    })
    return new StepResponse(context)
  }
)
