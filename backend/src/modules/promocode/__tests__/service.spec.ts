import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import path from "path"
import { PROMOCODE_MODULE } from ".."
import PromocodeModuleService, { DEFAULT_RESERVATION_TTL_MS } from "../service"
import type { PromocodeDTO } from "../types"
import { PLAN, errorCode, shopper, sleep, sql } from "./helpers"

jest.setTimeout(120000)

moduleIntegrationTestRunner<PromocodeModuleService>({
  moduleName: PROMOCODE_MODULE,
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service, MikroOrmWrapper }) => {
    const query = sql(MikroOrmWrapper)

    async function journal(promocodeId: string | null, code?: string) {
      return await service.listPromocodeJournals(
        code ? { code } : { promocode_id: promocodeId },
        { order: { created_at: "ASC" } }
      )
    }

    async function fresh(id: string): Promise<PromocodeDTO> {
      return await service.retrievePromocode(id)
    }

    describe("createPromocodes", () => {
      it("stores the code trimmed and upper-cased with defaults", async () => {
        const promo = await service.createPromocodes({
          code: "  summer-10 ",
          type: "percentage",
          value: 10,
        })
        expect(promo).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^promo_/),
            code: "SUMMER-10",
            type: "percentage",
            value: 10,
            currency_code: null,
            variant_ids: [],
            product_ids: [],
            customer_ids: [],
            is_active: true,
            usage_limit: null,
            per_customer_limit: 1,
            first_purchase_only: false,
            reserved_count: 0,
            used_count: 0,
          })
        )
      })

      it("generates a code when none is given", async () => {
        const [a, b] = await service.createPromocodes([
          { type: "fixed", value: 100, currency_code: "RUB" },
          { type: "percentage", value: 5 },
        ])
        expect(a.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/)
        expect(b.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/)
        expect(a.code).not.toBe(b.code)
        expect(a.currency_code).toBe("rub")
      })

      it("refuses a duplicate code, whatever its case and spaces", async () => {
        await service.createPromocodes({ code: "DUP", type: "percentage", value: 5 })
        const error = await service
          .createPromocodes({ code: " dup ", type: "percentage", value: 5 })
          .catch((e) => e)
        expect(error.type).toBe("invalid_data")
        expect(error.code).toBe("PROMOCODE_DUPLICATE")
        expect(error.message).toMatch(/DUP already exists/)
        expect(
          await errorCode(
            service.createPromocodes([
              { code: "NEW1", type: "percentage", value: 5 },
              { code: "new1", type: "percentage", value: 5 },
            ])
          )
        ).toBe("PROMOCODE_DUPLICATE")
        const [, count] = await service.listAndCountPromocodes({})
        expect(count).toBe(1)
      })

      it("refuses a soft-deleted code's text too (unique across the table)", async () => {
        const promo = await service.createPromocodes({
          code: "GONE",
          type: "percentage",
          value: 5,
        })
        await service.softDeletePromocodes([promo.id])
        expect(
          await errorCode(
            service.createPromocodes({ code: "gone", type: "percentage", value: 5 })
          )
        ).toBe("PROMOCODE_DUPLICATE")
      })

      it.each([
        [{ type: "percentage", value: 0 }, /greater than 0/],
        [{ type: "percentage", value: 100.5 }, /at most 100/],
        [{ type: "percentage", value: -10 }, /greater than 0/],
        [{ type: "fixed", value: 100 }, /currency_code/],
        [{ type: "free_period", free_days: 30 }, /exactly one/],
        [{ type: "free_period", variant_ids: ["v1"] }, /free_days/],
        [
          {
            type: "percentage",
            value: 5,
            starts_at: "2026-05-01T00:00:00Z",
            ends_at: "2026-04-01T00:00:00Z",
          },
          /after starts_at/,
        ],
        [{ type: "percentage", value: 5, code: "x".repeat(10000) }, /64/],
        [{ type: "percentage", value: 5, code: "a b" }, /only letters/],
        [{ type: "percentage", value: 5, used_count: 10 }, /used_count/],
      ])("refuses %# and stores nothing", async (input, message) => {
        const error = await service
          .createPromocodes(input as never)
          .catch((e) => e)
        expect(error.type).toBe("invalid_data")
        expect(error.code).toBe("PROMOCODE_INVALID")
        expect(error.message).toMatch(message)
        const [, count] = await service.listAndCountPromocodes({})
        expect(count).toBe(0)
      })

      it("stores SQL and HTML in text as plain text", async () => {
        const description = "<img src=x onerror=alert(1)>'); DROP TABLE promocode;--"
        const promo = await service.createPromocodes({
          type: "percentage",
          value: 5,
          description,
        })
        expect((await fresh(promo.id)).description).toBe(description)
      })
    })

    describe("updatePromocodes", () => {
      it("re-checks the merged rules and keeps the counters", async () => {
        const promo = await service.createPromocodes({
          code: "UPD",
          type: "percentage",
          value: 10,
          usage_limit: 5,
        })
        await service.reserve(shopper("UPD", "cus_1"))

        const updated = await service.updatePromocodes({
          id: promo.id,
          value: 20,
          code: "upd-2",
        })
        expect(updated).toEqual(
          expect.objectContaining({
            code: "UPD-2",
            value: 20,
            usage_limit: 5,
            reserved_count: 1,
          })
        )
        expect(
          await errorCode(service.updatePromocodes({ id: promo.id, value: 101 }))
        ).toBe("PROMOCODE_INVALID")
        expect(
          await errorCode(
            service.updatePromocodes({ id: promo.id, type: "fixed" })
          )
        ).toBe("PROMOCODE_INVALID")
        expect(
          await errorCode(
            service.updatePromocodes({
              id: promo.id,
              ends_at: "2020-01-01T00:00:00Z",
              starts_at: "2021-01-01T00:00:00Z",
            })
          )
        ).toBe("PROMOCODE_INVALID")
        expect(
          await errorCode(
            service.updatePromocodes({
              id: promo.id,
              reserved_count: 0,
            } as never)
          )
        ).toBe("PROMOCODE_INVALID")

        await service.createPromocodes({ code: "OTHER", type: "percentage", value: 5 })
        expect(
          await errorCode(service.updatePromocodes({ id: promo.id, code: "other" }))
        ).toBe("PROMOCODE_DUPLICATE")

        expect(await fresh(promo.id)).toEqual(
          expect.objectContaining({ code: "UPD-2", value: 20, reserved_count: 1 })
        )
        const missing = await service
          .updatePromocodes({ id: "promo_missing", value: 5 })
          .catch((e) => e)
        expect(missing.type).toBe("not_found")
      })
    })

    describe("removePromocode", () => {
      it("erases an unused code and deactivates a used one", async () => {
        const [unused, used] = await service.createPromocodes([
          { code: "UNUSED", type: "percentage", value: 5 },
          { code: "USED", type: "percentage", value: 5 },
        ])
        const usage = await service.reserve(shopper("USED", "cus_1"))
        await service.release(usage.id, "payment_declined")

        expect(await service.removePromocode(unused.id)).toEqual({
          id: unused.id,
          deleted: true,
          deactivated: false,
        })
        expect(await service.removePromocode(used.id)).toEqual({
          id: used.id,
          deleted: false,
          deactivated: true,
        })
        const remaining = await service.listPromocodes({}, { withDeleted: true })
        expect(remaining.map((p) => [p.code, p.is_active])).toEqual([
          ["USED", false],
        ])
        // the freed text may be used again
        await service.createPromocodes({ code: "UNUSED", type: "percentage", value: 5 })
      })
    })

    describe("validateCode", () => {
      it("returns the discount and counts the view instead of journaling it", async () => {
        const promo = await service.createPromocodes({
          code: "TEN",
          type: "percentage",
          value: 10,
        })
        expect((await fresh(promo.id)).validated_count).toBe(0)
        const result = await service.validateCode({
          code: " ten ",
          customer_id: "cus_1",
          ...PLAN,
        })
        expect(result.promocode.id).toBe(promo.id)
        expect(JSON.parse(JSON.stringify(result.discount))).toEqual({
          original_amount: 399,
          discount_amount: 39.9,
          total: 359.1,
          currency_code: "rub",
        })
        // a checkout page view writes no journal row, it counts one view,
        // written by the next flush (in one statement, not by the preview)
        expect(await journal(promo.id)).toEqual([])
        expect((await fresh(promo.id)).validated_count).toBe(0)
        expect(await service.flushViews()).toBe(1)
        expect((await fresh(promo.id)).validated_count).toBe(1)
        await service.validateCode({ code: "TEN", customer_id: "cus_1", ...PLAN })
        await service.validateCode({ code: "TEN", customer_id: "cus_2", ...PLAN })
        expect(await journal(promo.id)).toEqual([])
        expect(await service.flushViews()).toBe(2)
        expect(await service.flushViews()).toBe(0)
        expect((await fresh(promo.id)).validated_count).toBe(3)
        // validation alone holds nothing
        expect((await fresh(promo.id)).reserved_count).toBe(0)
      })

      it("rejects with every error code and journals each rejection", async () => {
        const hour = 60 * 60 * 1000
        const now = Date.now()
        await service.createPromocodes([
          { code: "OFF", type: "percentage", value: 10, is_active: false },
          {
            code: "LATER",
            type: "percentage",
            value: 10,
            starts_at: new Date(now + hour),
          },
          {
            code: "OVER",
            type: "percentage",
            value: 10,
            starts_at: new Date(now - 2 * hour),
            ends_at: new Date(now - 1),
          },
          {
            code: "VIP",
            type: "percentage",
            value: 10,
            customer_ids: ["cus_vip"],
          },
          {
            code: "PREMIUM",
            type: "percentage",
            value: 10,
            variant_ids: ["variant_premium_month"],
          },
          { code: "USD", type: "fixed", value: 5, currency_code: "usd" },
          {
            code: "TRIAL",
            type: "free_period",
            free_days: 30,
            variant_ids: ["variant_standard_year"],
          },
          {
            code: "NEWBIE",
            type: "percentage",
            value: 10,
            first_purchase_only: true,
          },
          { code: "ONCE", type: "percentage", value: 10, per_customer_limit: 1 },
          { code: "LAST", type: "percentage", value: 10, usage_limit: 1 },
        ])
        await service.reserve(shopper("ONCE", "cus_1"))
        await service.reserve(shopper("LAST", "cus_other"))

        const cases: [string, Partial<Parameters<typeof service.validateCode>[0]>, string][] = [
          ["NOPE", {}, "PROMOCODE_NOT_FOUND"],
          ["x".repeat(10000), {}, "PROMOCODE_NOT_FOUND"],
          ["'; DROP TABLE promocode; --", {}, "PROMOCODE_NOT_FOUND"],
          ["OFF", {}, "PROMOCODE_INACTIVE"],
          ["LATER", {}, "PROMOCODE_NOT_STARTED"],
          ["OVER", {}, "PROMOCODE_EXPIRED"],
          ["VIP", {}, "PROMOCODE_NOT_FOR_CUSTOMER"],
          ["PREMIUM", {}, "PROMOCODE_NOT_APPLICABLE"],
          ["USD", {}, "PROMOCODE_NOT_APPLICABLE"],
          ["TRIAL", {}, "PROMOCODE_NOT_APPLICABLE"],
          ["NEWBIE", { has_prior_purchase: true }, "PROMOCODE_FIRST_PURCHASE_ONLY"],
          ["ONCE", {}, "PROMOCODE_ALREADY_USED"],
          ["LAST", {}, "PROMOCODE_USED_UP"],
        ]
        for (const [code, extra, expected] of cases) {
          const error = await service
            .validateCode({ code, customer_id: "cus_1", ...PLAN, ...extra })
            .catch((e) => e)
          expect([code.slice(0, 20), error.code]).toEqual([
            code.slice(0, 20),
            expected,
          ])
          expect(error.type).toBe(
            expected === "PROMOCODE_NOT_FOUND" ? "not_found" : "invalid_data"
          )
        }

        // and the same codes pass for the right shopper / plan
        await service.validateCode({ code: "VIP", customer_id: "cus_vip", ...PLAN })
        await service.validateCode({
          code: "PREMIUM",
          customer_id: "cus_1",
          ...PLAN,
          variant_id: "variant_premium_month",
        })
        await service.validateCode({
          code: "USD",
          customer_id: "cus_1",
          ...PLAN,
          currency_code: "usd",
        })
        const trial = await service.validateCode({
          code: "TRIAL",
          customer_id: "cus_1",
          ...PLAN,
          variant_id: "variant_standard_year",
          amount: 3990,
        })
        expect(trial.discount.total.numeric).toBe(0)
        await service.validateCode({ code: "NEWBIE", customer_id: "cus_1", ...PLAN })
        await service.validateCode({ code: "ONCE", customer_id: "cus_2", ...PLAN })

        const rejected = await service.listPromocodeJournals(
          { action: "rejected" },
          { order: { created_at: "ASC" } }
        )
        expect(rejected.map((r) => r.reason)).toEqual(cases.map((c) => c[2]))
        expect(rejected.every((r) => r.customer_id === "cus_1")).toBe(true)
        // the unknown 10,000-character code is journaled bounded
        expect(rejected[1].code).toHaveLength(64)
        expect(rejected[1].promocode_id).toBeNull()
        // known codes carry their id
        expect(rejected[3].promocode_id).toMatch(/^promo_/)
        // the six usable previews are counted on their codes, not journaled
        expect(await service.listPromocodeJournals({ action: "validated" })).toEqual([])
        await service.flushViews()
        const codes = await service.listPromocodes({})
        expect(codes.reduce((sum, c) => sum + c.validated_count, 0)).toBe(6)
      })

      it("a code that ends in the future and started in the past is fine", async () => {
        await service.createPromocodes({
          code: "WINDOW",
          type: "percentage",
          value: 10,
          starts_at: new Date(Date.now() - 1000),
          ends_at: new Date(Date.now() + 60000),
        })
        await expect(
          service.validateCode({ code: "WINDOW", customer_id: "cus_1", ...PLAN })
        ).resolves.toBeDefined()
      })

      it("the usage limit counts reservations: limit minus one is fine", async () => {
        const promo = await service.createPromocodes({
          code: "THREE",
          type: "percentage",
          value: 10,
          usage_limit: 3,
        })
        await service.reserve(shopper("THREE", "cus_1"))
        const second = await service.reserve(shopper("THREE", "cus_2"))
        await service.redeem(second.id)
        // 1 reserved + 1 used = 2 of 3
        await expect(
          service.validateCode({ code: "THREE", customer_id: "cus_3", ...PLAN })
        ).resolves.toBeDefined()
        await service.reserve(shopper("THREE", "cus_3"))
        expect(
          await errorCode(
            service.validateCode({ code: "THREE", customer_id: "cus_4", ...PLAN })
          )
        ).toBe("PROMOCODE_USED_UP")
        expect(await fresh(promo.id)).toEqual(
          expect.objectContaining({ reserved_count: 2, used_count: 1 })
        )
      })

      it("rejects missing shopper input with invalid_data", async () => {
        const error = await service
          .validateCode({ code: "X", customer_id: "", ...PLAN })
          .catch((e) => e)
        expect(error.type).toBe("invalid_data")
        expect(error.message).toMatch(/customer_id/)
      })
    })

    describe("reserve / release / redeem", () => {
      it("moves the counters and journals every step", async () => {
        const promo = await service.createPromocodes({
          code: "FLOW",
          type: "fixed",
          value: 100,
          currency_code: "rub",
          usage_limit: 10,
          per_customer_limit: 2,
        })
        const before = Date.now()
        const usage = await service.reserve(
          shopper("flow", "cus_1", { purchase_id: "pur_1" })
        )
        expect(usage).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^pcuse_/),
            customer_id: "cus_1",
            purchase_id: "pur_1",
            status: "reserved",
            original_amount: 399,
            discount_amount: 100,
            currency_code: "rub",
          })
        )
        const expiresIn = new Date(usage.expires_at).getTime() - before
        expect(expiresIn).toBeGreaterThanOrEqual(DEFAULT_RESERVATION_TTL_MS - 50)
        expect(expiresIn).toBeLessThanOrEqual(DEFAULT_RESERVATION_TTL_MS + 5000)
        expect(await fresh(promo.id)).toEqual(
          expect.objectContaining({ reserved_count: 1, used_count: 0 })
        )

        const released = await service.release(usage.id, "payment_declined", {
          purchase_id: "pur_1b",
        })
        expect(released).toEqual(
          expect.objectContaining({
            status: "released",
            release_reason: "payment_declined",
            purchase_id: "pur_1b",
          })
        )
        expect(await fresh(promo.id)).toEqual(
          expect.objectContaining({ reserved_count: 0, used_count: 0 })
        )
        // idempotent
        await service.release(usage.id, "again")
        expect((await fresh(promo.id)).reserved_count).toBe(0)
        // a released use cannot be redeemed
        const error = await service.redeem(usage.id).catch((e) => e)
        expect(error.type).toBe("not_allowed")
        expect(error.code).toBe("PROMOCODE_USAGE_NOT_RESERVED")

        // a released use does not count against the customer
        const second = await service.reserve(shopper("FLOW", "cus_1"))
        const redeemed = await service.redeem(second.id, { purchase_id: "pur_2" })
        expect(redeemed).toEqual(
          expect.objectContaining({ status: "redeemed", purchase_id: "pur_2" })
        )
        expect(redeemed.redeemed_at).toBeTruthy()
        expect(await fresh(promo.id)).toEqual(
          expect.objectContaining({ reserved_count: 0, used_count: 1 })
        )
        // idempotent, and release no longer touches it
        await service.redeem(second.id)
        expect((await service.release(second.id, "late")).status).toBe("redeemed")
        expect(await fresh(promo.id)).toEqual(
          expect.objectContaining({ reserved_count: 0, used_count: 1 })
        )

        // per_customer_limit 2: one redeemed + one reserved, then no more
        await service.reserve(shopper("FLOW", "cus_1"))
        expect(await errorCode(service.reserve(shopper("FLOW", "cus_1")))).toBe(
          "PROMOCODE_ALREADY_USED"
        )

        const rows = await journal(promo.id)
        expect(rows.map((r) => [r.action, r.reason, r.purchase_id])).toEqual([
          ["reserved", null, "pur_1"],
          ["released", "payment_declined", "pur_1b"],
          ["reserved", null, null],
          ["redeemed", null, "pur_2"],
          ["reserved", null, null],
          ["rejected", "PROMOCODE_ALREADY_USED", null],
        ])
        expect(rows[3]).toEqual(
          expect.objectContaining({
            discount_amount: 100,
            currency_code: "rub",
            customer_id: "cus_1",
            usage_id: second.id,
          })
        )
      })

      it("unknown usages are NOT_FOUND", async () => {
        expect(await errorCode(service.release("pcuse_missing", "x"))).toBe(
          "PROMOCODE_USAGE_NOT_FOUND"
        )
        expect(await errorCode(service.redeem("pcuse_missing"))).toBe(
          "PROMOCODE_USAGE_NOT_FOUND"
        )
      })

      it("reserve rejects like validate and journals outside the transaction", async () => {
        await service.createPromocodes({
          code: "SHUT",
          type: "percentage",
          value: 10,
          is_active: false,
        })
        // the caller's transaction is rolled back; the rejection row stays
        const em = MikroOrmWrapper.forkManager()
        const error = await em
          .transactional(async (tx) => {
            await service.reserve(shopper("SHUT", "cus_1"), {
              transactionManager: tx,
            })
          })
          .catch((e) => e)
        expect(error.code).toBe("PROMOCODE_INACTIVE")
        const rows = await journal(null, "SHUT")
        expect(rows.map((r) => [r.action, r.reason])).toEqual([
          ["rejected", "PROMOCODE_INACTIVE"],
        ])
        expect(await errorCode(service.reserve(shopper("nope", "cus_1")))).toBe(
          "PROMOCODE_NOT_FOUND"
        )
      })

      it("a reservation inside a rolled-back caller transaction leaves nothing", async () => {
        const promo = await service.createPromocodes({
          code: "ROLL",
          type: "percentage",
          value: 10,
        })
        const em = MikroOrmWrapper.forkManager()
        await em
          .transactional(async (tx) => {
            await service.reserve(shopper("ROLL", "cus_1"), {
              transactionManager: tx,
            })
            throw new Error("payment step failed")
          })
          .catch(() => undefined)
        expect((await fresh(promo.id)).reserved_count).toBe(0)
        const [, usages] = await service.listAndCountPromocodeUsages({})
        expect(usages).toBe(0)
      })
    })

    describe("expiry", () => {
      it("releaseExpired gives back only expired reservations", async () => {
        const promo = await service.createPromocodes({
          code: "TICK",
          type: "percentage",
          value: 10,
          per_customer_limit: null,
        })
        const short = await Promise.all(
          [1, 2, 3].map((i) =>
            service.reserve(shopper("TICK", `cus_${i}`, { ttl_ms: 1 }))
          )
        )
        const long = await service.reserve(shopper("TICK", "cus_9"))
        await sleep(20)
        expect((await fresh(promo.id)).reserved_count).toBe(4)

        expect(await service.releaseExpired()).toBe(3)
        expect(await service.releaseExpired()).toBe(0)
        expect((await fresh(promo.id)).reserved_count).toBe(1)
        const usages = await service.listPromocodeUsages({ promocode_id: promo.id })
        const status = Object.fromEntries(usages.map((u) => [u.id, u.status]))
        for (const u of short) {
          expect(status[u.id]).toBe("released")
        }
        expect(status[long.id]).toBe("reserved")
        const released = await service.listPromocodeJournals({
          promocode_id: promo.id,
          action: "released",
        })
        expect(released).toHaveLength(3)
        expect(new Set(released.map((r) => r.reason))).toEqual(
          new Set(["expired_reservation"])
        )

        // with a later clock the long one goes too
        expect(
          await service.releaseExpired(
            new Date(Date.now() + DEFAULT_RESERVATION_TTL_MS + 1000)
          )
        ).toBe(1)
        expect((await fresh(promo.id)).reserved_count).toBe(0)
      })

      it("sweeps more expired reservations than one chunk, across codes", async () => {
        const [a, b] = await service.createPromocodes([
          { code: "BULK-A", type: "percentage", value: 10, per_customer_limit: null },
          { code: "BULK-B", type: "percentage", value: 10, per_customer_limit: null },
        ])
        // 1,200 + 30 reservations that expired a minute ago, written directly
        for (const [promo, n] of [[a, 1200], [b, 30]] as const) {
          await query(
            `INSERT INTO promocode_usage (id, promocode_id, customer_id, status, expires_at)
             SELECT 'pcuse_bulk_' || ? || '_' || i, ?, 'cus_' || i, 'reserved',
                    now() - interval '1 minute'
             FROM generate_series(1, ?) AS i`,
            [promo.code, promo.id, n]
          )
          await query(`UPDATE promocode SET reserved_count = ? WHERE id = ?`, [n, promo.id])
        }
        expect(await service.releaseExpired()).toBe(1230)
        expect((await fresh(a.id)).reserved_count).toBe(0)
        expect((await fresh(b.id)).reserved_count).toBe(0)
        const [{ n }] = await query<{ n: number }>(
          `SELECT count(*)::int AS n FROM promocode_journal
           WHERE action = 'released' AND reason = 'expired_reservation'`
        )
        expect(n).toBe(1230)
      })

      it("an expired reservation not yet released can still be redeemed", async () => {
        const promo = await service.createPromocodes({
          code: "LATE",
          type: "percentage",
          value: 10,
        })
        const usage = await service.reserve(shopper("LATE", "cus_1", { ttl_ms: 1 }))
        await sleep(10)
        expect((await service.redeem(usage.id)).status).toBe("redeemed")
        expect(await service.releaseExpired()).toBe(0)
        expect(await fresh(promo.id)).toEqual(
          expect.objectContaining({ reserved_count: 0, used_count: 1 })
        )
      })

      it("refuses a nonsense time to live", async () => {
        await service.createPromocodes({ code: "TTL", type: "percentage", value: 1 })
        expect(
          await errorCode(service.reserve(shopper("TTL", "cus_1", { ttl_ms: 0 })))
        ).toBe("(The reservation time to live must be a whole number of milliseconds from 1 to 604800000.)")
      })
    })

    describe("recordAssignment", () => {
      it("recordAssignment only journals", async () => {
        const promo = await service.createPromocodes({
          code: "REC",
          type: "percentage",
          value: 50,
        })
        await service.recordAssignment({
          promocode_id: promo.id,
          code: "REC",
          customer_id: "cus_1",
          purchase_id: "pur_1",
          discount_amount: "199.5",
          currency_code: "rub",
        })
        const rows = await journal(promo.id)
        expect(rows).toEqual([
          expect.objectContaining({
            action: "assigned",
            purchase_id: "pur_1",
            discount_amount: 199.5,
          }),
        ])
        expect((await fresh(promo.id)).used_count).toBe(0)
      })
    })

    describe("searchPromocodes", () => {
      it("filters by status, text, batch and type, sorts and pages", async () => {
        const now = new Date()
        const hour = 60 * 60 * 1000
        await service.createPromocodes([
          { code: "A-ACTIVE", type: "percentage", value: 5, description: "Spring 50% sale" },
          { code: "B-OFF", type: "percentage", value: 5, is_active: false },
          { code: "C-SOON", type: "percentage", value: 5, starts_at: new Date(now.getTime() + hour) },
          { code: "D-OLD", type: "percentage", value: 5, ends_at: new Date(now.getTime() - hour) },
          { code: "E-GONE", type: "fixed", value: 10, currency_code: "rub", usage_limit: 1 },
          { code: "F_UNDER", type: "fixed", value: 10, currency_code: "rub", usage_limit: 2, batch_id: "pcbat_1" },
        ])
        await service.reserve(shopper("E-GONE", "cus_1"))
        await service.reserve(shopper("F_UNDER", "cus_1"))

        const statusOf = async (status: string) =>
          (
            await service.searchPromocodes({ status: status as never }, { now, order: "code" })
          ).promocodes.map((p) => p.code)
        expect(await statusOf("active")).toEqual(["A-ACTIVE", "F_UNDER"])
        expect(await statusOf("inactive")).toEqual(["B-OFF"])
        expect(await statusOf("scheduled")).toEqual(["C-SOON"])
        expect(await statusOf("expired")).toEqual(["D-OLD"])
        expect(await statusOf("used_up")).toEqual(["E-GONE"])

        const all = await service.searchPromocodes({}, { order: "code", now })
        expect(all.count).toBe(6)
        expect(all.promocodes.map((p) => [p.code, p.status])).toEqual([
          ["A-ACTIVE", "active"],
          ["B-OFF", "inactive"],
          ["C-SOON", "scheduled"],
          ["D-OLD", "expired"],
          ["E-GONE", "used_up"],
          ["F_UNDER", "active"],
        ])
        const page = await service.searchPromocodes(
          { status: ["active", "used_up"] },
          { order: "-code", limit: 2, offset: 1, now }
        )
        expect(page.count).toBe(3)
        expect(page.promocodes.map((p) => p.code)).toEqual(["E-GONE", "A-ACTIVE"])

        // q is a plain substring: % and _ are not wildcards
        expect(
          (await service.searchPromocodes({ q: "50%" })).promocodes.map((p) => p.code)
        ).toEqual(["A-ACTIVE"])
        expect(
          (await service.searchPromocodes({ q: "_" })).promocodes.map((p) => p.code)
        ).toEqual(["F_UNDER"])
        expect((await service.searchPromocodes({ q: "gone" })).count).toBe(1)
        expect((await service.searchPromocodes({ q: "'; DROP TABLE promocode; --" })).count).toBe(0)
        expect((await service.searchPromocodes({ batch_id: "pcbat_1" })).count).toBe(1)
        expect((await service.searchPromocodes({ type: "fixed" })).count).toBe(2)

        expect(
          await errorCode(service.searchPromocodes({}, { order: "id; DROP TABLE x" }))
        ).toMatch(/order must be one of/)
        expect(
          await errorCode(service.searchPromocodes({ status: "bogus" as never }))
        ).toMatch(/status must be one of/)
        expect(await errorCode(service.searchPromocodes({}, { limit: 0 }))).toMatch(/limit/)
      })
    })

    describe("usageStats and report", () => {
      it("aggregate uses and the journal", async () => {
        const [ten, fix] = await service.createPromocodes([
          { code: "STAT10", type: "percentage", value: 10, usage_limit: 10 },
          { code: "STAT100", type: "fixed", value: 100, currency_code: "rub" },
        ])
        const a = await service.reserve(shopper("STAT10", "cus_1"))
        const b = await service.reserve(shopper("STAT10", "cus_2"))
        const c = await service.reserve(shopper("STAT10", "cus_3"))
        await service.redeem(a.id)
        await service.redeem(b.id)
        await service.release(c.id, "payment_declined")
        await service.reserve(shopper("STAT10", "cus_4"))
        await errorCode(service.reserve(shopper("STAT10", "cus_1")))
        await errorCode(service.reserve(shopper("STAT10", "cus_2")))
        await errorCode(service.validateCode({ code: "STAT100", customer_id: "cus_1", ...PLAN, currency_code: "usd" }))
        const d = await service.reserve(shopper("STAT100", "cus_1"))
        await service.redeem(d.id)
        await service.validateCode({ code: "STAT100", customer_id: "cus_5", ...PLAN })
        await errorCode(service.validateCode({ code: "MISSING", customer_id: "cus_1", ...PLAN }))
        await service.flushViews()

        expect(await service.usageStats(ten.id)).toEqual({
          promocode_id: ten.id,
          reserved: 1,
          redeemed: 2,
          released: 1,
          customers: 3,
          discount_given: [{ currency_code: "rub", amount: "79.8" }],
          rejections_by_reason: [{ reason: "PROMOCODE_ALREADY_USED", count: 2 }],
          usage_limit: 10,
          remaining: 7,
          last_redeemed_at: expect.any(Date),
        })

        // a row from last year stays out of the range
        await query(
          `UPDATE promocode_journal SET created_at = now() - interval '400 days'
           WHERE id = (SELECT id FROM promocode_journal
                       WHERE action = 'redeemed' AND promocode_id = ? LIMIT 1)`,
          [fix.id]
        )
        const today = new Date().toISOString().slice(0, 10)
        const report = await service.report({
          from: new Date(Date.now() - 24 * 60 * 60 * 1000),
          to: new Date(Date.now() + 60 * 1000),
        })
        expect(report).toEqual(
          expect.objectContaining({
            attempts: 9, // 4 rejected + 5 reserved; the preview is a view
            validations: 0,
            views: 1,
            reservations: 5,
            redemptions: 2,
            assignments: 0,
            releases: 1,
            rejections: 4,
            rejections_by_reason: [
              { reason: "PROMOCODE_ALREADY_USED", count: 2 },
              { reason: "PROMOCODE_NOT_APPLICABLE", count: 1 },
              { reason: "PROMOCODE_NOT_FOUND", count: 1 },
            ],
            releases_by_reason: [{ reason: "payment_declined", count: 1 }],
            discount_given: [{ currency_code: "rub", amount: "79.8" }],
          })
        )
        expect(report.attempts).toBe(report.reservations + report.rejections)
        expect(report.by_day).toEqual([
          expect.objectContaining({
            day: today,
            reservations: 5,
            redemptions: 2,
            rejections: 4,
            discount_given: [{ currency_code: "rub", amount: "79.8" }],
          }),
        ])

        const one = await service.report({
          from: new Date(Date.now() - 24 * 60 * 60 * 1000),
          to: new Date(Date.now() + 60 * 1000),
          promocode_id: fix.id,
        })
        expect(one).toEqual(
          expect.objectContaining({
            reservations: 1,
            redemptions: 0,
            validations: 0,
            views: 1,
            rejections: 1,
          })
        )
        expect(
          await errorCode(service.report({ from: "2026-02-01", to: "2026-01-01" }))
        ).toBe("(from must be before to.)")
      })
    })
  },
})
