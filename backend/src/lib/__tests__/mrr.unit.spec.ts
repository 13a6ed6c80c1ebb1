import { monthlyRecurringAmount } from "../mrr"

describe("monthlyRecurringAmount", () => {
  it("keeps a monthly plan's amount", () => {
    expect(monthlyRecurringAmount(399, { interval: "month", interval_count: 1 })).toBe(399)
  })
  it("spreads a quarter and a year over their months", () => {
    expect(monthlyRecurringAmount(999, { interval: "month", interval_count: 3 })).toBe(333)
    expect(monthlyRecurringAmount(3990, { interval: "year", interval_count: 1 })).toBe(332.5)
  })
  it("turns a daily plan into an average month (365.25 / 12 days)", () => {
    expect(monthlyRecurringAmount(70, { interval: "day", interval_count: 7 })).toBe(304.38)
  })
  it("is 0 for a free renewal", () => {
    expect(monthlyRecurringAmount(0, { interval: "month", interval_count: 1 })).toBe(0)
  })
  it("refuses a negative amount or a bad period", () => {
    expect(() => monthlyRecurringAmount(-1, { interval: "month", interval_count: 1 })).toThrow(RangeError)
    expect(() => monthlyRecurringAmount(10, { interval: "month", interval_count: 0 })).toThrow(RangeError)
  })
})
