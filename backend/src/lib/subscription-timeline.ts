import type { MedusaContainer } from "@medusajs/framework/types"
import { MathBN, Modules } from "@medusajs/framework/utils"
import type { TimelineEntry } from "../api/schemas/admin-subscriptions"
import { subscriptionService } from "./purchases"

/** Dates as Dates until the response is written. */
type Entry = Omit<TimelineEntry, "at" | "period_start" | "period_end"> & {
  at: Date
  period_start: Date | null
  period_end: Date | null
}
type Subscription = { id: string; status: string; ends_at: Date | string }

const BLANK = {
  purchase_id: null,
  kind: null,
  amount: null,
  currency_code: null,
  reason: null,
  variant_id: null,
  template: null,
  channel: null,
  status: null,
  period_start: null,
  period_end: null,
} satisfies Omit<Entry, "type" | "at">

/** How many of each kind of record the timeline reads (a subscription has a few dozen at most). */
const LIMIT = 500

/**
 * The history of one subscription, newest first, from the records each part
 * keeps: its purchases (bought, renewed, declined), the Payment Module's
 * refunds of their payments, the subscription's events (cancel, resume,
 * scheduled plan change), its end, and the Notification Module's messages
 * about it (`resource_id` = the subscription). Also what each paid purchase
 * can still give back (the refund action's choices).
 */
export async function subscriptionTimeline(container: MedusaContainer, subscription: Subscription) {
  const service = subscriptionService(container)
  const [purchases, events, notifications] = await Promise.all([
    service.listPurchases({ subscription_id: subscription.id }, { take: LIMIT, order: { created_at: "DESC" } }),
    service.listSubscriptionEvents({ subscription_id: subscription.id }, { take: LIMIT, order: { created_at: "DESC" } }),
    container
      .resolve(Modules.NOTIFICATION)
      .listNotifications(
        { resource_type: "subscription", resource_id: subscription.id },
        { take: LIMIT, order: { created_at: "DESC" } }
      ),
  ])
  const paymentIds = purchases.map((p) => p.payment_id).filter((id): id is string => !!id)
  const payments = paymentIds.length
    ? await container.resolve(Modules.PAYMENT).listPayments({ id: paymentIds }, { relations: ["refunds"] })
    : []
  const paymentOf = new Map(payments.map((p) => [p.id, p]))

  const entries: Entry[] = []
  const refundable: {
    purchase_id: string
    kind: (typeof purchases)[number]["kind"]
    at: Date
    total: number
    refunded: number
    refundable: number
    currency_code: string
  }[] = []
  for (const p of purchases) {
    const money = { amount: Number(p.total), currency_code: p.currency_code }
    const period = { period_start: p.period_start ?? null, period_end: p.period_end ?? null }
    if (p.status === "failed") {
      entries.push({ ...BLANK, ...money, ...period, type: "decline", at: p.created_at, purchase_id: p.id, kind: p.kind, reason: p.failure_reason ?? null, status: p.status })
      continue
    }
    const type = p.kind === "renewal" ? "renewal" : "purchase"
    entries.push({ ...BLANK, ...money, ...period, type, at: p.completed_at ?? p.created_at, purchase_id: p.id, kind: p.kind, status: p.status })
    const payment = p.payment_id ? paymentOf.get(p.payment_id) : undefined
    if (!payment) {
      continue
    }
    for (const r of payment.refunds ?? []) {
      entries.push({ ...BLANK, type: "refund", at: new Date(r.created_at), purchase_id: p.id, kind: p.kind, amount: Number(r.amount), currency_code: p.currency_code })
    }
    if (p.status === "completed") {
      const refunded = MathBN.sum(0, ...(payment.refunds ?? []).map((r) => r.amount))
      refundable.push({
        purchase_id: p.id,
        kind: p.kind,
        at: p.completed_at ?? p.created_at,
        total: Number(payment.amount),
        refunded: refunded.toNumber(),
        refundable: MathBN.max(0, MathBN.sub(payment.amount, refunded)).toNumber(),
        currency_code: p.currency_code,
      })
    }
  }
  for (const e of events) {
    const data = (e.data ?? {}) as { variant_id?: string | null }
    entries.push({ ...BLANK, type: e.type, at: e.created_at, variant_id: data.variant_id ?? null })
  }
  const endedNow = events.some((e) => e.type === "canceled_now")
  if (subscription.status === "expired" || (subscription.status === "canceled" && !endedNow)) {
    entries.push({ ...BLANK, type: subscription.status === "expired" ? "expired" : "ended", at: new Date(subscription.ends_at) })
  }
  for (const n of notifications) {
    entries.push({ ...BLANK, type: "notification", at: n.created_at, template: n.template ?? null, channel: n.channel, status: n.status })
  }
  entries.sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime())
  return { timeline: entries, refundable }
}
