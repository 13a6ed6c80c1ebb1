import { MedusaError } from "@medusajs/framework/utils"
import {
  CreatePromocodeInput,
  PromocodeRulesInput,
  normalizeCreateInput,
  normalizeRules,
} from "../lib/definition"

function expectInvalid(fn: () => unknown, message: RegExp) {
  let error: MedusaError | undefined
  try {
    fn()
  } catch (e) {
    error = e as MedusaError
  }
  expect(error).toBeInstanceOf(MedusaError)
  expect(error?.type).toBe(MedusaError.Types.INVALID_DATA)
  expect(error?.code).toBe("PROMOCODE_INVALID")
  expect(error?.message).toMatch(message)
}

describe("normalizeRules", () => {
  it("fills defaults for a percentage code", () => {
    expect(normalizeRules({ type: "percentage", value: 10 })).toEqual({
      type: "percentage",
      value: "10",
      currency_code: null,
      free_days: null,
      variant_ids: [],
      product_ids: [],
      customer_ids: [],
      starts_at: null,
      ends_at: null,
      is_active: true,
      usage_limit: null,
      per_customer_limit: 1,
      first_purchase_only: false,
      description: null,
      duration: "once",
      duration_periods: null,
    })
  })

  it.each([
    [0.01, "0.01"],
    [100, "100"],
    ["12.5", "12.5"],
  ])("accepts a percentage of %j", (value, stored) => {
    expect(normalizeRules({ type: "percentage", value }).value).toBe(stored)
  })

  it.each([0, -5, 100.01, 101, null, undefined, "abc"])(
    "rejects a percentage of %j",
    (value) => {
      expectInvalid(
        () =>
          normalizeRules({ type: "percentage", value } as PromocodeRulesInput),
        /percentage|number/
      )
    }
  )

  it("a fixed code needs a positive value and a currency", () => {
    expect(
      normalizeRules({ type: "fixed", value: 100, currency_code: "RUB" })
    ).toMatchObject({ value: "100", currency_code: "rub" })
    expectInvalid(
      () => normalizeRules({ type: "fixed", value: 100 }),
      /currency_code/
    )
    expectInvalid(
      () => normalizeRules({ type: "fixed", value: 0, currency_code: "rub" }),
      /greater than 0/
    )
    expectInvalid(
      () => normalizeRules({ type: "fixed", value: -1, currency_code: "rub" }),
      /greater than 0/
    )
    expectInvalid(
      () =>
        normalizeRules({ type: "fixed", value: 1, currency_code: "rubles" }),
      /3-letter/
    )
  })

  it("a free period needs free_days and exactly one variant", () => {
    expect(
      normalizeRules({
        type: "free_period",
        free_days: 30,
        variant_ids: ["variant_1"],
        value: 50,
      })
    ).toMatchObject({ free_days: 30, variant_ids: ["variant_1"], value: null })
    expectInvalid(
      () => normalizeRules({ type: "free_period", variant_ids: ["variant_1"] }),
      /free_days/
    )
    expectInvalid(
      () =>
        normalizeRules({
          type: "free_period",
          free_days: 0,
          variant_ids: ["variant_1"],
        }),
      /free_days/
    )
    expectInvalid(
      () => normalizeRules({ type: "free_period", free_days: 30 }),
      /exactly one/
    )
    expectInvalid(
      () =>
        normalizeRules({
          type: "free_period",
          free_days: 30,
          variant_ids: ["variant_1", "variant_2"],
        }),
      /exactly one/
    )
  })

  it("ends_at must be after starts_at", () => {
    const starts = "2026-01-01T00:00:00.000Z"
    expect(
      normalizeRules({
        type: "percentage",
        value: 5,
        starts_at: starts,
        ends_at: "2026-01-01T00:00:00.001Z",
      }).ends_at
    ).toEqual(new Date("2026-01-01T00:00:00.001Z"))
    expectInvalid(
      () =>
        normalizeRules({
          type: "percentage",
          value: 5,
          starts_at: starts,
          ends_at: starts,
        }),
      /after starts_at/
    )
    expectInvalid(
      () =>
        normalizeRules({
          type: "percentage",
          value: 5,
          starts_at: starts,
          ends_at: "2025-12-31T00:00:00.000Z",
        }),
      /after starts_at/
    )
    expectInvalid(
      () =>
        normalizeRules({ type: "percentage", value: 5, ends_at: "not a date" }),
      /valid date/
    )
  })

  it("limits are whole numbers of at least 1, or null", () => {
    expect(
      normalizeRules({
        type: "percentage",
        value: 5,
        usage_limit: 1,
        per_customer_limit: null,
      })
    ).toMatchObject({ usage_limit: 1, per_customer_limit: null })
    for (const bad of [0, -1, 1.5]) {
      expectInvalid(
        () => normalizeRules({ type: "percentage", value: 5, usage_limit: bad }),
        /usage_limit/
      )
      expectInvalid(
        () =>
          normalizeRules({
            type: "percentage",
            value: 5,
            per_customer_limit: bad,
          }),
        /per_customer_limit/
      )
    }
  })

  it("dedupes and trims id lists, refuses empty ids", () => {
    expect(
      normalizeRules({
        type: "percentage",
        value: 5,
        customer_ids: ["cus_1", " cus_1 ", "cus_2"],
      }).customer_ids
    ).toEqual(["cus_1", "cus_2"])
    expectInvalid(
      () =>
        normalizeRules({ type: "percentage", value: 5, product_ids: [""] }),
      /non-empty/
    )
  })

  it("rejects an unknown type and an overlong description", () => {
    expectInvalid(
      () => normalizeRules({ type: "bogus" } as unknown as PromocodeRulesInput),
      /type must be/
    )
    expectInvalid(
      () =>
        normalizeRules({
          type: "percentage",
          value: 5,
          description: "x".repeat(2001),
        }),
      /description/
    )
  })

  it("keeps HTML and SQL in a description as plain text", () => {
    const text = "<script>alert(1)</script>'; DROP TABLE promocode; --"
    expect(
      normalizeRules({ type: "percentage", value: 5, description: text })
        .description
    ).toBe(text)
  })
})

describe("normalizeCreateInput", () => {
  it("normalizes the code", () => {
    expect(
      normalizeCreateInput({ code: " summer ", type: "percentage", value: 5 })
        .code
    ).toBe("SUMMER")
    expect(normalizeCreateInput({ type: "percentage", value: 5 }).code).toBe(
      null
    )
  })

  it("refuses counters and unknown fields", () => {
    expectInvalid(
      () =>
        normalizeCreateInput({
          type: "percentage",
          value: 5,
          used_count: 3,
        } as unknown as CreatePromocodeInput),
      /used_count/
    )
  })

  it("refuses a bad code", () => {
    expectInvalid(
      () =>
        normalizeCreateInput({
          code: "x".repeat(10000),
          type: "percentage",
          value: 5,
        }),
      /64/
    )
  })
})

describe("normalizeRules: duration", () => {
  const percent = { type: "percentage" as const, value: 50 }

  it("defaults to once, today's behaviour", () => {
    expect(normalizeRules(percent)).toEqual(
      expect.objectContaining({ duration: "once", duration_periods: null })
    )
  })

  it("keeps a repeating code's periods and a forever code", () => {
    expect(
      normalizeRules({ ...percent, duration: "repeating", duration_periods: 3 })
    ).toEqual(expect.objectContaining({ duration: "repeating", duration_periods: 3 }))
    expect(normalizeRules({ ...percent, duration: "forever" })).toEqual(
      expect.objectContaining({ duration: "forever", duration_periods: null })
    )
  })

  it.each([undefined, null, 0, -1, 1.5])(
    "refuses a repeating code with duration_periods %j",
    (periods) => {
      expectInvalid(
        () => normalizeRules({ ...percent, duration: "repeating", duration_periods: periods }),
        /duration_periods/
      )
    }
  )

  it.each(["once", "forever"] as const)(
    "refuses duration_periods with %s",
    (duration) => {
      expectInvalid(
        () => normalizeRules({ ...percent, duration, duration_periods: 2 }),
        /only allowed with the repeating/
      )
    }
  )

  it("refuses an unknown duration", () => {
    expectInvalid(
      () =>
        normalizeRules({
          ...percent,
          duration: "weekly" as unknown as "once",
        }),
      /duration must be one of/
    )
  })

  it("keeps a free period to once", () => {
    expectInvalid(
      () =>
        normalizeRules({
          type: "free_period",
          free_days: 30,
          variant_ids: ["variant_1"],
          duration: "forever",
        }),
      /free_period code can only have the once duration/
    )
  })
})
