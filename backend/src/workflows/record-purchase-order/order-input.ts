import type { BigNumberInput, CreateOrderDTO, CreateOrderTransactionDTO } from "@medusajs/framework/types"
import { MathBN, Modules, OrderStatus } from "@medusajs/framework/utils"

/** The purchase fields an order is recorded from. */
export type PurchaseForOrder = {
  id: string
  status: string
  customer_id: string
  product_id: string
  variant_id: string
  interval: string
  interval_count: number
  original_amount: number
  discount_amount: number
  total: number
  currency_code: string
  promocode: string | null
  payment_collection_id: string | null
  payment_id: string | null
  subscription_id: string | null
  order_id: string | null
  /** new, extension, upgrade, renewal (older rows: absent) */
  kind?: string | null
  /** an upgrade's credit for the unused time of the old plan */
  credit_amount?: number | null
  period_start?: Date | string | null
  period_end?: Date | string | null
}

/** An order recorded for the purchase by an earlier run that died before storing its id. */
export type RecordedOrder = {
  id: string
  status: string
  metadata?: Record<string, unknown> | null
  payment_collections?: ({ id: string } | null)[] | null
  fulfillments?: ({ id: string } | null)[] | null
  transactions?: ({ id: string } | null)[] | null
}

export type RecordPlan = {
  /** the purchase is completed and has no order yet */
  record: boolean
  /** ... and no earlier run left an order behind, so one is created */
  create: boolean
  recorded: RecordedOrder | null
}

export type CustomerForOrder = { id: string; email: string | null } | null | undefined

export type VariantForOrder =
  | {
      id: string
      title: string | null
      sku: string | null
      product: {
        id: string
        title: string | null
        subtitle: string | null
        description: string | null
        handle: string | null
        thumbnail: string | null
        type: { value: string } | null
        sales_channels: ({ id: string } | null)[] | null
      } | null
    }
  | null
  | undefined

export type StoreForOrder = {
  default_sales_channel_id: string | null
  default_region_id: string | null
} | null | undefined

/** Only a completed purchase without an order is recorded. */
export function isToRecord(purchase: PurchaseForOrder | undefined): boolean {
  return purchase?.status === "completed" && !purchase.order_id
}

/** What to do for a purchase, given the orders an earlier run may have left behind. */
export function planRecording(
  purchase: PurchaseForOrder | undefined,
  recorded: RecordedOrder[] | null | undefined
): RecordPlan {
  if (!purchase || !isToRecord(purchase)) {
    return { record: false, create: false, recorded: null }
  }
  const earlier =
    (recorded ?? []).find((order) => order.metadata?.purchase_id === purchase.id) ?? null
  return { record: true, create: !earlier, recorded: earlier }
}

/**
 * The order for a purchase: the purchase's currency and the region of that
 * currency (the store's default region first), the store's default sales
 * channel when the tariff is sold there (else the tariff's first channel),
 * the customer, and one line item for the plan at its full price with the
 * promo code's discount as an adjustment. The amounts are what the customer
 * was charged, so they count as tax inclusive and no tax lines are added.
 */
export function buildOrderInput(data: {
  purchase: PurchaseForOrder
  customer: CustomerForOrder
  variant: VariantForOrder
  regions: { id: string }[] | null | undefined
  store: StoreForOrder
}): CreateOrderDTO {
  const { purchase, customer, variant, store } = data
  const product = variant?.product ?? null
  const regions = data.regions ?? []
  const region =
    regions.find((r) => r.id === store?.default_region_id) ?? regions[0] ?? null

  const productChannels = (product?.sales_channels ?? [])
    .filter((c): c is { id: string } => !!c)
    .map((c) => c.id)
  const storeChannel = store?.default_sales_channel_id ?? null
  const salesChannelId =
    storeChannel && (!productChannels.length || productChannels.includes(storeChannel))
      ? storeChannel
      : productChannels[0] ?? storeChannel

  const discount = MathBN.convert(purchase.discount_amount ?? 0)
  const credit = MathBN.convert(purchase.credit_amount ?? 0)
  // The order's total is what was charged: the plan's price less an upgrade's
  // credit, less the promo code's discount (applied after the credit).
  const adjustments = [
    ...(MathBN.gt(credit, 0)
      ? [{ code: UPGRADE_CREDIT_CODE, amount: credit.toNumber(), is_tax_inclusive: true }]
      : []),
    ...(MathBN.gt(discount, 0)
      ? [{ code: purchase.promocode ?? undefined, amount: discount.toNumber(), is_tax_inclusive: true }]
      : []),
  ]
  const period = {
    kind: purchase.kind ?? "new",
    period_start: isoOrNull(purchase.period_start),
    period_end: isoOrNull(purchase.period_end),
  }

  const productTitle = product?.title ?? purchase.product_id
  const variantTitle = variant?.title ?? purchase.variant_id

  return {
    // Created completed: the plan is delivered by the time the order is
    // recorded (the workflow emits order.completed itself).
    status: OrderStatus.COMPLETED,
    region_id: region?.id,
    sales_channel_id: salesChannelId ?? undefined,
    customer_id: purchase.customer_id,
    email: customer?.email ?? undefined,
    currency_code: purchase.currency_code,
    metadata: {
      purchase_id: purchase.id,
      subscription_id: purchase.subscription_id,
      ...period,
    },
    items: [
      {
        title: productTitle,
        subtitle: variantTitle,
        thumbnail: product?.thumbnail ?? undefined,
        product_id: purchase.product_id,
        product_title: productTitle,
        product_subtitle: product?.subtitle ?? undefined,
        product_description: product?.description ?? undefined,
        product_handle: product?.handle ?? undefined,
        product_type: product?.type?.value ?? undefined,
        variant_id: purchase.variant_id,
        variant_title: variantTitle,
        variant_sku: variant?.sku ?? undefined,
        quantity: 1,
        unit_price: MathBN.convert(purchase.original_amount).toNumber(),
        is_tax_inclusive: true,
        requires_shipping: false,
        is_discountable: true,
        adjustments,
        metadata: {
          purchase_id: purchase.id,
          interval: purchase.interval,
          interval_count: purchase.interval_count,
          ...period,
        },
      },
    ],
  }
}

/** The adjustment code of an upgrade's credit on the order's line item. */
export const UPGRADE_CREDIT_CODE = "UPGRADE_CREDIT"

function isoOrNull(value: Date | string | null | undefined): string | null {
  return value ? new Date(value).toISOString() : null
}

/** The order ↔ payment collection link, unless there is no payment or it exists. */
export function paymentCollectionLinks(
  purchase: PurchaseForOrder,
  orderId: string | undefined,
  recorded: RecordedOrder | null
) {
  const collectionId = purchase.payment_collection_id
  if (!orderId || !collectionId) {
    return []
  }
  const linked = (recorded?.payment_collections ?? []).some((c) => c?.id === collectionId)
  if (linked) {
    return []
  }
  return [
    {
      [Modules.ORDER]: { order_id: orderId },
      [Modules.PAYMENT]: { payment_collection_id: collectionId },
    },
  ]
}

/** A capture of the purchase's payment. */
export type CaptureForOrder = { id: string; amount: BigNumberInput }

/**
 * One order transaction per capture of the purchase's payment, as cart
 * completion records them, so the order's paid total is the captured amount;
 * given with the new order, the order module creates them with it.
 */
export function captureTransactions(
  currencyCode: string,
  captures: CaptureForOrder[]
): Omit<CreateOrderTransactionDTO, "order_id">[] {
  return captures.map((capture) => ({
    amount: MathBN.convert(capture.amount).toNumber(),
    currency_code: currencyCode,
    reference: "capture",
    reference_id: capture.id,
  }))
}
