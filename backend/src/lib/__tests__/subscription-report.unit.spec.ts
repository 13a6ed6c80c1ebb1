import {
  aggregate,
  bucketsOf,
  historyOf,
  mainCurrency,
  mrrAt,
  ratio,
  statusAt,
  type ReportPurchase,
  type ReportSubscription,
} from "../subscription-report"

const d = (iso: string) => new Date(iso)
const t = (iso: string) => d(iso).getTime()

const sub = (over: Partial<ReportSubscription> = {}): ReportSubscription => ({
  id: "sub_1",
  status: "active",
  is_trial: false,
  starts_at: d("2026-01-01T10:00:00Z"),
  ends_at: d("2026-02-01T10:00:00Z"),
  ...over,
})

const purchase = (over: Partial<ReportPurchase> = {}): ReportPurchase => ({
  subscription_id: "sub_1",
  kind: "new",
  status: "completed",
  original_amount: 399,
  total: 399,
  currency_code: "rub",
  interval: "month",
  interval_count: 1,
  period_start: d("2026-01-01T10:00:00Z"),
  created_at: d("2026-01-01T10:00:00Z"),
  completed_at: d("2026-01-01T10:00:00Z"),
  ...over,
})

const renewal = (start: string, status: "completed" | "failed", ranAt = start, over: Partial<ReportPurchase> = {}) =>
  purchase({
    kind: "renewal",
    status,
    period_start: d(start),
    created_at: d(ranAt),
    completed_at: status === "completed" ? d(ranAt) : null,
    ...over,
  })

describe("bucketsOf", () => {
  it("cuts days, ISO weeks (Monday) and months in UTC, covering the range", () => {
    expect(bucketsOf(d("2026-01-30T15:00:00Z"), d("2026-02-02T00:00:00Z"), "day").map((b) => b.start.toISOString())).toEqual([
      "2026-01-30T00:00:00.000Z",
      "2026-01-31T00:00:00.000Z",
      "2026-02-01T00:00:00.000Z",
    ])
    // 2026-01-01 is a Thursday: its week starts on Monday 2025-12-29
    const weeks = bucketsOf(d("2026-01-01T00:00:00Z"), d("2026-01-13T00:00:00Z"), "week")
    expect(weeks.map((b) => b.start.toISOString().slice(0, 10))).toEqual(["2025-12-29", "2026-01-05", "2026-01-12"])
    expect(weeks[0].end.toISOString()).toEqual("2026-01-05T00:00:00.000Z")
    const months = bucketsOf(d("2026-01-31T00:00:00Z"), d("2026-03-01T00:00:00Z"), "month")
    expect(months.map((b) => [b.start.toISOString().slice(0, 10), b.end.toISOString().slice(0, 10)])).toEqual([
      ["2026-01-01", "2026-02-01"],
      ["2026-02-01", "2026-03-01"],
    ])
  })
  it("gives no bucket for an empty range", () => {
    expect(bucketsOf(d("2026-01-01T00:00:00Z"), d("2026-01-01T00:00:00Z"), "day")).toEqual([])
  })
})

describe("statusAt", () => {
  it("is trialing on the Trial, active after the conversion, nothing after the end", () => {
    const h = historyOf(
      sub({ status: "expired", ends_at: d("2026-02-08T10:00:00Z") }),
      [
        purchase({ original_amount: 0, total: 0, interval: "day", interval_count: 7 }),
        renewal("2026-01-08T10:00:00Z", "completed", "2026-01-08T10:05:00Z"),
      ],
      null
    )
    expect(statusAt(h, t("2025-12-31T00:00:00Z"))).toBeNull()
    expect(statusAt(h, t("2026-01-05T00:00:00Z"))).toEqual("trialing")
    expect(statusAt(h, t("2026-01-09T00:00:00Z"))).toEqual("active")
    expect(statusAt(h, t("2026-02-08T10:00:00Z"))).toBeNull()
  })
  it("is past_due from the first decline until the renewal is paid", () => {
    const h = historyOf(
      sub(),
      [
        purchase(),
        renewal("2026-02-01T10:00:00Z", "failed", "2026-02-01T10:30:00Z"),
        renewal("2026-02-01T10:00:00Z", "failed", "2026-02-02T10:00:00Z"),
        renewal("2026-02-01T10:00:00Z", "completed", "2026-02-04T10:00:00Z"),
      ],
      null
    )
    expect(statusAt(h, t("2026-02-01T10:10:00Z"))).toEqual("active")
    expect(statusAt(h, t("2026-02-01T11:00:00Z"))).toEqual("past_due")
    expect(statusAt(h, t("2026-02-03T00:00:00Z"))).toEqual("past_due")
    expect(statusAt(h, t("2026-02-04T10:00:00Z"))).toEqual("active")
  })
  it("dates an attempt recorded before its period (the test clock) at the period start", () => {
    const h = historyOf(sub(), [purchase(), renewal("2026-02-01T10:00:00Z", "failed", "2026-01-01T12:00:00Z")], null)
    expect(statusAt(h, t("2026-01-31T00:00:00Z"))).toEqual("active")
    expect(statusAt(h, t("2026-02-01T10:00:00Z"))).toEqual("past_due")
  })
  it("keeps a live subscription live into the future", () => {
    const h = historyOf(sub({ status: "active", ends_at: d("2026-02-01T10:00:00Z") }), [purchase()], null)
    expect(statusAt(h, t("2027-01-01T00:00:00Z"))).toEqual("active")
  })
})

describe("mrrAt", () => {
  it("follows the renewal each period was headed for, with mixed periods", () => {
    const h = historyOf(
      sub({ status: "active" }),
      [
        purchase(),
        // renewed once on the monthly plan, then onto a yearly plan
        renewal("2026-02-01T10:00:00Z", "completed"),
        renewal("2026-03-01T10:00:00Z", "completed", "2026-03-01T10:00:00Z", { total: 3990, interval: "year" }),
      ],
      { amount: 3990, currency_code: "rub", interval: "year", interval_count: 1 }
    )
    expect(mrrAt(h, t("2026-01-15T00:00:00Z"))).toEqual({ mrr: 399, currency_code: "rub" })
    expect(mrrAt(h, t("2026-02-15T00:00:00Z"))).toEqual({ mrr: 332.5, currency_code: "rub" })
    // past the last renewal: what the next charge will be now
    expect(mrrAt(h, t("2026-06-01T00:00:00Z"))).toEqual({ mrr: 332.5, currency_code: "rub" })
  })
  it("is 0 when no renewal followed and nothing will be charged", () => {
    const h = historyOf(sub({ status: "canceled" }), [purchase()], null)
    expect(mrrAt(h, t("2026-01-15T00:00:00Z"))).toEqual({ mrr: 0, currency_code: "" })
    expect(mrrAt(h, t("2026-03-01T00:00:00Z"))).toBeNull()
  })
  it("counts a declined renewal at what it tried to charge while retries run", () => {
    const h = historyOf(
      sub({ status: "expired", ends_at: d("2026-02-06T10:00:00Z") }),
      [purchase({ interval: "day", interval_count: 7, total: 70 }), renewal("2026-02-01T10:00:00Z", "failed", "2026-02-01T10:00:00Z", { total: 70, interval: "day", interval_count: 7 })],
      null
    )
    expect(mrrAt(h, t("2026-02-03T00:00:00Z"))).toEqual({ mrr: 304.38, currency_code: "rub" })
  })
})

describe("aggregate", () => {
  const buckets = bucketsOf(d("2026-01-01T00:00:00Z"), d("2026-03-01T00:00:00Z"), "month")
  const a = historyOf(
    sub({ id: "a", status: "active" }),
    [purchase(), renewal("2026-02-01T10:00:00Z", "completed")],
    { amount: 399, currency_code: "rub", interval: "month", interval_count: 1 }
  )
  const bPurchases = [
    purchase({ subscription_id: "b" }),
    renewal("2026-02-01T10:00:00Z", "failed", "2026-02-01T10:00:00Z", { subscription_id: "b" }),
    renewal("2026-02-01T10:00:00Z", "failed", "2026-02-06T10:00:00Z", { subscription_id: "b" }),
  ]
  const b = historyOf(sub({ id: "b", status: "expired", ends_at: d("2026-02-06T10:00:00Z") }), bPurchases, null)
  const c = historyOf(
    sub({ id: "c", status: "canceled", starts_at: d("2026-01-20T00:00:00Z"), ends_at: d("2026-01-25T00:00:00Z") }),
    [purchase({ subscription_id: "c" })],
    null
  )
  const attempts = [renewal("2026-02-01T10:00:00Z", "completed"), ...bPurchases.slice(1)]

  it("counts statuses and MRR at each bucket's end, renewals and churn within it", () => {
    const points = aggregate([a, b, c], attempts, buckets, "rub")
    expect(points).toEqual([
      {
        start: "2026-01-01",
        trialing: 0,
        active: 2,
        past_due: 0,
        // a headed for 399, b for its (declined) 399
        mrr: 798,
        renewal_attempts: 0,
        renewals_paid: 0,
        renewal_success_rate: null,
        live_at_start: 0,
        ended: 1,
        churn_rate: null,
      },
      {
        start: "2026-02-01",
        trialing: 0,
        active: 1,
        past_due: 0,
        mrr: 399,
        renewal_attempts: 3,
        renewals_paid: 1,
        renewal_success_rate: 0.3333,
        live_at_start: 2,
        ended: 1,
        churn_rate: 0.5,
      },
    ])
  })
  it("leaves other currencies out of MRR", () => {
    const points = aggregate([a], [], buckets, "eur")
    expect(points.map((p) => p.mrr)).toEqual([0, 0])
    expect(mainCurrency([a, b, c], "eur")).toEqual("rub")
    expect(mainCurrency([], "rub")).toEqual("rub")
  })
  it("rounds ratios and has none for 0 / 0", () => {
    expect(ratio(2, 3)).toEqual(0.6667)
    expect(ratio(0, 0)).toBeNull()
    expect(ratio(0, 5)).toEqual(0)
  })
})
