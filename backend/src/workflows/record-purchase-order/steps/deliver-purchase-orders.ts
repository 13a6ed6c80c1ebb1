import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { deliveryFulfillmentInput, registerDeliveryInput } from "../delivery-input"
import type { DeliverPurchaseOrderInput } from "./deliver-purchase-order"

type Delivered = { order_id: string; fulfillment_id: string }

async function undo(container: MedusaContainer, delivered: Delivered[]) {
  for (const { order_id, fulfillment_id } of delivered) {
    await container.resolve(Modules.ORDER).revertLastVersion(order_id)
    await container.resolve(Modules.FULFILLMENT).cancelFulfillment(fulfillment_id)
  }
}

/**
 * deliver-purchase-order for the orders of a batch: each order's fulfillment
 * and its record on the order (the two modules take one order per call).
 * Returns the fulfillments' ids by order. A failure undoes the deliveries
 * made before it; compensation undoes them all.
 */
export const deliverPurchaseOrdersStep = createStep(
  "deliver-purchase-orders",
  async (input: DeliverPurchaseOrderInput[], { container }) => {
    const fulfillments = container.resolve(Modules.FULFILLMENT)
    const orders = container.resolve(Modules.ORDER)
    const delivered: Delivered[] = []
    try {
      for (const { order, location, purchase_id } of input) {
        const fulfillment = await fulfillments.createFulfillment(deliveryFulfillmentInput(order, location, purchase_id))
        try {
          await orders.registerFulfillment(registerDeliveryInput(order, fulfillment.id))
        } catch (error) {
          await fulfillments.cancelFulfillment(fulfillment.id)
          throw error
        }
        delivered.push({ order_id: order.id, fulfillment_id: fulfillment.id })
      }
    } catch (error) {
      await undo(container, delivered.reverse())
      throw error
    }
    const byOrder = Object.fromEntries(delivered.map((d) => [d.order_id, d.fulfillment_id]))
    return new StepResponse<Record<string, string>, Delivered[]>(byOrder, delivered)
  },
  async (delivered, { container }) => {
    if (!delivered) return
    await undo(container, [...delivered].reverse())
  }
)
