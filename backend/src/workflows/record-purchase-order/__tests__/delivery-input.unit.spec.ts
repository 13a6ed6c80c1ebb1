import {
  deliveryFulfillmentInput,
  DIGITAL_DELIVERY_LOCATION,
  freePaymentCollection,
  needsDelivery,
  pickDeliveryLocation,
  registerDeliveryInput,
} from "../delivery-input"

const location = { id: "sloc_digital", name: DIGITAL_DELIVERY_LOCATION }
const order = {
  id: "order_1",
  items: [
    { id: "ordli_1", quantity: 1, title: "Standard", variant_sku: "STANDARD-1M", variant_barcode: null },
    null,
  ],
}

describe("pickDeliveryLocation", () => {
  it("prefers the digital delivery location, else the first, else none", () => {
    const warehouse = { id: "sloc_wh", name: "Warehouse" }
    expect(pickDeliveryLocation([warehouse, location])).toEqual(location)
    expect(pickDeliveryLocation([warehouse])).toEqual(warehouse)
    expect(pickDeliveryLocation([])).toBeNull()
    expect(pickDeliveryLocation(null)).toBeNull()
  })
})

describe("needsDelivery", () => {
  it("delivers a new order, or an adopted one without a fulfillment, when there is a location", () => {
    expect(needsDelivery("order_1", null, location)).toBe(true)
    expect(needsDelivery("order_1", { fulfillments: [] }, location)).toBe(true)
    expect(needsDelivery("order_1", { fulfillments: [null] }, location)).toBe(true)
    expect(needsDelivery("order_1", { fulfillments: [{ id: "ful_1" }] }, location)).toBe(false)
    expect(needsDelivery(null, null, location)).toBe(false)
    expect(needsDelivery("order_1", null, null)).toBe(false)
  })
})

describe("deliveryFulfillmentInput / registerDeliveryInput", () => {
  it("fulfils every item in full from the location, with nothing to ship", () => {
    const input = deliveryFulfillmentInput(order, location, "pur_1")
    expect(input).toEqual(
      expect.objectContaining({
        location_id: "sloc_digital",
        provider_id: "manual_manual",
        requires_shipping: false,
        packed_at: expect.any(Date),
        order: { id: "order_1" },
        metadata: { purchase_id: "pur_1", delivery: "digital" },
        items: [{ line_item_id: "ordli_1", title: "Standard", sku: "STANDARD-1M", barcode: "", quantity: 1 }],
      })
    )
    expect(registerDeliveryInput(order, "ful_1")).toEqual({
      order_id: "order_1",
      reference: "fulfillment",
      reference_id: "ful_1",
      items: [{ id: "ordli_1", quantity: 1 }],
    })
  })
})

describe("freePaymentCollection", () => {
  const free = { total: 0, currency_code: "rub", payment_collection_id: null }
  it("settles a free purchase's order with a collection of 0, once", () => {
    expect(freePaymentCollection(free, "order_1", null)).toEqual([{ currency_code: "rub", amount: 0 }])
    expect(freePaymentCollection(free, "order_1", { payment_collections: [{ id: "pay_col_1" }] })).toEqual([])
    expect(freePaymentCollection(free, null, null)).toEqual([])
  })
  it("leaves a paid purchase to its own collection", () => {
    expect(freePaymentCollection({ ...free, total: 399, payment_collection_id: "pay_col_1" }, "order_1", null)).toEqual([])
    expect(freePaymentCollection({ ...free, total: 0.01 }, "order_1", null)).toEqual([])
  })
})
