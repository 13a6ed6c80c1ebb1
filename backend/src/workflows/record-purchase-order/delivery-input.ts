import type {
  CreatePaymentCollectionDTO,
  FulfillmentWorkflow,
  RegisterOrderFulfillmentDTO,
} from "@medusajs/framework/types"
import { MathBN, Modules } from "@medusajs/framework/utils"

/**
 * A tariff is delivered digitally the moment it is bought, so its order is
 * recorded as delivered and settled, the way Medusa reads a digital product's
 * order: one fulfillment of every item, packed at the purchase, without
 * shipping (Medusa's manual fulfillment provider, from the stock location the
 * seed names "Digital delivery"), and for a free purchase a payment collection
 * of 0, which Medusa counts as captured. The Orders page then reads
 * "Fulfilled" and "Captured" instead of a backlog.
 */
export const DIGITAL_DELIVERY_LOCATION = "Digital delivery"
export const DIGITAL_DELIVERY_PROVIDER = "manual_manual"

export type DeliveryLocation = { id: string; name: string | null }

export type OrderForDelivery = {
  id: string
  items:
    | ({
        id: string
        quantity: number
        title: string | null
        variant_sku: string | null
        variant_barcode: string | null
      } | null)[]
    | null
} | null | undefined

/** The recorded order's fulfillments and payment collections, as query.graph returns them. */
export type OrderSettlement = {
  fulfillments?: ({ id: string } | null)[] | null
  payment_collections?: ({ id: string } | null)[] | null
} | null | undefined

/** The "Digital delivery" location, else the first there is, else null (the order stays unfulfilled). */
export function pickDeliveryLocation(
  locations: DeliveryLocation[] | null | undefined
): DeliveryLocation | null {
  const all = locations ?? []
  return all.find((l) => l.name === DIGITAL_DELIVERY_LOCATION) ?? all[0] ?? null
}

/** An order has its delivery recorded once: a new order, or an adopted one without a fulfillment. */
export function needsDelivery(
  orderId: string | null | undefined,
  adopted: OrderSettlement,
  location: DeliveryLocation | null
): boolean {
  if (!orderId || !location) {
    return false
  }
  return !(adopted?.fulfillments ?? []).some(Boolean)
}

/** One fulfillment of every item of the order, packed now, nothing to ship. */
export function deliveryFulfillmentInput(
  order: NonNullable<OrderForDelivery>,
  location: DeliveryLocation,
  purchaseId: string
): FulfillmentWorkflow.CreateFulfillmentWorkflowInput {
  const items = (order.items ?? []).filter((i): i is NonNullable<typeof i> => !!i)
  // `requires_shipping` is a field of Medusa's fulfillment that the workflow's
  // input type leaves out; the workflow hands it to the module as given.
  const input = {
    location_id: location.id,
    provider_id: DIGITAL_DELIVERY_PROVIDER,
    requires_shipping: false,
    packed_at: new Date(),
    delivery_address: {},
    order: { id: order.id },
    metadata: { purchase_id: purchaseId, delivery: "digital" },
    items: items.map((item) => ({
      line_item_id: item.id,
      title: item.title ?? "",
      sku: item.variant_sku ?? "",
      barcode: item.variant_barcode ?? "",
      quantity: item.quantity,
    })),
  }
  return input
}

/** The order's record of that fulfillment: every item's full quantity fulfilled. */
export function registerDeliveryInput(
  order: NonNullable<OrderForDelivery>,
  fulfillmentId: string
): RegisterOrderFulfillmentDTO {
  return {
    order_id: order.id,
    reference: Modules.FULFILLMENT,
    reference_id: fulfillmentId,
    items: (order.items ?? [])
      .filter((i): i is NonNullable<typeof i> => !!i)
      .map((item) => ({ id: item.id, quantity: item.quantity })),
  }
}

/**
 * A payment collection of 0 for a free purchase (a free-period code, the
 * Trial) whose order has none yet; a paid purchase links its own collection.
 */
export function freePaymentCollection(
  purchase: { total: number; currency_code: string; payment_collection_id: string | null },
  orderId: string | null | undefined,
  adopted: OrderSettlement
): CreatePaymentCollectionDTO[] {
  const free = MathBN.eq(MathBN.convert(purchase.total ?? 0), 0)
  if (!orderId || !free || purchase.payment_collection_id) {
    return []
  }
  if ((adopted?.payment_collections ?? []).some(Boolean)) {
    return []
  }
  return [{ currency_code: purchase.currency_code, amount: 0 }]
}

/** The order ↔ fulfillment link, as Medusa's order fulfillment workflow creates it. */
export function orderFulfillmentLinks(orderId: string, fulfillmentId: string) {
  return [
    {
      [Modules.ORDER]: { order_id: orderId },
      [Modules.FULFILLMENT]: { fulfillment_id: fulfillmentId },
    },
  ]
}

/** The order ↔ payment collection link of the free purchase's collection. */
export function orderPaymentCollectionLinks(orderId: string, collectionId: string) {
  return [
    {
      [Modules.ORDER]: { order_id: orderId },
      [Modules.PAYMENT]: { payment_collection_id: collectionId },
    },
  ]
}
