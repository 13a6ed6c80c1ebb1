import { computeDiscount } from "../../promocode/lib/discount"
import {
  currencyDigits,
  decidePlanChange,
  type DecideInput,
  unusedCredit,
} from "../lib/plan-change"

const at = (iso: string) => new Date(iso)
const SECOND = 1000
const DAY = 86400 * SECOND

describe("unusedCredit", () => {
  const month = { paid: 399, period_start: at("2026-01-01T00:00:00Z"), period_end: at("2026-02-01T00:00:00Z"), currency_code: "rub" }

  it("credits all of it at the start and nothing at or after the end", () => {
    expect(unusedCredit({ ...month, at: month.period_start })).toEqual(399)
    expect(unusedCredit({ ...month, at: at("2025-12-31T00:00:00Z") })).toEqual(399)
    expect(unusedCredit({ ...month, at: month.period_end })).toEqual(0)
    expect(unusedCredit({ ...month, at: at("2026-03-01T00:00:00Z") })).toEqual(0)
  })

  it("rounds down to the kopeck in the last second and the last day of the period", () => {
    // 399 × 1 s / 31 days = 0.000149 RUB: less than a kopeck
    expect(unusedCredit({ ...month, at: new Date(month.period_end.getTime() - SECOND) })).toEqual(0)
    // 399 × 1 day / 31 days = 12.870967... → 12.87
    expect(unusedCredit({ ...month, at: new Date(month.period_end.getTime() - DAY) })).toEqual(12.87)
    // 399 × 30 days / 31 days = 386.129032... → 386.12 (down, not to the nearest)
    expect(unusedCredit({ ...month, at: new Date(month.period_start.getTime() + DAY) })).toEqual(386.12)
  })

  it("uses the real length of a leap-year yearly plan (366 days)", () => {
    const year = { paid: 3990, period_start: at("2024-01-01T00:00:00Z"), period_end: at("2025-01-01T00:00:00Z"), currency_code: "rub" }
    // half of 366 days remains on July 2nd: exactly half
    expect(unusedCredit({ ...year, at: at("2024-07-02T00:00:00Z") })).toEqual(1995)
    // on Feb 29: 307 of 366 days remain → 3346.803278... → 3346.80
    expect(unusedCredit({ ...year, at: at("2024-02-29T00:00:00Z") })).toEqual(3346.8)
  })

  it("is exact in minor units where floats are not, and knows zero-decimal currencies", () => {
    const tenth = { paid: "0.3", period_start: at("2026-01-01T00:00:00Z"), period_end: at("2026-01-04T00:00:00Z"), currency_code: "usd" }
    // 0.3 × 2/3 = 0.2 exactly in cents; with floats 0.3 * 2 / 3 * 100 = 19.999999999999996
    expect(unusedCredit({ ...tenth, at: at("2026-01-02T00:00:00Z") })).toEqual(0.2)
    expect(currencyDigits("jpy")).toEqual(0)
    expect(currencyDigits("rub")).toEqual(2)
    expect(unusedCredit({ ...tenth, paid: 1000, currency_code: "jpy", at: at("2026-01-02T00:00:00Z") })).toEqual(666)
  })
})

describe("decidePlanChange", () => {
  const now = at("2026-01-16T00:00:00Z")
  const live = {
    id: "sub_1",
    variant_id: "standard_month",
    is_trial: false,
    current_period_start: at("2026-01-01T00:00:00Z"),
    ends_at: at("2026-01-31T00:00:00Z"),
    period_amount: 300,
    currency_code: "rub",
  }
  const input = (over: Partial<DecideInput> = {}): DecideInput => ({
    live,
    plan: { variant_id: "premium_month", price: 699, currency_code: "rub", is_trial: false },
    current_price: 300,
    trial: { available: false, reason: "paid_subscription" },
    now,
    ...over,
  })

  it("refuses the Trial to a customer who may not take it, whatever the subscription", () => {
    const trial = { variant_id: "trial", price: 0, currency_code: "rub", is_trial: true }
    expect(() => decidePlanChange(input({ plan: trial }))).toThrow(expect.objectContaining({ code: "TRIAL_NOT_AVAILABLE" }))
    expect(() => decidePlanChange(input({ plan: trial, live: null, trial: { available: false, reason: "trial_used" } }))).toThrow(
      expect.objectContaining({ code: "TRIAL_NOT_AVAILABLE" })
    )
    expect(decidePlanChange(input({ plan: trial, live: null, trial: { available: true, reason: null } }))).toEqual(
      expect.objectContaining({ change: "new", chargeable_amount: 0 })
    )
  })

  it("starts anew without a live subscription or once it has ended", () => {
    expect(decidePlanChange(input({ live: null }))).toEqual({
      change: "new", credit_amount: 0, chargeable_amount: 699, effective_at: now, subscription_id: null, extra_ms: 0,
    })
    expect(decidePlanChange(input({ live: { ...live, ends_at: now } })).change).toEqual("new")
  })

  it("appends a period for the same plan, from the current end", () => {
    expect(decidePlanChange(input({ plan: { variant_id: "standard_month", price: 300, currency_code: "rub", is_trial: false } }))).toEqual({
      change: "extension", credit_amount: 0, chargeable_amount: 300, effective_at: live.ends_at, subscription_id: "sub_1", extra_ms: 0,
    })
  })

  it("upgrades to a higher price now, crediting the unused half", () => {
    // 15 of 30 days remain: 150 credited
    expect(decidePlanChange(input())).toEqual({
      change: "upgrade", credit_amount: 150, chargeable_amount: 549, effective_at: now, subscription_id: "sub_1", extra_ms: 0,
    })
  })

  it("credits at most the new price and turns the rest into time; credits nothing across currencies", () => {
    const rich = { ...live, period_amount: 5000 }
    // 2500 unused, 699 credited; the other 1801 buy 1801/699 of a 31-day month (Jan 16 → Feb 16)
    const monthly = { variant_id: "premium_month", price: 699, currency_code: "rub", is_trial: false, interval: "month" as const, interval_count: 1 }
    expect(decidePlanChange(input({ live: rich, plan: monthly }))).toEqual(
      expect.objectContaining({ credit_amount: 699, chargeable_amount: 0, extra_ms: 6900999141 })
    )
    // without the plan's terms, no time is computed
    expect(decidePlanChange(input({ live: rich })).extra_ms).toEqual(0)
    expect(decidePlanChange(input({ live: { ...live, currency_code: "usd" } }))).toEqual(expect.objectContaining({ credit_amount: 0, chargeable_amount: 699 }))
  })

  it("schedules a plan whose price is not higher for the period end, charging nothing", () => {
    expect(decidePlanChange(input({ current_price: 699, plan: { variant_id: "standard_month", price: 399, currency_code: "rub", is_trial: false }, live: { ...live, variant_id: "premium_month" } }))).toEqual({
      change: "scheduled", credit_amount: 0, chargeable_amount: 0, effective_at: live.ends_at, subscription_id: "sub_1", extra_ms: 0,
    })
  })

  it("lets a promo code apply to the charge after the credit, never below 0", () => {
    const { chargeable_amount } = decidePlanChange(input())
    const full = computeDiscount({ type: "percentage", value: 100, currency_code: null }, { amount: chargeable_amount, currency_code: "rub" })
    expect([Number(full.discount_amount), Number(full.total)]).toEqual([549, 0])
    const fixed = computeDiscount({ type: "fixed", value: 1000, currency_code: "rub" }, { amount: chargeable_amount, currency_code: "rub" })
    expect([Number(fixed.discount_amount), Number(fixed.total)]).toEqual([549, 0])
    const ten = computeDiscount({ type: "percentage", value: 10, currency_code: null }, { amount: chargeable_amount, currency_code: "rub" })
    expect(Number(ten.total)).toEqual(494.1)
  })
})
