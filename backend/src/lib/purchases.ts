import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  decidePlanChange,
  SUBSCRIPTION_MODULE,
  type Decision,
  type PaymentMethod,
} from "../modules/subscription"
import type SubscriptionModuleService from "../modules/subscription/service"
import { nextChargeOf } from "./next-charge"
import { planForSale, type PlanForSale } from "./tariffs"

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

/** A plan is the Trial when it has trial days and costs nothing (the seed's 7-day Trial). */
export function isTrialPlan(plan: Pick<PlanForSale, "trial_days" | "price">): boolean {
  return plan.trial_days > 0 && plan.price.amount === 0
}

/**
 * What buying `plan` now would do to the customer's live subscription
 * (new / extension / upgrade with credit / scheduled), or TRIAL_NOT_AVAILABLE.
 * The preview and the purchase workflow (under the customer's lock) both ask
 * here. The current plan's price is today's catalog price; a plan no longer
 * for sale counts as 0, so any paid plan upgrades from it. With it, whether
 * the customer completed a purchase before (first-purchase-only codes), read
 * in the same query as the Trial eligibility.
 */
export async function planChangeFor(
  container: MedusaContainer,
  customerId: string,
  plan: PlanForSale,
  now: Date = new Date()
): Promise<Decision & { has_prior_purchase: boolean }> {
  // the live subscription and the purchase history in one round trip
  const { live, ...history } = await subscriptionService(container).saleContext(customerId, now)
  let currentPrice: number | null = null
  if (live && live.variant_id !== plan.variant_id) {
    currentPrice = await planForSale(container, {
      variantId: live.variant_id,
      salesChannelIds: null,
    }).then(
      (current) => current.price.amount,
      () => null
    )
  }
  const decision = decidePlanChange({
    live,
    plan: {
      variant_id: plan.variant_id,
      price: plan.price.amount,
      currency_code: plan.price.currency_code,
      is_trial: isTrialPlan(plan),
      interval: plan.interval,
      interval_count: plan.interval_count,
    },
    current_price: currentPrice,
    trial: history.trial,
    now,
  })
  return { ...decision, has_prior_purchase: history.has_completed_purchase }
}

export function purchaseResponse(purchase: PurchaseRecord) {
  return {
    id: purchase.id,
    status: purchase.status,
    kind: purchase.kind,
    customer_id: purchase.customer_id,
    product_id: purchase.product_id,
    variant_id: purchase.variant_id,
    interval: purchase.interval,
    interval_count: purchase.interval_count,
    original_amount: Number(purchase.original_amount),
    credit_amount: Number(purchase.credit_amount ?? 0),
    discount_amount: Number(purchase.discount_amount),
    total: Number(purchase.total),
    currency_code: purchase.currency_code,
    promocode: purchase.promocode ?? null,
    failure_reason: purchase.failure_reason ?? null,
    subscription_id: purchase.subscription_id ?? null,
    payment_id: purchase.payment_id ?? null,
    order_id: purchase.order_id ?? null,
    period_start: purchase.period_start ?? null,
    period_end: purchase.period_end ?? null,
    created_at: purchase.created_at,
    completed_at: purchase.completed_at ?? null,
  }
}

/**
 * A subscription as the API shows it (docs/ARCHITECTURE.md, "Subscription lifecycle").
 * `next_charge` is null while there is no saved card (renewals, a later
 * issue) or the subscription is cancelled: nothing will be charged.
 */
export function subscriptionResponse(subscription: SubscriptionRecord) {
  const paymentMethod = (subscription.payment_method as PaymentMethod | null) ?? null
  return {
    id: subscription.id,
    status: subscription.status,
    customer_id: subscription.customer_id,
    product_id: subscription.product_id,
    variant_id: subscription.variant_id,
    is_trial: subscription.is_trial,
    starts_at: subscription.starts_at,
    ends_at: subscription.ends_at,
    current_period_start: subscription.current_period_start,
    current_period_end: subscription.ends_at,
    cancel_at_period_end: subscription.cancel_at_period_end,
    canceled_at: subscription.canceled_at ?? null,
    pending_variant_id: subscription.pending_variant_id ?? null,
    payment_method: paymentMethod,
    auto_renew: subscription.auto_renew,
    convert_to_variant_id: subscription.convert_to_variant_id ?? null,
    renewal_attempts: subscription.renewal_attempts,
    next_charge: null as { at: Date; amount: number; currency_code: string } | null,
    last_purchase_id: subscription.last_purchase_id ?? null,
  }
}

type PlanTitles = { product_title: string | null; variant_title: string | null }
type Variant = { title?: string | null; product?: { title?: string | null } | null } | null
type WithVariant = { purchased_variant?: Variant; subscribed_variant?: Variant }
type Page = { take: number; skip: number }

// The aliases of the read-only links in src/links
const titleFields = (alias: keyof WithVariant) => [`${alias}.title`, `${alias}.product.title`]

function titlesOf(variant: Variant | undefined): PlanTitles {
  return {
    product_title: variant?.product?.title ?? null,
    variant_title: variant?.title ?? null,
  }
}

/**
 * Purchases with the titles of their tariff and plan, newest first, read
 * with Query across the purchase ↔ variant link (src/links). `withDeleted`
 * keeps the titles of plans taken off sale (purchases are never deleted).
 */
export async function listPurchasesWithTitles(
  container: MedusaContainer,
  filters: Record<string, unknown>,
  page: Page
) {
  const { data, metadata } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "purchase",
    fields: ["*", ...titleFields("purchased_variant")],
    filters,
    pagination: { ...page, order: { created_at: "DESC" } },
    withDeleted: true,
  })
  const purchases = (data as (PurchaseRecord & WithVariant)[]).map((p) => ({
    ...purchaseResponse(p),
    ...titlesOf(p.purchased_variant),
  }))
  return { purchases, count: metadata?.count ?? purchases.length }
}

/** Subscriptions with their tariff's and plan's titles, the latest ending first (see above). */
export async function listSubscriptionsWithTitles(
  container: MedusaContainer,
  filters: Record<string, unknown>,
  page: Page
) {
  const { data, metadata } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "subscription",
    fields: ["*", ...titleFields("subscribed_variant")],
    filters,
    pagination: { ...page, order: { ends_at: "DESC" } },
    withDeleted: true,
  })
  const subscriptions = await Promise.all(
    (data as unknown as (SubscriptionRecord & WithVariant)[]).map(async (s) => ({
      ...subscriptionResponse(s),
      next_charge: await nextChargeOf(container, s),
      ...titlesOf(s.subscribed_variant),
    }))
  )
  return { subscriptions, count: metadata?.count ?? subscriptions.length }
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
