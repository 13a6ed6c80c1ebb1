import type { PeriodInterval } from "../modules/subscription/lib/period"
import { monthlyRecurringAmount } from "./mrr"

/**
 * The subscription report (GET /admin/subscriptions/report): pure functions
 * over plain rows, so every figure is unit-tested without a server.
 *
 * History is reconstructed from what is stored, not from snapshots: a
 * subscription row keeps only its current state, but its timestamps and its
 * purchases (every charge and every renewal attempt is a row) say what it was
 * at any moment:
 *
 * - live from `starts_at` to `ends_at` if it has ended (`canceled` /
 *   `expired`: `ends_at` is when access ended), to the open future if it is
 *   live. Exact.
 * - `past_due` from its first declined renewal attempt of a period until that
 *   period's renewal was paid (or the subscription ended). Exact to the
 *   attempt's time (an attempt is dated by when it ran, never before the
 *   period it renews: under the test clock, by that period's start).
 * - `trialing` from the start of a subscription begun on the Trial (its first
 *   purchase cost nothing) until its first other charge or renewal attempt
 *   (the conversion). Exact.
 * - `active` otherwise.
 * - MRR at a moment: the renewal the subscription was headed for then, as a
 *   monthly amount (src/lib/mrr.ts): the amount of the next renewal attempt
 *   the records hold, or, past the last one, what the next charge will be
 *   now (`next_charge`). 0 when no renewal followed (it ended, or was
 *   cancelled / not renewing). Approximate in one way: whether a period
 *   would renew is known as of that period's end (or now, for the current
 *   period), not as of each moment inside it: a cancel made mid-period counts
 *   from the period's start, a cancel later withdrawn does not show.
 * - renewal success: attempts (`renewal` purchases completed or failed) in
 *   a bucket by their time; paid / attempts. Exact.
 * - churn: subscriptions that ended in a bucket / live at its start. Exact.
 *
 * Points (statuses, MRR) are taken at each bucket's end. Points after now
 * show the current records carried forward: what is known so far.
 */

export const REPORT_INTERVALS = ["day", "week", "month"] as const
export type ReportInterval = (typeof REPORT_INTERVALS)[number]

/** Statuses of a live subscription, in the order the report lists them. */
export const REPORT_STATUSES = ["trialing", "active", "past_due"] as const
export type ReportStatus = (typeof REPORT_STATUSES)[number]

export type Bucket = { start: Date; end: Date }

const DAY_MS = 24 * 60 * 60 * 1000

/** The UTC start of the day / ISO week (Monday) / month holding `at`. */
export function bucketStart(at: Date, interval: ReportInterval): Date {
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate())
  if (interval === "day") return new Date(day)
  if (interval === "week") return new Date(day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS)
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1))
}

function nextStart(start: Date, interval: ReportInterval): Date {
  if (interval === "day") return new Date(start.getTime() + DAY_MS)
  if (interval === "week") return new Date(start.getTime() + 7 * DAY_MS)
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1))
}

/** UTC buckets [start, end) covering [from, to), aligned on the interval. */
export function bucketsOf(from: Date, to: Date, interval: ReportInterval): Bucket[] {
  const buckets: Bucket[] = []
  for (let start = bucketStart(from, interval); start.getTime() < to.getTime(); ) {
    const end = nextStart(start, interval)
    buckets.push({ start, end })
    start = end
  }
  return buckets
}

/** A subscription row as the report reads it. */
export type ReportSubscription = {
  id: string
  status: string
  is_trial: boolean
  starts_at: Date
  ends_at: Date
}

/** A purchase of one of those subscriptions (completed or failed). */
export type ReportPurchase = {
  subscription_id: string
  kind: string
  status: string
  original_amount: number
  total: number
  currency_code: string
  interval: PeriodInterval
  interval_count: number
  period_start: Date | null
  created_at: Date
  completed_at: Date | null
}

/** What a live subscription's next charge will be now (src/lib/next-charge.ts), with its plan's terms. */
export type OpenRenewal = {
  amount: number
  currency_code: string
  interval: PeriodInterval
  interval_count: number
}

/** The renewal of one period: its attempts and when it was paid. */
type RenewalGroup = {
  start: number
  /** when the first declined attempt ran (past_due from then), or null */
  declined_at: number | null
  paid_at: number | null
  mrr: number
  currency_code: string
}

/** One subscription's reconstructed history (times in ms). */
export type History = {
  starts_at: number
  /** when it ended; Infinity while live */
  end: number
  /** trialing before this moment (-Infinity: not begun on the Trial) */
  trial_end: number
  renewals: RenewalGroup[]
  open: { mrr: number; currency_code: string } | null
}

const LIVE = new Set<string>(REPORT_STATUSES)

/** When an attempt ran: its own time, never before the period it renews. */
function attemptTime(p: ReportPurchase): number {
  const ran = (p.status === "completed" ? p.completed_at ?? p.created_at : p.created_at).getTime()
  return Math.max(ran, p.period_start!.getTime())
}

export function historyOf(
  s: ReportSubscription,
  purchases: ReportPurchase[],
  open: OpenRenewal | null
): History {
  const byStart = new Map<number, ReportPurchase[]>()
  for (const p of purchases) {
    if (p.kind !== "renewal" || !p.period_start || (p.status !== "completed" && p.status !== "failed")) continue
    const key = p.period_start.getTime()
    byStart.set(key, [...(byStart.get(key) ?? []), p])
  }
  const renewals = [...byStart.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, attempts]): RenewalGroup => {
      const paid = attempts.find((p) => p.status === "completed")
      const declined = attempts.filter((p) => p.status === "failed").map(attemptTime)
      // what it charged, else what its latest attempt tried to charge
      const charge = paid ?? attempts.reduce((a, b) => (a.created_at >= b.created_at ? a : b))
      return {
        start,
        declined_at: declined.length ? Math.min(...declined) : null,
        paid_at: paid ? attemptTime(paid) : null,
        mrr: monthlyRecurringAmount(charge.total, charge),
        currency_code: charge.currency_code,
      }
    })
  const charges = purchases.filter((p) => p.status === "completed" && p.kind !== "renewal")
  const first = charges.find((p) => p.kind === "new")
  const beganOnTrial = s.is_trial || (!!first && first.original_amount === 0)
  // the Trial ends at the first other charge (an upgrade) or renewal attempt (the conversion)
  const later = [
    ...charges.filter((p) => p !== first && p.period_start).map((p) => p.period_start!.getTime()),
    ...renewals.map((r) => r.start),
  ]
  return {
    starts_at: s.starts_at.getTime(),
    end: LIVE.has(s.status) ? Infinity : s.ends_at.getTime(),
    trial_end: beganOnTrial ? (later.length ? Math.min(...later) : Infinity) : -Infinity,
    renewals,
    open: open && LIVE.has(s.status)
      ? { mrr: monthlyRecurringAmount(open.amount, open), currency_code: open.currency_code }
      : null,
  }
}

/** Whether the subscription was live at `t` (ms). */
export function liveAt(h: History, t: number): boolean {
  return h.starts_at <= t && t < h.end
}

/** Its status at `t`, or null when it was not live then. */
export function statusAt(h: History, t: number): ReportStatus | null {
  if (!liveAt(h, t)) return null
  const dunning = h.renewals.some(
    (r) => r.declined_at !== null && r.declined_at <= t && (r.paid_at === null || t < r.paid_at)
  )
  if (dunning) return "past_due"
  return t < h.trial_end ? "trialing" : "active"
}

/** Its monthly recurring amount at `t` and the currency, or null when not live. */
export function mrrAt(h: History, t: number): { mrr: number; currency_code: string } | null {
  if (!liveAt(h, t)) return null
  const next = h.renewals.find((r) => r.paid_at === null || r.paid_at > t)
  if (next) return { mrr: next.mrr, currency_code: next.currency_code }
  return h.open ?? { mrr: 0, currency_code: "" }
}

export type ReportPoint = {
  /** the bucket's first day (YYYY-MM-DD, UTC) */
  start: string
  /** statuses and MRR at the bucket's end */
  trialing: number
  active: number
  past_due: number
  mrr: number
  renewal_attempts: number
  renewals_paid: number
  /** paid / attempts; null without attempts */
  renewal_success_rate: number | null
  /** live at the bucket's start */
  live_at_start: number
  /** ended (canceled or expired) within the bucket */
  ended: number
  /** ended / live at the start; null when none was live */
  churn_rate: number | null
}

/** A ratio rounded to four decimals (a percent to two), null for 0 / 0. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10000) / 10000 : null
}

/**
 * The report's points, one per bucket. `attempts` are the renewal purchases
 * (completed or failed) to count by their time; MRR sums subscriptions in
 * `currency` only.
 */
export function aggregate(
  histories: History[],
  attempts: ReportPurchase[],
  buckets: Bucket[],
  currency: string
): ReportPoint[] {
  const runs = attempts
    .filter((p) => p.kind === "renewal" && p.period_start && (p.status === "completed" || p.status === "failed"))
    .map((p) => ({ at: attemptTime(p), paid: p.status === "completed" }))
  return buckets.map(({ start, end }) => {
    const t0 = start.getTime()
    const t1 = end.getTime()
    const point = { trialing: 0, active: 0, past_due: 0 }
    let mrr = 0
    let liveAtStart = 0
    let ended = 0
    for (const h of histories) {
      const status = statusAt(h, t1)
      if (status) point[status] += 1
      const amount = mrrAt(h, t1)
      if (amount && amount.currency_code === currency) mrr += amount.mrr
      if (liveAt(h, t0)) liveAtStart += 1
      if (h.end >= t0 && h.end < t1) ended += 1
    }
    const inBucket = runs.filter((r) => r.at >= t0 && r.at < t1)
    const paid = inBucket.filter((r) => r.paid).length
    return {
      start: start.toISOString().slice(0, 10),
      ...point,
      mrr: Math.round(mrr * 100) / 100,
      renewal_attempts: inBucket.length,
      renewals_paid: paid,
      renewal_success_rate: ratio(paid, inBucket.length),
      live_at_start: liveAtStart,
      ended,
      churn_rate: ratio(ended, liveAtStart),
    }
  })
}

/** The currency most of these subscriptions charge in (the report's MRR currency). */
export function mainCurrency(histories: History[], fallback: string): string {
  const counts = new Map<string, number>()
  for (const h of histories) {
    const c = h.open?.currency_code ?? h.renewals[h.renewals.length - 1]?.currency_code
    if (c) counts.set(c, (counts.get(c) ?? 0) + 1)
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? fallback
}

/** The CSV's columns, in order: the chart's figures per bucket. */
export const REPORT_COLUMNS = [
  "start",
  "trialing",
  "active",
  "past_due",
  "mrr",
  "renewal_attempts",
  "renewals_paid",
  "renewal_success_rate",
  "live_at_start",
  "ended",
  "churn_rate",
] as const satisfies readonly (keyof ReportPoint)[]
