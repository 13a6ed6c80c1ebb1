import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SUBSCRIPTION_MODULE } from "../modules/subscription"
import type SubscriptionModuleService from "../modules/subscription/service"

type SubscriptionService = SubscriptionModuleService
type PurchaseRecord = Awaited<ReturnType<SubscriptionService["retrievePurchase"]>>
type SubscriptionRecord = Awaited<ReturnType<SubscriptionService["retrieveSubscription"]>>

export function subscriptionService(container: MedusaContainer): SubscriptionService {
  return container.resolve<SubscriptionService>(SUBSCRIPTION_MODULE)
}

/** Whether the customer has completed a purchase (first-purchase-only codes). */
export function hasCompletedPurchase(
  container: MedusaContainer,
  customerId: string
): Promise<boolean> {
  return subscriptionService(container).hasCompletedPurchase(customerId)
}

export function purchaseResponse(purchase: PurchaseRecord) {
  return {
    id: purchase.id,
    status: purchase.status,
    customer_id: purchase.customer_id,
    product_id: purchase.product_id,
    variant_id: purchase.variant_id,
    interval: purchase.interval,
    interval_count: purchase.interval_count,
    original_amount: Number(purchase.original_amount),
    discount_amount: Number(purchase.discount_amount),
    total: Number(purchase.total),
    currency_code: purchase.currency_code,
    promocode: purchase.promocode ?? null,
    failure_reason: purchase.failure_reason ?? null,
    subscription_id: purchase.subscription_id ?? null,
    payment_id: purchase.payment_id ?? null,
    order_id: purchase.order_id ?? null,
    created_at: purchase.created_at,
    completed_at: purchase.completed_at ?? null,
  }
}

export function subscriptionResponse(subscription: SubscriptionRecord) {
  return {
    id: subscription.id,
    status: subscription.status,
    customer_id: subscription.customer_id,
    product_id: subscription.product_id,
    variant_id: subscription.variant_id,
    starts_at: subscription.starts_at,
    ends_at: subscription.ends_at,
    last_purchase_id: subscription.last_purchase_id ?? null,
  }
}

/** Adds the tariff's and the plan's titles to records that carry a variant_id. */
export async function withPlanTitles<T extends { variant_id: string }>(
  container: MedusaContainer,
  records: T[]
): Promise<(T & { product_title: string | null; variant_title: string | null })[]> {
  const ids = [...new Set(records.map((r) => r.variant_id))]
  const titles = new Map<string, { product_title: string | null; variant_title: string | null }>()
  if (ids.length) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product_variant",
      fields: ["id", "title", "product.title"],
      filters: { id: ids },
      withDeleted: true,
    })
    for (const v of data) {
      titles.set(v.id, { product_title: v.product?.title ?? null, variant_title: v.title ?? null })
    }
  }
  return records.map((r) => ({
    ...r,
    ...(titles.get(r.variant_id) ?? { product_title: null, variant_title: null }),
  }))
}

/** The purchase made by this customer with this Idempotency-Key, if any. */
export async function purchaseByIdempotencyKey(
  container: MedusaContainer,
  customerId: string,
  key: string
): Promise<PurchaseRecord | undefined> {
  const [purchase] = await subscriptionService(container).listPurchases(
    { customer_id: customerId, idempotency_key: key },
    { take: 1 }
  )
  return purchase
}
