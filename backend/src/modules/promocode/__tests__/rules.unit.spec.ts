import { PromocodeErrorCode as E } from "../lib/errors"
import { appliesToTarget, checkRules, promocodeStatus } from "../lib/rules"
import type { PromocodeRuleFields, RuleContext } from "../lib/types"

const NOW = new Date("2026-03-01T12:00:00.000Z")
const ms = (offset: number) => new Date(NOW.getTime() + offset)

function code(overrides: Partial<PromocodeRuleFields> = {}): PromocodeRuleFields {
  return {
    type: "percentage",
    value: 10,
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
    reserved_count: 0,
    used_count: 0,
    ...overrides,
  }
}

function ctx(overrides: Partial<RuleContext> = {}): RuleContext {
  return {
    customer_id: "cus_1",
    variant_id: "variant_standard_month",
    product_id: "prod_standard",
    customer_uses: 0,
    has_prior_purchase: false,
    ...overrides,
  }
}

describe("checkRules", () => {
  it("accepts a plain active code", () => {
    expect(checkRules(code(), ctx(), NOW)).toBeNull()
  })

  describe("is_active", () => {
    it("rejects an inactive code", () => {
      expect(checkRules(code({ is_active: false }), ctx(), NOW)).toBe(E.INACTIVE)
    })
  })

  describe("starts_at (inclusive)", () => {
    it("a code that starts now is usable", () => {
      expect(checkRules(code({ starts_at: NOW }), ctx(), NOW)).toBeNull()
    })
    it("a code that starts in 1 ms is not started", () => {
      expect(checkRules(code({ starts_at: ms(1) }), ctx(), NOW)).toBe(
        E.NOT_STARTED
      )
    })
    it("a code that started 1 ms ago is usable", () => {
      expect(checkRules(code({ starts_at: ms(-1) }), ctx(), NOW)).toBeNull()
    })
    it("reads ISO strings", () => {
      expect(
        checkRules(code({ starts_at: ms(1000).toISOString() }), ctx(), NOW)
      ).toBe(E.NOT_STARTED)
    })
  })

  describe("ends_at (exclusive)", () => {
    it("a code that ends now is expired", () => {
      expect(checkRules(code({ ends_at: NOW }), ctx(), NOW)).toBe(E.EXPIRED)
    })
    it("a code that ends in 1 ms is usable", () => {
      expect(checkRules(code({ ends_at: ms(1) }), ctx(), NOW)).toBeNull()
    })
    it("a code that ended 1 ms ago is expired", () => {
      expect(checkRules(code({ ends_at: ms(-1) }), ctx(), NOW)).toBe(E.EXPIRED)
    })
    it("uses the current time by default", () => {
      expect(checkRules(code({ ends_at: new Date(Date.now() - 1000) }), ctx())).toBe(
        E.EXPIRED
      )
      expect(
        checkRules(code({ ends_at: new Date(Date.now() + 60000) }), ctx())
      ).toBeNull()
    })
  })

  describe("customer_ids", () => {
    it("an empty list means every customer", () => {
      expect(checkRules(code({ customer_ids: [] }), ctx(), NOW)).toBeNull()
      expect(checkRules(code({ customer_ids: null }), ctx(), NOW)).toBeNull()
    })
    it("a listed customer may use it", () => {
      expect(
        checkRules(code({ customer_ids: ["cus_0", "cus_1"] }), ctx(), NOW)
      ).toBeNull()
    })
    it("another customer may not", () => {
      expect(
        checkRules(code({ customer_ids: ["cus_0"] }), ctx(), NOW)
      ).toBe(E.NOT_FOR_CUSTOMER)
    })
  })

  describe("plan restriction", () => {
    it("a listed variant is applicable", () => {
      expect(
        checkRules(code({ variant_ids: ["variant_standard_month"] }), ctx(), NOW)
      ).toBeNull()
    })
    it("an unlisted variant is not", () => {
      expect(
        checkRules(code({ variant_ids: ["variant_premium"] }), ctx(), NOW)
      ).toBe(E.NOT_APPLICABLE)
    })
    it("a listed product makes all its variants applicable", () => {
      expect(
        checkRules(code({ product_ids: ["prod_standard"] }), ctx(), NOW)
      ).toBeNull()
      expect(
        checkRules(code({ product_ids: ["prod_premium"] }), ctx(), NOW)
      ).toBe(E.NOT_APPLICABLE)
    })
    it("either list matching is enough", () => {
      const restricted = code({
        variant_ids: ["variant_premium_year"],
        product_ids: ["prod_standard"],
      })
      expect(checkRules(restricted, ctx(), NOW)).toBeNull()
      expect(
        checkRules(
          restricted,
          ctx({ variant_id: "variant_premium_year", product_id: "prod_premium" }),
          NOW
        )
      ).toBeNull()
      expect(
        checkRules(
          restricted,
          ctx({ variant_id: "variant_premium_month", product_id: "prod_premium" }),
          NOW
        )
      ).toBe(E.NOT_APPLICABLE)
    })
    it("a restricted code needs a plan", () => {
      expect(
        checkRules(
          code({ variant_ids: ["variant_standard_month"] }),
          ctx({ variant_id: null, product_id: null }),
          NOW
        )
      ).toBe(E.NOT_APPLICABLE)
    })
    it("a free period applies to its one variant only", () => {
      const trial = code({
        type: "free_period",
        value: null,
        free_days: 30,
        variant_ids: ["variant_standard_month"],
        product_ids: ["prod_standard"],
      })
      expect(checkRules(trial, ctx(), NOW)).toBeNull()
      expect(
        checkRules(trial, ctx({ variant_id: "variant_standard_year" }), NOW)
      ).toBe(E.NOT_APPLICABLE)
    })
    it("a free period without a variant applies to nothing", () => {
      expect(
        checkRules(code({ type: "free_period", variant_ids: [] }), ctx(), NOW)
      ).toBe(E.NOT_APPLICABLE)
    })
    it("ignoreTarget skips only the plan check", () => {
      const restricted = code({ variant_ids: ["variant_premium"] })
      expect(
        checkRules(restricted, ctx(), NOW, { ignoreTarget: true })
      ).toBeNull()
      expect(
        checkRules(
          { ...restricted, is_active: false },
          ctx(),
          NOW,
          { ignoreTarget: true }
        )
      ).toBe(E.INACTIVE)
    })
  })

  describe("first_purchase_only", () => {
    it("accepts a customer without a prior purchase", () => {
      expect(
        checkRules(code({ first_purchase_only: true }), ctx(), NOW)
      ).toBeNull()
    })
    it("rejects a returning customer", () => {
      expect(
        checkRules(
          code({ first_purchase_only: true }),
          ctx({ has_prior_purchase: true }),
          NOW
        )
      ).toBe(E.FIRST_PURCHASE_ONLY)
    })
    it("does not matter when off", () => {
      expect(
        checkRules(code(), ctx({ has_prior_purchase: true }), NOW)
      ).toBeNull()
    })
  })

  describe("per_customer_limit", () => {
    it("limit minus one use is fine", () => {
      expect(
        checkRules(code({ per_customer_limit: 3 }), ctx({ customer_uses: 2 }), NOW)
      ).toBeNull()
    })
    it("reaching the limit is ALREADY_USED", () => {
      expect(
        checkRules(code({ per_customer_limit: 3 }), ctx({ customer_uses: 3 }), NOW)
      ).toBe(E.ALREADY_USED)
      expect(
        checkRules(code({ per_customer_limit: 1 }), ctx({ customer_uses: 1 }), NOW)
      ).toBe(E.ALREADY_USED)
    })
    it("null is unlimited", () => {
      expect(
        checkRules(
          code({ per_customer_limit: null }),
          ctx({ customer_uses: 1000 }),
          NOW
        )
      ).toBeNull()
    })
  })

  describe("usage_limit", () => {
    it("limit minus one (reserved + used) is fine", () => {
      expect(
        checkRules(
          code({ usage_limit: 50, reserved_count: 20, used_count: 29 }),
          ctx(),
          NOW
        )
      ).toBeNull()
    })
    it("reserved + used reaching the limit is USED_UP", () => {
      expect(
        checkRules(
          code({ usage_limit: 50, reserved_count: 20, used_count: 30 }),
          ctx(),
          NOW
        )
      ).toBe(E.USED_UP)
      expect(
        checkRules(code({ usage_limit: 1, reserved_count: 1 }), ctx(), NOW)
      ).toBe(E.USED_UP)
      expect(
        checkRules(code({ usage_limit: 1, used_count: 1 }), ctx(), NOW)
      ).toBe(E.USED_UP)
    })
    it("a one-time code is usable once", () => {
      expect(checkRules(code({ usage_limit: 1 }), ctx(), NOW)).toBeNull()
    })
    it("null is unlimited", () => {
      expect(
        checkRules(
          code({ usage_limit: null, used_count: 1_000_000 }),
          ctx(),
          NOW
        )
      ).toBeNull()
    })
  })

  describe("order of checks", () => {
    // every rule broken at once; switching them off one by one walks the order
    const allBroken = code({
      is_active: false,
      starts_at: ms(1000),
      ends_at: ms(-1000),
      customer_ids: ["cus_other"],
      variant_ids: ["variant_other"],
      first_purchase_only: true,
      per_customer_limit: 1,
      usage_limit: 1,
      used_count: 1,
    })
    const badCtx = ctx({ has_prior_purchase: true, customer_uses: 1 })
    const steps: [Partial<PromocodeRuleFields>, string | null][] = [
      [{}, E.INACTIVE],
      [{ is_active: true }, E.NOT_STARTED],
      [{ starts_at: null }, E.EXPIRED],
      [{ ends_at: null }, E.NOT_FOR_CUSTOMER],
      [{ customer_ids: [] }, E.NOT_APPLICABLE],
      [{ variant_ids: [] }, E.FIRST_PURCHASE_ONLY],
      [{ first_purchase_only: false }, E.ALREADY_USED],
      [{ per_customer_limit: null }, E.USED_UP],
      [{ usage_limit: null }, null],
    ]
    it.each(steps.map((step, i) => [i, step[0], step[1]] as const))(
      "step %i: fixing %j as well gives %s",
      (i, _fix, expected) => {
        const fixed = Object.assign(
          {},
          allBroken,
          ...steps.slice(0, i + 1).map(([fix]) => fix)
        )
        expect(checkRules(fixed, badCtx, NOW)).toBe(expected)
      }
    )
  })
})

describe("appliesToTarget", () => {
  it("unrestricted codes apply to anything, even no plan", () => {
    expect(appliesToTarget(code(), {})).toBe(true)
  })
})

describe("promocodeStatus", () => {
  it.each([
    [{}, "active"],
    [{ is_active: false, ends_at: ms(-1) }, "inactive"],
    [{ starts_at: ms(1) }, "scheduled"],
    [{ starts_at: NOW }, "active"],
    [{ ends_at: NOW }, "expired"],
    [{ ends_at: ms(1) }, "active"],
    [{ starts_at: ms(1), ends_at: ms(-1) }, "scheduled"],
    [{ ends_at: ms(-1), usage_limit: 1, used_count: 1 }, "expired"],
    [{ usage_limit: 2, used_count: 1, reserved_count: 1 }, "used_up"],
    [{ usage_limit: 2, used_count: 1 }, "active"],
  ] as [Partial<PromocodeRuleFields>, string][])(
    "%j is %s",
    (fields, expected) => {
      expect(promocodeStatus(code(fields), NOW)).toBe(expected)
    }
  )
})
