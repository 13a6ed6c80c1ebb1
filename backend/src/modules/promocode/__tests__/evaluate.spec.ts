import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import path from "path"
import { PROMOCODE_MODULE } from ".."
import PromocodeModuleService from "../service"
import { PLAN, shopper } from "./helpers"

jest.setTimeout(120000)

/**
 * One evaluation answers "may this customer use this code?" for the preview
 * (validateCode), the reservation (reserve) and the admin's dry run
 * (checkCode): same answers, same price.
 */
moduleIntegrationTestRunner<PromocodeModuleService>({
  moduleName: PROMOCODE_MODULE,
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service }) => {
    const journalSize = async (code: string) =>
      (await service.listAndCountPromocodeJournals({ code }, { take: 1 }))[1]
    const numbers = (breakdown: Record<string, unknown>) =>
      JSON.parse(JSON.stringify(breakdown))

    it("reserve returns the code and the same price the preview shows", async () => {
      await service.createPromocodes({
        code: "PRICE",
        type: "percentage",
        value: "12.5",
        per_customer_limit: null,
      })
      const preview = await service.validateCode(shopper("price", "cus_1"))
      const reserved = await service.reserve(shopper(" Price ", "cus_1"))

      expect(numbers(reserved.breakdown)).toEqual({
        original_amount: 399,
        discount_amount: 49.88,
        total: 349.12,
        currency_code: "rub",
      })
      expect(numbers(reserved.breakdown)).toEqual(numbers(preview.discount))
      expect(reserved.promocode).toEqual({
        id: preview.promocode.id,
        code: "PRICE",
        type: "percentage",
        value: 12.5,
        currency_code: null,
        free_days: null,
        duration: "once",
        duration_periods: null,
      })
      expect(reserved).toEqual(
        expect.objectContaining({ status: "reserved", discount_amount: 49.88 })
      )
    })

    it("checkCode answers without throwing and journals only when asked", async () => {
      await service.createPromocodes([
        { code: "DRY", type: "fixed", value: 100, currency_code: "rub" },
        { code: "DRY-EUR", type: "fixed", value: 5, currency_code: "eur" },
      ])
      const before = await journalSize("DRY")

      const plain = await service.checkCode({ code: "dry" })
      expect([plain.promocode?.code, plain.error, plain.discount]).toEqual(["DRY", null, null])

      const priced = await service.checkCode({ code: "DRY", ...PLAN })
      expect(numbers(priced.discount!)).toEqual({
        original_amount: 399,
        discount_amount: 100,
        total: 299,
        currency_code: "rub",
      })
      // a fixed code in another currency: the discount's own rejection
      const euro = await service.checkCode({ code: "DRY-EUR", ...PLAN })
      expect([euro.error, euro.discount]).toEqual(["PROMOCODE_NOT_APPLICABLE", null])
      const missing = await service.checkCode({ code: "NOPE" })
      expect([missing.promocode, missing.error]).toEqual([null, "PROMOCODE_NOT_FOUND"])
      expect(await journalSize("DRY")).toEqual(before)

      await service.checkCode({ code: "DRY", customer_id: "cus_1", ...PLAN }, { journal: true })
      await service.checkCode({ code: "DRY-EUR", customer_id: "cus_1", ...PLAN }, { journal: true })
      const rows = await service.listPromocodeJournals(
        { code: ["DRY", "DRY-EUR"] },
        { order: { created_at: "ASC" } }
      )
      // the usable answer is a view (counted), the rejection a journal row
      expect(rows.map((r) => [r.code, r.action, r.reason, r.customer_id])).toEqual([
        ["DRY-EUR", "rejected", "PROMOCODE_NOT_APPLICABLE", "cus_1"],
      ])
      await service.flushViews()
      const counts = await service.listPromocodes({ code: ["DRY", "DRY-EUR"] }, { order: { code: "ASC" } })
      expect(counts.map((p) => [p.code, p.validated_count])).toEqual([
        ["DRY", 1],
        ["DRY-EUR", 0],
      ])
    })

    it("checkCode checks a customer's rules only with a customer, the plan's only with a plan", async () => {
      await service.createPromocodes([
        { code: "MINE", type: "percentage", value: 5, customer_ids: ["cus_owner"] },
        { code: "ONCE", type: "percentage", value: 5, per_customer_limit: 1 },
        { code: "FIRST", type: "percentage", value: 5, first_purchase_only: true },
        { code: "ELSEWHERE", type: "percentage", value: 5, variant_ids: ["variant_other"] },
      ])
      const used = await service.reserve(shopper("ONCE", "cus_1"))
      await service.redeem(used.id)

      const error = async (input: Parameters<typeof service.checkCode>[0]) =>
        (await service.checkCode(input)).error

      expect(await error({ code: "MINE" })).toBeNull()
      expect(await error({ code: "MINE", customer_id: "cus_owner" })).toBeNull()
      expect(await error({ code: "MINE", customer_id: "cus_stranger" })).toEqual(
        "PROMOCODE_NOT_FOR_CUSTOMER"
      )
      expect(await error({ code: "ONCE" })).toBeNull()
      expect(await error({ code: "ONCE", customer_id: "cus_1" })).toEqual("PROMOCODE_ALREADY_USED")
      expect(await error({ code: "FIRST", customer_id: "cus_1", has_prior_purchase: true })).toEqual(
        "PROMOCODE_FIRST_PURCHASE_ONLY"
      )
      expect(await error({ code: "ELSEWHERE" })).toBeNull()
      expect(await error({ code: "ELSEWHERE", ...PLAN })).toEqual("PROMOCODE_NOT_APPLICABLE")

      // the shopper's paths give the same answers
      const rejected = await service.validateCode(shopper("ELSEWHERE", "cus_1")).catch((e) => e.code)
      expect(rejected).toEqual("PROMOCODE_NOT_APPLICABLE")
      const again = await service.reserve(shopper("ONCE", "cus_1")).catch((e) => e.code)
      expect(again).toEqual("PROMOCODE_ALREADY_USED")
    })
  },
})
