import {
  afterDecline,
  afterDiscountedRenewal,
  DEFAULT_RETRY_DAYS,
  isDue,
  nextRenewalDiscount,
  parseRenewalConcurrency,
  parseRetryDays,
  renewalStart,
  type RenewalDiscount,
  type RenewalRow,
} from "../lib/renewal"

const DAY = 86400000
const start = new Date("2026-03-31T10:15:00.000Z")
const plus = (ms: number) => new Date(start.getTime() + ms)

describe("parseRetryDays", () => {
  it.each([undefined, null, "", "  "])("%p → the default 1, 3, 5", (value) => {
    expect(parseRetryDays(value)).toEqual([1, 3, 5])
    expect(DEFAULT_RETRY_DAYS).toEqual([1, 3, 5])
  })

  it.each([
    ["2", [2]],
    ["1,2,4,7", [1, 2, 4, 7]],
    [" 1 , 3 ", [1, 3]],
  ])("%p → %p", (value, expected) => {
    expect(parseRetryDays(value)).toEqual(expected)
  })

  it.each(["0", "-1,2", "1,1", "3,2", "1.5", "a,b", "1,,3"])("refuses %p", (value) => {
    expect(() => parseRetryDays(value)).toThrow(RangeError)
  })
})

describe("parseRenewalConcurrency", () => {
  it.each([undefined, null, "", " "])("%p → the default 4", (value) => {
    expect(parseRenewalConcurrency(value)).toBe(4)
  })

  it.each([
    ["1", 1],
    [" 8 ", 8],
    ["32", 32],
  ])("%p → %p", (value, expected) => {
    expect(parseRenewalConcurrency(value)).toBe(expected)
  })

  it.each(["0", "-2", "33", "2.5", "four", "4x"])("refuses %p", (value) => {
    expect(() => parseRenewalConcurrency(value)).toThrow(RangeError)
  })
})

describe("afterDecline (retries after 1, 3 and 5 days, then expired)", () => {
  const days = [1, 3, 5]

  it.each([
    [1, 1],
    [2, 3],
    [3, 5],
  ])("decline #%d: past_due, next retry %d day(s) after the period end, access to the last retry", (declined, retryDay) => {
    const after = afterDecline(start, declined, days, plus(declined * DAY))
    expect(after).toEqual({
      status: "past_due",
      next_attempt_at: plus(retryDay * DAY),
      ends_at: plus(5 * DAY),
      renewal_attempts: declined,
    })
  })

  it("the decline after the last retry expires the subscription at that moment", () => {
    const now = plus(5 * DAY + 60000)
    expect(afterDecline(start, 4, days, now)).toEqual({ status: "expired", next_attempt_at: null, ends_at: now, renewal_attempts: 4 })
  })

  it("an expiry is never dated before the period start (a clock behind)", () => {
    expect(afterDecline(start, 4, days, plus(-DAY)).ends_at).toEqual(start)
  })

  it("follows a configured schedule", () => {
    expect(afterDecline(start, 1, [2], start)).toEqual(
      expect.objectContaining({ status: "past_due", next_attempt_at: plus(2 * DAY), ends_at: plus(2 * DAY) })
    )
    expect(afterDecline(start, 2, [2], plus(2 * DAY)).status).toEqual("expired")
  })
})

describe("isDue / renewalStart", () => {
  const row = (over: Partial<RenewalRow> = {}): RenewalRow => ({
    id: "sub_1",
    customer_id: "cus_1",
    status: "active",
    is_trial: false,
    variant_id: "v",
    pending_variant_id: null,
    convert_to_variant_id: null,
    currency_code: "rub",
    ends_at: start,
    cancel_at_period_end: false,
    auto_renew: true,
    payment_method: { id: "emupm_success_1", brand: "visa", last4: "4242" },
    account_holder_id: null,
    payment_method_charges: 0,
    renewal_period_start: null,
    renewal_attempts: 0,
    next_attempt_at: null,
    renewal_discount: null,
    renewal_discounts_left: null,
    ...over,
  })

  it("an active or trialing subscription is due from its period end", () => {
    expect(isDue(row(), plus(-1))).toBe(false)
    expect(isDue(row(), start)).toBe(true)
    expect(isDue(row({ status: "trialing" }), plus(1))).toBe(true)
  })

  it.each([
    ["auto-renew off", { auto_renew: false }],
    ["no card", { payment_method: null }],
    ["cancelled", { cancel_at_period_end: true }],
    ["ended", { status: "expired" }],
    ["canceled", { status: "canceled" }],
  ])("%s: never due", (_label, over) => {
    expect(isDue(row(over as Partial<RenewalRow>), plus(100 * DAY), true)).toBe(false)
  })

  it("a past_due subscription is due at its next retry, or at once with a new card", () => {
    const pastDue = row({ status: "past_due", ends_at: plus(5 * DAY), renewal_period_start: start, next_attempt_at: plus(DAY) })
    expect(isDue(pastDue, plus(DAY - 1))).toBe(false)
    expect(isDue(pastDue, plus(DAY - 1), true)).toBe(true)
    expect(isDue(pastDue, plus(DAY))).toBe(true)
    expect(renewalStart(pastDue)).toEqual(start)
    expect(renewalStart(row())).toEqual(start)
  })
})

describe("renewal discount (a repeating or forever promo code)", () => {
  const discount: RenewalDiscount = {
    promocode_id: "promo_1",
    code: "HALF",
    type: "percentage",
    value: 50,
    currency_code: null,
  }

  it("applies while renewals are left, and to every renewal when forever", () => {
    expect(nextRenewalDiscount({ renewal_discount: discount, renewal_discounts_left: 2 })).toEqual(discount)
    expect(nextRenewalDiscount({ renewal_discount: discount, renewal_discounts_left: null })).toEqual(discount)
    expect(nextRenewalDiscount({ renewal_discount: discount, renewal_discounts_left: 0 })).toBeNull()
    expect(nextRenewalDiscount({ renewal_discount: null, renewal_discounts_left: null })).toBeNull()
  })

  it("a paid renewal uses one up, and clears the last one", () => {
    expect(afterDiscountedRenewal({ renewal_discount: discount, renewal_discounts_left: 2 })).toEqual({
      renewal_discount: discount,
      renewal_discounts_left: 1,
    })
    expect(afterDiscountedRenewal({ renewal_discount: discount, renewal_discounts_left: 1 })).toEqual({
      renewal_discount: null,
      renewal_discounts_left: null,
    })
    expect(afterDiscountedRenewal({ renewal_discount: discount, renewal_discounts_left: null })).toEqual({
      renewal_discount: discount,
      renewal_discounts_left: null,
    })
  })
})
