import {
  createPayload,
  emptyGenerateForm,
  emptyPromocodeForm,
  generatePayload,
  promocodeToForm,
  updatePayload,
  validateGenerateForm,
  validatePromocodeForm,
  type PromocodeFormValues,
} from "../promocode-form"
import type { Promocode } from "../types"

const form = (patch: Partial<PromocodeFormValues> = {}): PromocodeFormValues => ({
  ...emptyPromocodeForm(),
  value: "10",
  ...patch,
})

describe("validatePromocodeForm", () => {
  it("accepts a plain percentage code", () => {
    expect(validatePromocodeForm(form())).toEqual({})
  })

  it.each([
    ["0", true],
    ["0.01", false],
    ["100", false],
    ["100.01", true],
    ["-5", true],
    ["", true],
    ["ten", true],
    ["1e2", true],
  ])("percentage %s is refused: %s", (value, refused) => {
    expect(!!validatePromocodeForm(form({ value })).value).toBe(refused)
  })

  it.each([
    ["3", false],
    ["1", false],
    ["0", true],
    ["", true],
    ["1.5", true],
    ["1201", true],
  ])("a repeating code of %s periods is refused: %s", (duration_periods, refused) => {
    expect(!!validatePromocodeForm(form({ duration: "repeating", duration_periods })).duration_periods).toBe(refused)
  })

  it("does not check the periods of a once or forever code", () => {
    expect(validatePromocodeForm(form({ duration: "forever", duration_periods: "" }))).toEqual({})
  })

  it("needs an amount and a 3-letter currency for a fixed code", () => {
    const errors = validatePromocodeForm(form({ type: "fixed", value: "0", currency_code: "ru" }))
    expect(Object.keys(errors).sort()).toEqual(["currency_code", "value"])
    expect(validatePromocodeForm(form({ type: "fixed", value: "99.90", currency_code: "RUB" }))).toEqual({})
    expect(validatePromocodeForm(form({ type: "fixed", value: "99.999" })).value).toBeDefined()
  })

  it("needs free days and exactly one plan for a free period", () => {
    const errors = validatePromocodeForm(form({ type: "free_period", free_days: "0", variant_ids: [] }))
    expect(Object.keys(errors).sort()).toEqual(["free_days", "variant_ids"])
    expect(
      validatePromocodeForm(form({ type: "free_period", free_days: "30", variant_ids: ["variant_1"] }))
    ).toEqual({})
  })

  it("wants the window to end after it starts", () => {
    const start = new Date("2026-06-01T10:00:00Z")
    expect(validatePromocodeForm(form({ starts_at: start, ends_at: start })).ends_at).toBeDefined()
    expect(
      validatePromocodeForm(form({ starts_at: start, ends_at: new Date("2026-06-01T10:01:00Z") }))
    ).toEqual({})
    expect(validatePromocodeForm(form({ ends_at: start }))).toEqual({})
  })

  it.each([
    ["", false],
    ["1", false],
    ["2147483647", false],
    ["2147483648", true],
    ["0", true],
    ["1.5", true],
    ["-1", true],
  ])("a limit of %p is refused: %s", (limit, refused) => {
    const errors = validatePromocodeForm(form({ usage_limit: limit, per_customer_limit: limit }))
    expect(!!errors.usage_limit).toBe(refused)
    expect(!!errors.per_customer_limit).toBe(refused)
  })

  it("ignores the usage limit field of a one-time code", () => {
    expect(validatePromocodeForm(form({ one_time: true, usage_limit: "zero" }))).toEqual({})
  })

  it.each([
    ["", false],
    [" summer-10 ", false],
    ["A_B", false],
    ["A B", true],
    ["<script>", true],
    ["X".repeat(64), false],
    ["X".repeat(65), true],
  ])("code %p is refused: %s", (code, refused) => {
    expect(!!validatePromocodeForm(form({ code })).code).toBe(refused)
  })

  it("limits the description to 2000 characters", () => {
    expect(validatePromocodeForm(form({ description: "d".repeat(2000) }))).toEqual({})
    expect(validatePromocodeForm(form({ description: "d".repeat(2001) })).description).toBeDefined()
  })
})

describe("validateGenerateForm", () => {
  const generate = (patch = {}) => ({ ...emptyGenerateForm(), value: "5", ...patch })

  it("accepts the defaults with a value", () => {
    expect(validateGenerateForm(generate())).toEqual({})
  })

  it.each([
    ["0", true],
    ["1", false],
    ["1000000", false],
    ["1000001", true],
    ["", true],
  ])("count %p is refused: %s", (count, refused) => {
    expect(!!validateGenerateForm(generate({ count })).count).toBe(refused)
  })

  it("checks the prefix and the random length", () => {
    expect(validateGenerateForm(generate({ prefix: "SPRING 2026" })).prefix).toBeDefined()
    expect(validateGenerateForm(generate({ length: "3" })).length).toBeDefined()
    expect(validateGenerateForm(generate({ length: "33" })).length).toBeDefined()
    expect(validateGenerateForm(generate({ prefix: "P".repeat(40), length: "25" })).length).toBeDefined()
  })

  it("refuses a length too short for the count", () => {
    // 31^4 = 923,521 possible codes: fine for 900, not for 1,000
    expect(validateGenerateForm(generate({ count: "900", length: "4" })).length).toBeUndefined()
    expect(validateGenerateForm(generate({ count: "1000", length: "4" })).length).toBeDefined()
  })
})

describe("payloads", () => {
  it("sends a new percentage code without empty fields", () => {
    expect(
      createPayload(
        form({
          code: " summer ",
          value: "12.5",
          usage_limit: "100",
          starts_at: new Date("2026-06-01T00:00:00Z"),
          description: "  ",
        })
      )
    ).toEqual({
      code: "SUMMER",
      type: "percentage",
      value: 12.5,
      starts_at: "2026-06-01T00:00:00.000Z",
      is_active: true,
      usage_limit: 100,
      per_customer_limit: 1,
      first_purchase_only: false,
      duration: "once",
    })
  })

  it("sends a repeating code's periods, and none with another duration", () => {
    expect(createPayload(form({ value: "50", duration: "repeating", duration_periods: "3" }))).toMatchObject({
      duration: "repeating",
      duration_periods: 3,
    })
    const forever = createPayload(form({ value: "50", duration: "forever", duration_periods: "3" }))
    expect(forever.duration).toBe("forever")
    expect(forever).not.toHaveProperty("duration_periods")
  })

  it("keeps a free period to once", () => {
    const payload = createPayload(
      form({ type: "free_period", free_days: "30", variant_ids: ["variant_1"], duration: "forever" })
    )
    expect(payload.duration).toBe("once")
  })

  it("says 'no per-customer limit' explicitly, since the server's default is 1", () => {
    expect(createPayload(form({ per_customer_limit: "" })).per_customer_limit).toBeNull()
  })

  it("turns a one-time code into a usage limit of 1", () => {
    expect(createPayload(form({ one_time: true, usage_limit: "50" })).usage_limit).toBe(1)
  })

  it("keeps only what a free period needs", () => {
    const payload = createPayload(
      form({
        type: "free_period",
        value: "10",
        free_days: "30",
        variant_ids: ["variant_1"],
        product_ids: ["prod_1"],
      })
    )
    expect(payload).toMatchObject({ type: "free_period", free_days: 30, variant_ids: ["variant_1"] })
    expect(payload).not.toHaveProperty("value")
    expect(payload).not.toHaveProperty("product_ids")
  })

  it("lower-cases the currency of a fixed code", () => {
    expect(createPayload(form({ type: "fixed", value: "100", currency_code: "RUB" }))).toMatchObject({
      value: 100,
      currency_code: "rub",
    })
  })

  it("clears fields with null on update and never renames the code", () => {
    const payload = updatePayload(form({ code: "OTHER" }))
    expect(payload).not.toHaveProperty("code")
    expect(payload).toMatchObject({ starts_at: null, ends_at: null, usage_limit: null, description: null })
  })

  it("round-trips a stored code through the form", () => {
    const stored: Promocode = {
      id: "promo_1",
      code: "WELCOME100",
      type: "fixed",
      value: 100,
      currency_code: "rub",
      free_days: null,
      starts_at: "2026-01-01T00:00:00.000Z",
      ends_at: null,
      is_active: true,
      usage_limit: 1,
      per_customer_limit: null,
      first_purchase_only: true,
      product_ids: [],
      variant_ids: ["variant_1"],
      customer_ids: ["cus_1"],
      description: "Hello",
      duration: "repeating",
      duration_periods: 6,
      batch_id: null,
      reserved_count: 0,
      used_count: 0,
      validated_count: 0,
      status: "active",
      created_at: "2026-01-01T00:00:00.000Z",
      updated_at: "2026-01-01T00:00:00.000Z",
    }
    const values = promocodeToForm(stored)
    expect(values.one_time).toBe(true)
    expect(updatePayload(values)).toEqual({
      type: "fixed",
      value: 100,
      currency_code: "rub",
      free_days: null,
      starts_at: "2026-01-01T00:00:00.000Z",
      ends_at: null,
      is_active: true,
      usage_limit: 1,
      per_customer_limit: null,
      first_purchase_only: true,
      product_ids: [],
      variant_ids: ["variant_1"],
      customer_ids: ["cus_1"],
      description: "Hello",
      duration: "repeating",
      duration_periods: 6,
    })
  })

  it("sends a batch with its count, prefix and length", () => {
    expect(
      generatePayload({ ...emptyGenerateForm(), value: "5", count: "1000", prefix: "spring-", length: "10" })
    ).toMatchObject({ count: 1000, prefix: "SPRING-", length: 10, type: "percentage", value: 5 })
  })
})
