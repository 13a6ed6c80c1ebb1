import type { MedusaContainer } from "@medusajs/framework/types"
import { nextRenewalOf } from "../../../../lib/next-charge"
import { subscriptionService } from "../../../../lib/purchases"
import {
  aggregate,
  bucketsOf,
  historyOf,
  mainCurrency,
  REPORT_STATUSES,
  type OpenRenewal,
  type ReportInterval,
  type ReportPoint,
  type ReportPurchase,
} from "../../../../lib/subscription-report"

/** rows read per query */
const PAGE_SIZE = 5000
/** subscriptions whose purchases are read in one query */
const CHUNK = 500
/** the currency of the report's MRR when no subscription says otherwise */
const DEFAULT_CURRENCY = "rub"

export type SubscriptionReport = {
  from: string
  to: string
  interval: ReportInterval
  currency_code: string
  points: ReportPoint[]
}

const SUBSCRIPTION_FIELDS = [
  "id",
  "status",
  "is_trial",
  "starts_at",
  "ends_at",
  "variant_id",
  "pending_variant_id",
  "convert_to_variant_id",
  "auto_renew",
  "cancel_at_period_end",
  "next_attempt_at",
  "payment_method",
  "renewal_discount",
  "renewal_discounts_left",
] as const

const PURCHASE_FIELDS = [
  "id",
  "subscription_id",
  "kind",
  "status",
  "original_amount",
  "total",
  "currency_code",
  "interval",
  "interval_count",
  "period_start",
  "created_at",
  "completed_at",
] as const

/**
 * The subscription report over [from, to) in buckets of `interval` (the pure
 * rules and what is exact: src/lib/subscription-report.ts). Reads the
 * subscriptions that could be live in the range (begun before its end, not
 * ended before its start) page by page, their completed and failed
 * purchases, and the next charge of the live ones.
 */
export async function subscriptionReport(
  container: MedusaContainer,
  { from, to, interval }: { from: Date; to: Date; interval: ReportInterval }
): Promise<SubscriptionReport> {
  const service = subscriptionService(container)
  const buckets = bucketsOf(from, to, interval)
  const first = buckets[0]?.start ?? from
  const last = buckets[buckets.length - 1]?.end ?? to
  const histories: ReturnType<typeof historyOf>[] = []
  const attempts: ReportPurchase[] = []
  let after: string | null = null
  for (;;) {
    const subscriptions = await service.listSubscriptions(
      {
        starts_at: { $lt: last },
        $or: [{ status: [...REPORT_STATUSES] }, { ends_at: { $gte: first } }],
        ...(after ? { id: { $gt: after } } : {}),
      },
      { select: [...SUBSCRIPTION_FIELDS], take: PAGE_SIZE, order: { id: "ASC" } }
    )
    for (let i = 0; i < subscriptions.length; i += CHUNK) {
      const chunk = subscriptions.slice(i, i + CHUNK)
      const purchases = await purchasesOf(container, chunk.map((s) => s.id))
      attempts.push(...purchases.filter((p) => p.kind === "renewal"))
      const bySubscription = new Map<string, ReportPurchase[]>()
      for (const p of purchases) {
        bySubscription.set(p.subscription_id, [...(bySubscription.get(p.subscription_id) ?? []), p])
      }
      for (const s of chunk) {
        const next = await nextRenewalOf(container, s as Parameters<typeof nextRenewalOf>[1])
        const open: OpenRenewal | null = next && {
          amount: next.amount,
          currency_code: next.currency_code,
          interval: next.interval,
          interval_count: next.interval_count,
        }
        histories.push(
          historyOf(
            { ...s, starts_at: new Date(s.starts_at), ends_at: new Date(s.ends_at) },
            bySubscription.get(s.id) ?? [],
            open
          )
        )
      }
    }
    if (subscriptions.length < PAGE_SIZE) break
    after = subscriptions[subscriptions.length - 1].id
  }
  const currency = mainCurrency(histories, DEFAULT_CURRENCY)
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    interval,
    currency_code: currency,
    points: aggregate(histories, attempts, buckets, currency),
  }
}

/** The completed and failed purchases of these subscriptions, as the report reads them. */
async function purchasesOf(container: MedusaContainer, ids: string[]): Promise<ReportPurchase[]> {
  const service = subscriptionService(container)
  const rows: ReportPurchase[] = []
  let after: string | null = null
  for (;;) {
    const page = await service.listPurchases(
      { subscription_id: ids, status: ["completed", "failed"], ...(after ? { id: { $gt: after } } : {}) },
      { select: [...PURCHASE_FIELDS], take: PAGE_SIZE, order: { id: "ASC" } }
    )
    for (const p of page) {
      rows.push({
        subscription_id: p.subscription_id!,
        kind: p.kind,
        status: p.status,
        original_amount: Number(p.original_amount),
        total: Number(p.total),
        currency_code: p.currency_code,
        interval: p.interval,
        interval_count: p.interval_count,
        period_start: p.period_start ? new Date(p.period_start) : null,
        created_at: new Date(p.created_at),
        completed_at: p.completed_at ? new Date(p.completed_at) : null,
      })
    }
    if (page.length < PAGE_SIZE) break
    after = page[page.length - 1].id
  }
  return rows
}
