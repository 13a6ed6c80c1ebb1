import {
  addDays,
  addMonths,
  addPeriod,
  addYears,
  daysInMonth,
  isLeapYear,
  periodEnd,
} from "../lib/period"

const at = (iso: string) => new Date(iso)
const iso = (date: Date) => date.toISOString()

describe("period math (UTC)", () => {
  describe("months", () => {
    it.each([
      ["2025-01-15T10:00:00.000Z", 1, "2025-02-15T10:00:00.000Z"],
      ["2025-01-31T10:00:00.000Z", 1, "2025-02-28T10:00:00.000Z"],
      ["2024-01-31T10:00:00.000Z", 1, "2024-02-29T10:00:00.000Z"],
      ["2025-03-31T23:59:59.999Z", 1, "2025-04-30T23:59:59.999Z"],
      ["2025-08-31T00:00:00.000Z", 1, "2025-09-30T00:00:00.000Z"],
      ["2025-01-31T00:00:00.000Z", 3, "2025-04-30T00:00:00.000Z"],
      ["2025-11-30T12:00:00.000Z", 3, "2026-02-28T12:00:00.000Z"],
      ["2025-12-31T12:00:00.000Z", 1, "2026-01-31T12:00:00.000Z"],
      ["2025-12-15T12:00:00.000Z", 14, "2027-02-15T12:00:00.000Z"],
      ["2025-05-31T00:00:00.000Z", 12, "2026-05-31T00:00:00.000Z"],
      ["2024-03-31T00:00:00.000Z", -1, "2024-02-29T00:00:00.000Z"],
      ["2025-01-31T00:00:00.000Z", -2, "2024-11-30T00:00:00.000Z"],
    ])("%s + %i months = %s", (from, months, expected) => {
      expect(iso(addMonths(at(from), months))).toBe(expected)
    })

    it("clamps each step when chained from the previous end", () => {
      const first = addMonths(at("2025-01-31T00:00:00.000Z"), 1)
      expect(iso(first)).toBe("2025-02-28T00:00:00.000Z")
      expect(iso(addMonths(first, 1))).toBe("2025-03-28T00:00:00.000Z")
    })

    it("does not change the date it was given", () => {
      const from = at("2025-01-31T00:00:00.000Z")
      addMonths(from, 1)
      expect(iso(from)).toBe("2025-01-31T00:00:00.000Z")
    })
  })

  describe("years", () => {
    it.each([
      ["2024-02-29T08:00:00.000Z", 1, "2025-02-28T08:00:00.000Z"],
      ["2024-02-29T08:00:00.000Z", 4, "2028-02-29T08:00:00.000Z"],
      ["2025-06-10T08:00:00.000Z", 2, "2027-06-10T08:00:00.000Z"],
      ["2099-02-28T08:00:00.000Z", 1, "2100-02-28T08:00:00.000Z"],
    ])("%s + %i years = %s", (from, years, expected) => {
      expect(iso(addYears(at(from), years))).toBe(expected)
    })
  })

  describe("days", () => {
    it.each([
      ["2025-02-27T10:00:00.000Z", 2, "2025-03-01T10:00:00.000Z"],
      ["2024-02-28T10:00:00.000Z", 2, "2024-03-01T10:00:00.000Z"],
      ["2025-12-31T10:00:00.000Z", 1, "2026-01-01T10:00:00.000Z"],
      ["2025-03-29T10:00:00.000Z", 30, "2025-04-28T10:00:00.000Z"],
      ["2025-01-01T00:00:00.000Z", 365, "2026-01-01T00:00:00.000Z"],
      ["2024-01-01T00:00:00.000Z", 365, "2024-12-31T00:00:00.000Z"],
    ])("%s + %i days = %s", (from, days, expected) => {
      expect(iso(addDays(at(from), days))).toBe(expected)
    })
  })

  describe("leap years", () => {
    it.each([
      [2024, true],
      [2025, false],
      [2000, true],
      [1900, false],
      [2100, false],
    ])("%i leap: %s", (year, leap) => {
      expect(isLeapYear(year)).toBe(leap)
      expect(daysInMonth(year, 1)).toBe(leap ? 29 : 28)
    })

    it("knows the length of every month", () => {
      expect(
        Array.from({ length: 12 }, (_, month) => daysInMonth(2025, month))
      ).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
    })
  })

  describe("addPeriod / periodEnd", () => {
    const from = at("2025-01-31T09:00:00.000Z")

    it("multiplies the interval by the count", () => {
      expect(iso(addPeriod(from, "day", 7))).toBe("2025-02-07T09:00:00.000Z")
      expect(iso(addPeriod(from, "month", 1))).toBe("2025-02-28T09:00:00.000Z")
      expect(iso(addPeriod(from, "month", 6))).toBe("2025-07-31T09:00:00.000Z")
      expect(iso(addPeriod(from, "year", 1))).toBe("2026-01-31T09:00:00.000Z")
    })

    it("uses free_days instead of the plan's period when given", () => {
      expect(
        iso(periodEnd(from, { interval: "year", interval_count: 1, free_days: 14 }))
      ).toBe("2025-02-14T09:00:00.000Z")
      expect(
        iso(periodEnd(from, { interval: "month", interval_count: 1, free_days: null }))
      ).toBe("2025-02-28T09:00:00.000Z")
    })

    it.each([0, -1, 1.5, Number.NaN])(
      "rejects interval_count %p",
      (count) => {
        expect(() => addPeriod(from, "month", count)).toThrow(RangeError)
      }
    )

    it.each([0, -3, 2.5])("rejects free_days %p", (days) => {
      expect(() =>
        periodEnd(from, { interval: "month", interval_count: 1, free_days: days })
      ).toThrow(RangeError)
    })

    it("rejects an unknown interval and an invalid date", () => {
      expect(() => addPeriod(from, "week" as never, 1)).toThrow(RangeError)
      expect(() => addPeriod(new Date("nope"), "day", 1)).toThrow(RangeError)
    })
  })
})
