import type { CreateNotificationDTO, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CATALOG_LOCALES, type Lang } from "../../../lib/i18n"
import { nextChargeOf } from "../../../lib/next-charge"
import { subscriptionService } from "../../../lib/purchases"
import type { PaymentMethod, PurchaseDTO, SubscriptionDTO } from "../../../modules/subscription"
import { notificationKey } from "../../../notifications/events"
import { customerLanguage } from "../../../notifications/language"
import { accountUrl, tariffsUrl } from "../../../notifications/links"
import { renderNotification, type NotificationTemplate, type TemplateData } from "../../../notifications/templates"

export type NotificationRequest = {
  template: NotificationTemplate
  subscription_id: string
  /** receipt, payment_failed: the purchase */
  purchase_id?: string
  /** reminders: the period end they announce */
  ends_at?: string
  /** subscription_canceled: who cancelled */
  by?: "customer" | "admin"
}

/** What a template needs besides the subscription: its key, its data. Null: nothing to tell (any more). */
type Built<T extends NotificationTemplate> = { which: string | Date; data: TemplateData[T] } | null

type Context = {
  container: MedusaContainer
  subscription: SubscriptionDTO
  lang: Lang
  plan: (variantId: string) => Promise<string>
}

const iso = (date: Date | string) => new Date(date).toISOString()
const money = (amount: unknown, currency_code: string) => ({ amount: Number(amount), currency_code })
const cardOf = (s: SubscriptionDTO) => (s.payment_method as PaymentMethod | null) ?? null
const isLive = (s: SubscriptionDTO) => ["trialing", "active", "past_due"].includes(s.status)

async function purchaseOf(ctx: Context, id: string | undefined, status: PurchaseDTO["status"]) {
  const purchase = id ? await subscriptionService(ctx.container).retrievePurchase(id).catch(() => null) : null
  return purchase && purchase.status === status && purchase.subscription_id === ctx.subscription.id ? purchase : null
}

/** Per template: reads what it tells from the current state; null when the occasion has passed. */
const BUILDERS: { [T in NotificationTemplate]: (ctx: Context, req: NotificationRequest) => Promise<Built<T>> } = {
  receipt: async (ctx, req) => {
    const purchase = await purchaseOf(ctx, req.purchase_id, "completed")
    if (!purchase) return null
    const total = Number(purchase.total)
    const currency = purchase.currency_code
    return {
      which: purchase.id,
      data: {
        purchase_id: purchase.id,
        kind: purchase.kind,
        plan: await ctx.plan(purchase.variant_id),
        total: money(total, currency),
        discount: Number(purchase.discount_amount) > 0 ? money(purchase.discount_amount, currency) : null,
        credit: Number(purchase.credit_amount ?? 0) > 0 ? money(purchase.credit_amount, currency) : null,
        period_start: iso(purchase.period_start ?? ctx.subscription.current_period_start),
        period_end: iso(purchase.period_end ?? ctx.subscription.ends_at),
        card_last4: total > 0 ? (cardOf(ctx.subscription)?.last4 ?? null) : null,
      },
    }
  },

  renewal_reminder: async (ctx, req) => {
    const s = ctx.subscription
    const card = cardOf(s)
    if (s.status !== "active" || !card || iso(s.ends_at) !== req.ends_at) return null
    const next = await nextChargeOf(ctx.container, s)
    if (!next) return null
    return {
      which: new Date(s.ends_at),
      data: {
        plan: await ctx.plan(s.pending_variant_id ?? s.variant_id),
        renews_at: iso(s.ends_at),
        amount: money(next.amount, next.currency_code),
        card_last4: card.last4,
        account_url: accountUrl(ctx.lang),
      },
    }
  },

  payment_failed: async (ctx, req) => {
    const s = ctx.subscription
    const purchase = await purchaseOf(ctx, req.purchase_id, "failed")
    if (!purchase || s.status !== "past_due" || !s.next_attempt_at) return null
    return {
      which: purchase.id,
      data: {
        plan: await ctx.plan(purchase.variant_id),
        amount: money(purchase.total, purchase.currency_code),
        card_last4: cardOf(s)?.last4 ?? null,
        next_attempt_at: iso(s.next_attempt_at),
        access_until: iso(s.ends_at),
        account_url: accountUrl(ctx.lang),
      },
    }
  },

  subscription_canceled: async (ctx, req) => {
    const s = ctx.subscription
    const ended = s.status === "canceled"
    // resumed before this was sent: nothing to tell
    if (!s.canceled_at || (!ended && !(isLive(s) && s.cancel_at_period_end))) return null
    return {
      which: new Date(s.canceled_at),
      data: {
        plan: await ctx.plan(s.variant_id),
        access_until: iso(s.ends_at),
        ended,
        by: req.by ?? "customer",
        account_url: accountUrl(ctx.lang),
      },
    }
  },

  subscription_expired: async (ctx) => {
    const s = ctx.subscription
    if (s.status !== "expired") return null
    return {
      which: new Date(s.ends_at),
      data: { plan: await ctx.plan(s.variant_id), ended_at: iso(s.ends_at), tariffs_url: tariffsUrl(ctx.lang) },
    }
  },

  trial_ending: async (ctx, req) => {
    const s = ctx.subscription
    if (s.status !== "trialing" || iso(s.ends_at) !== req.ends_at) return null
    const next = await nextChargeOf(ctx.container, s)
    const target = s.pending_variant_id ?? s.convert_to_variant_id
    const card = cardOf(s)
    return {
      which: new Date(s.ends_at),
      data: {
        plan: await ctx.plan(s.variant_id),
        ends_at: iso(s.ends_at),
        conversion:
          next && target && card
            ? { plan: await ctx.plan(target), amount: money(next.amount, next.currency_code), card_last4: card.last4 }
            : null,
        account_url: accountUrl(ctx.lang),
      },
    }
  },
}

/** "<tariff> (<plan>)" in the language, from the Translation Module where translated. */
function planNames(container: MedusaContainer, lang: Lang) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  return async (variantId: string): Promise<string> => {
    const { data: [variant] } = await query.graph(
      { entity: "product_variant", fields: ["id", "title", "product.title"], filters: { id: variantId } },
      { locale: CATALOG_LOCALES[lang] }
    )
    if (!variant) return variantId
    return variant.product?.title ? `${variant.product.title} (${variant.title ?? ""})` : (variant.title ?? variantId)
  }
}

/**
 * The notification to send for a request, in the customer's language
 * (`to`: their email; `receiver_id`, `resource_type: "subscription"`,
 * `resource_id`: the subscription; `data`: the template's data and
 * `locale`; `content`: subject, text, html). Null when there is nothing to
 * tell: the subscription, the purchase or the email is gone, or the state
 * moved on (resumed, renewed) before the event was handled.
 */
export async function buildNotification(
  container: MedusaContainer,
  req: NotificationRequest
): Promise<CreateNotificationDTO | null> {
  const subscription = await subscriptionService(container).retrieveSubscription(req.subscription_id).catch(() => null)
  if (!subscription) return null
  const { data: [customer] } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "customer",
    fields: ["id", "email", "metadata"],
    filters: { id: subscription.customer_id },
  })
  if (!customer?.email) return null
  const lang = customerLanguage(customer.metadata)
  const ctx: Context = { container, subscription, lang, plan: planNames(container, lang) }
  const build = BUILDERS[req.template] as (ctx: Context, req: NotificationRequest) => Promise<Built<NotificationTemplate>>
  const built = await build(ctx, req)
  if (!built) return null
  const content = renderNotification(req.template, lang, built.data)
  return {
    to: customer.email,
    channel: "email",
    template: req.template,
    trigger_type: `subscription.${req.template}`,
    resource_type: "subscription",
    resource_id: subscription.id,
    receiver_id: customer.id,
    idempotency_key: notificationKey(req.template, subscription.id, built.which),
    data: { ...built.data, locale: lang },
    content,
  }
}

export const buildNotificationStep = createStep(
  "build-subscription-notification",
  async (req: NotificationRequest, { container }) => new StepResponse(await buildNotification(container, req))
)
