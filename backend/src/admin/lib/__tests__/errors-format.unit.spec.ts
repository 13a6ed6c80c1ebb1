import { valueAxis, niceStep } from "../chart-scale"
import { describeLoadError, mapServerError } from "../errors"
import {
  formatAmount,
  formatAmounts,
  formatPromocodeValue,
  formatUsage,
  formatWindow,
  parseWholeNumber,
  reasonLabel,
} from "../format"
import { PROMOCODE_FIELDS } from "../promocode-form"

const serverError = (message: string, status = 400) =>
  Object.assign(new Error(message), { status, statusText: "Bad Request" })

describe("mapServerError", () => {
  it("puts each part of a zod message at the field it names", () => {
    const mapped = mapServerError(
      serverError(
        "Invalid request: Expected type: 'number' for field 'value', got: 'string'; " +
          "Value for field 'usage_limit' too small, expected at least: '1'"
      ),
      PROMOCODE_FIELDS
    )
    expect(Object.keys(mapped.fields).sort()).toEqual(["usage_limit", "value"])
    expect(mapped.form).toBeNull()
  })

  it("reads the field named first in a rule's sentence", () => {
    expect(mapServerError(serverError("ends_at must be after starts_at."), PROMOCODE_FIELDS).fields).toEqual({
      ends_at: "ends_at must be after starts_at.",
    })
    expect(
      Object.keys(mapServerError(serverError("A fixed code needs a currency_code."), PROMOCODE_FIELDS).fields)
    ).toEqual(["currency_code"])
    expect(
      Object.keys(
        mapServerError(serverError("a percentage code needs a value"), PROMOCODE_FIELDS).fields
      )
    ).toEqual(["value"])
  })

  it("shows a duplicate or malformed code at the code field", () => {
    expect(
      Object.keys(mapServerError(serverError("A promo code SALE10 already exists."), PROMOCODE_FIELDS).fields)
    ).toEqual(["code"])
    expect(
      Object.keys(
        mapServerError(serverError("Promo code must be at most 64 characters long."), PROMOCODE_FIELDS).fields
      )
    ).toEqual(["code"])
  })

  it("keeps what names no known field for the form", () => {
    const mapped = mapServerError(serverError("Invalid request: Unrecognized fields: 'foo'"), PROMOCODE_FIELDS)
    expect(mapped.fields).toEqual({})
    expect(mapped.form).toBe("Unrecognized fields: 'foo'")
  })

  it("does not take a field-like word inside another word", () => {
    // "valued" is not the field "value"
    const mapped = mapServerError(serverError("Something valued went wrong"), PROMOCODE_FIELDS)
    expect(mapped.fields).toEqual({})
  })
})

describe("describeLoadError", () => {
  it("explains a missing route and an ended session", () => {
    expect(describeLoadError(serverError("Not Found", 404))).toMatch(/Not found/)
    expect(describeLoadError(serverError("Unauthorized", 401))).toMatch(/Sign in again/)
    expect(describeLoadError(new Error("boom"))).toBe("boom")
  })
})

describe("format", () => {
  it("writes what a code gives", () => {
    expect(formatPromocodeValue({ type: "percentage", value: "10", currency_code: null, free_days: null })).toBe("10%")
    expect(formatPromocodeValue({ type: "free_period", value: null, currency_code: null, free_days: 30 })).toBe(
      "30 days free"
    )
    expect(formatPromocodeValue({ type: "free_period", value: null, currency_code: null, free_days: 1 })).toBe(
      "1 day free"
    )
    expect(formatPromocodeValue({ type: "fixed", value: 100, currency_code: "rub", free_days: null })).toMatch(
      /100/
    )
  })

  it("writes money with the currency, decimals only when there are some", () => {
    expect(formatAmount(399, "rub")).toBe("₽399")
    expect(formatAmount("59.85", "rub")).toBe("₽59.85")
    expect(formatAmount(5, "xyz")).toMatch(/5/)
    // no sum at all is still money: zero in the store currency
    expect(formatAmounts([])).toBe("₽0")
    expect(formatAmounts([], "usd")).toBe("$0")
    expect(formatAmounts([{ currency_code: "rub", amount: 1 }, { currency_code: "usd", amount: 2 }])).toBe("₽1 + $2")
  })

  it("writes windows and usage", () => {
    expect(formatWindow(null, null)).toBe("Always")
    expect(formatWindow("2026-06-01T00:00:00Z", null)).toMatch(/^From /)
    expect(formatWindow(null, "2026-06-01T00:00:00Z")).toMatch(/^Until /)
    expect(formatWindow("2026-06-01T00:00:00Z", "2026-07-01T00:00:00Z")).toContain(" – ")
    expect(formatUsage(3, null)).toBe("3 / ∞")
    expect(formatUsage(3, 50)).toBe("3 / 50")
  })

  it("names rejection reasons in words, unknown ones too", () => {
    expect(reasonLabel("PROMOCODE_EXPIRED")).toBe("The code has expired.")
    expect(reasonLabel("payment_declined")).toBe("The payment was declined.")
    expect(reasonLabel("purchase_failed:card_declined")).toBe("The purchase failed: the card was declined.")
    expect(reasonLabel("purchase_failed:something_new")).toBe("The purchase failed: something new")
    expect(reasonLabel("some_new_reason")).toBe("Some new reason")
    expect(reasonLabel(null)).toBe("—")
  })

  it("parses whole numbers only", () => {
    expect(parseWholeNumber(" 42 ")).toBe(42)
    expect(parseWholeNumber("4.2")).toBeNull()
    expect(parseWholeNumber("-1")).toBeNull()
    expect(parseWholeNumber("")).toBeNull()
    expect(parseWholeNumber("99999999999999999999")).toBeNull()
  })
})

describe("chart scale", () => {
  it.each([
    [0, 1],
    [3, 1],
    [4, 1],
    [5, 2],
    [9, 5],
    [40, 10],
    [41, 20],
    [1234, 500],
  ])("the step for a highest value of %d is %d", (highest, step) => {
    expect(niceStep(highest)).toBe(step)
  })

  it("puts the top gridline at or above the highest value", () => {
    expect(valueAxis(0)).toEqual({ max: 1, ticks: [0, 1] })
    expect(valueAxis(6)).toEqual({ max: 6, ticks: [0, 2, 4, 6] })
    expect(valueAxis(7)).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] })
  })
})
