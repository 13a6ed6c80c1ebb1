import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  deliveryFulfillmentInput,
  registerDeliveryInput,
  type DeliveryLocation,
  type OrderForDelivery,
} from "../delivery-input"

export type DeliverPurchaseOrderInput = {
  order: NonNullable<OrderForDelivery>
  location: DeliveryLocation
  purchase_id: string
}

type Delivered = { order_id: string; fulfillment_id: string }

/**
 * Records the plan's delivery on the order with two module calls instead of
 * Medusa's fulfillment workflow (which re-reads the order and checks
 * shipping and inventory a tariff has none of): the Fulfillment Module's
 * fulfillment of every item (manual provider, packed now, nothing shipped),
 * then the order's record of it (every item fulfilled). Returns the
 * fulfillment's id for the order ↔ fulfillment link. Compensation reverts the
 * order's version and cancels the fulfillment, as Medusa's own steps do.
 */
export const deliverPurchaseOrderStep = createStep(
  "deliver-purchase-order",
  async (input: DeliverPurchaseOrderInput, { container }) => {
    const fulfillments = container.resolve(Modules.FULFILLMENT)
    const orders = container.resolve(Modules.ORDER)
    const fulfillment = await fulfillments.createFulfillment(
      deliveryFulfillmentInput(input.order, input.location, input.purchase_id)
    )
    try {
      await orders.registerFulfillment(registerDeliveryInput(input.order, fulfillment.id))
    } catch (error) {
      await fulfillments.cancelFulfillment(fulfillment.id)
      throw error
    }
    return new StepResponse<string, Delivered>(fulfillment.id, {
      order_id: input.order.id,
      fulfillment_id: fulfillment.id,
    })
  },
  async (delivered, { container }) => {
    if (!delivered) return
    await container.resolve(Modules.ORDER).revertLastVersion(delivered.order_id)
    await container.resolve(Modules.FULFILLMENT).cancelFulfillment(delivered.fulfillment_id)
  }
)
