import { BigNumber, MathBN } from "@medusajs/framework/utils"
import { computeDiscount } from "../lib/discount"
import { PromocodeError } from "../lib/errors"

const pct = (value: number | string) => ({
  type: "percentage" as const,
  value,
  currency_code: null,
})
const fixed = (value: number | string, currency_code = "rub") => ({
  type: "fixed" as const,
  value,
  currency_code,
})
const free = { type: "free_period" as const, value: null, currency_code: null }

function numbers(result: ReturnType<typeof computeDiscount>) {
  return {
    original_amount: result.original_amount.numeric,
    discount_amount: result.discount_amount.numeric,
    total: result.total.numeric,
    currency_code: result.currency_code,
  }
}

describe("computeDiscount", () => {
  it("takes a percentage off", () => {
    expect(numbers(computeDiscount(pct(10), { amount: 399, currency_code: "RUB" }))).toEqual({
      original_amount: 399,
      discount_amount: 39.9,
      total: 359.1,
      currency_code: "rub",
    })
  })

  it("rounds a percentage discount half up to 2 decimals", () => {
    // 33% of 0.5 = 0.165 -> 0.17
    const half = computeDiscount(pct(33), { amount: "0.5", currency_code: "rub" })
    expect(half.discount_amount.numeric).toBe(0.17)
    expect(half.total.numeric).toBe(0.33)
    // 15% of 0.1 = 0.015 -> 0.02; 14% of 0.1 = 0.014 -> 0.01
    expect(
      computeDiscount(pct(15), { amount: "0.1", currency_code: "rub" })
        .discount_amount.numeric
    ).toBe(0.02)
    expect(
      computeDiscount(pct(14), { amount: "0.1", currency_code: "rub" })
        .discount_amount.numeric
    ).toBe(0.01)
    // 12.5% of 699 = 87.375 -> 87.38
    const premium = computeDiscount(pct("12.5"), { amount: 699, currency_code: "rub" })
    expect(premium.discount_amount.numeric).toBe(87.38)
    expect(premium.total.numeric).toBe(611.62)
  })

  it("is exact where floats are not", () => {
    // 0.1 + 0.2 style trap: 3% of 0.3 = 0.009 -> 0.01, total 0.29
    const r = computeDiscount(pct(3), { amount: "0.3", currency_code: "rub" })
    expect(r.discount_amount.numeric).toBe(0.01)
    expect(r.total.numeric).toBe(0.29)
    expect(MathBN.convert(r.total).toFixed()).toBe("0.29")
  })

  it("100% makes it free, never negative", () => {
    const r = computeDiscount(pct(100), { amount: 399, currency_code: "rub" })
    expect(r.discount_amount.numeric).toBe(399)
    expect(r.total.numeric).toBe(0)
  })

  it("takes a fixed amount off in the same currency (case-insensitive)", () => {
    expect(
      numbers(computeDiscount(fixed(100, "RUB"), { amount: 399, currency_code: "rub" }))
    ).toEqual({ original_amount: 399, discount_amount: 100, total: 299, currency_code: "rub" })
  })

  it("caps a fixed amount at the price: total never below 0", () => {
    const r = computeDiscount(fixed(500), { amount: 399, currency_code: "rub" })
    expect(r.discount_amount.numeric).toBe(399)
    expect(r.total.numeric).toBe(0)
  })

  it("a fixed amount equal to the price gives exactly 0", () => {
    const r = computeDiscount(fixed("399.00"), { amount: 399, currency_code: "rub" })
    expect(r.total.numeric).toBe(0)
  })

  it("keeps decimals of a fixed amount", () => {
    const r = computeDiscount(fixed("0.01"), { amount: "399.99", currency_code: "rub" })
    expect(MathBN.convert(r.total).toFixed()).toBe("399.98")
  })

  it("refuses a fixed amount in another currency", () => {
    let error: unknown
    try {
      computeDiscount(fixed(100, "usd"), { amount: 399, currency_code: "rub" })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(PromocodeError)
    expect((error as PromocodeError).code).toBe("PROMOCODE_NOT_APPLICABLE")
  })

  it("a free period costs 0", () => {
    expect(numbers(computeDiscount(free, { amount: 699, currency_code: "rub" }))).toEqual({
      original_amount: 699,
      discount_amount: 699,
      total: 0,
      currency_code: "rub",
    })
  })

  it("a price of 0 stays 0", () => {
    for (const promo of [pct(50), fixed(100), free]) {
      const r = computeDiscount(promo, { amount: 0, currency_code: "rub" })
      expect(r.discount_amount.numeric).toBe(0)
      expect(r.total.numeric).toBe(0)
    }
  })

  it("accepts BigNumber and raw inputs", () => {
    const r = computeDiscount(
      { type: "percentage", value: { value: "10", precision: 20 }, currency_code: null },
      { amount: new BigNumber(399), currency_code: "rub" }
    )
    expect(r.total.numeric).toBe(359.1)
  })

  it.each([-1, "abc", "-0.01"])("refuses amount %j", (amount) => {
    expect(() =>
      computeDiscount(pct(10), { amount, currency_code: "rub" })
    ).toThrow(/amount/)
  })

  it("serializes to plain numbers in JSON", () => {
    const r = computeDiscount(pct(10), { amount: 399, currency_code: "rub" })
    expect(JSON.parse(JSON.stringify(r))).toEqual({
      original_amount: 399,
      discount_amount: 39.9,
      total: 359.1,
      currency_code: "rub",
    })
  })
})
