import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import path from "path"
import { PROMOCODE_MODULE } from ".."
import PromocodeModuleService from "../service"
import { settleCodes, shopper, sleep, sql } from "./helpers"

jest.setTimeout(180000)

/**
 * Real concurrency against PostgreSQL: every call below runs at the same time
 * (Promise.all) on the module's connection pool, so reservations contend for
 * the promo code's row lock exactly as requests on several servers would.
 */
moduleIntegrationTestRunner<PromocodeModuleService>({
  moduleName: PROMOCODE_MODULE,
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service, MikroOrmWrapper }) => {
    const query = sql(MikroOrmWrapper)

    async function dbState(promocodeId: string) {
      const [row] = await query<{
        reserved_count: number
        used_count: number
        reserved: number
        redeemed: number
        released: number
      }>(
        `SELECT p.reserved_count, p.used_count,
           (SELECT count(*)::int FROM promocode_usage u
             WHERE u.promocode_id = p.id AND u.status = 'reserved') AS reserved,
           (SELECT count(*)::int FROM promocode_usage u
             WHERE u.promocode_id = p.id AND u.status = 'redeemed') AS redeemed,
           (SELECT count(*)::int FROM promocode_usage u
             WHERE u.promocode_id = p.id AND u.status = 'released') AS released
         FROM promocode p WHERE p.id = ?`,
        [promocodeId]
      )
      return row
    }

    async function journalCounts(promocodeId: string) {
      const rows = await query<{ action: string; reason: string | null; n: number }>(
        `SELECT action, reason, count(*)::int AS n FROM promocode_journal
         WHERE promocode_id = ? GROUP BY action, reason ORDER BY action, reason`,
        [promocodeId]
      )
      return Object.fromEntries(
        rows.map((r) => [r.reason ? `${r.action}:${r.reason}` : r.action, r.n])
      )
    }

    it("200 customers racing for a code limited to 50: exactly 50 win", async () => {
      const promo = await service.createPromocodes({
        code: "RUSH50",
        type: "percentage",
        value: 20,
        usage_limit: 50,
      })
      const outcome = await settleCodes(
        Array.from({ length: 200 }, (_, i) =>
          service.reserve(shopper("rush50", `cus_${i}`))
        )
      )
      expect(outcome).toEqual({ ok: 50, PROMOCODE_USED_UP: 150 })
      expect(await dbState(promo.id)).toEqual({
        reserved_count: 50,
        used_count: 0,
        reserved: 50,
        redeemed: 0,
        released: 0,
      })
      expect(await journalCounts(promo.id)).toEqual({
        reserved: 50,
        "rejected:PROMOCODE_USED_UP": 150,
      })
      const [{ customers }] = await query<{ customers: number }>(
        `SELECT count(DISTINCT customer_id)::int AS customers
         FROM promocode_usage WHERE promocode_id = ?`,
        [promo.id]
      )
      expect(customers).toBe(50)
    })

    it("one customer racing 20 reservations with a per-customer limit of 1 gets 1", async () => {
      const promo = await service.createPromocodes({
        code: "SOLO",
        type: "fixed",
        value: 50,
        currency_code: "rub",
        per_customer_limit: 1,
      })
      const outcome = await settleCodes(
        Array.from({ length: 20 }, () => service.reserve(shopper("SOLO", "cus_1")))
      )
      expect(outcome).toEqual({ ok: 1, PROMOCODE_ALREADY_USED: 19 })
      expect(await dbState(promo.id)).toEqual(
        expect.objectContaining({ reserved_count: 1, reserved: 1 })
      )
      expect(await journalCounts(promo.id)).toEqual({
        reserved: 1,
        "rejected:PROMOCODE_ALREADY_USED": 19,
      })
    })

    it("a one-time code raced by 100 customers is used exactly once", async () => {
      const promo = await service.createPromocodes({
        code: "ONLYONE",
        type: "percentage",
        value: 100,
        usage_limit: 1,
      })
      const outcome = await settleCodes(
        Array.from({ length: 100 }, (_, i) =>
          service.reserve(shopper("ONLYONE", `cus_${i}`)).then((u) =>
            service.redeem(u.id)
          )
        )
      )
      expect(outcome).toEqual({ ok: 1, PROMOCODE_USED_UP: 99 })
      expect(await dbState(promo.id)).toEqual(
        expect.objectContaining({ reserved_count: 0, used_count: 1, redeemed: 1 })
      )
    })

    it("concurrent release / redeem of the same uses never double count", async () => {
      const promo = await service.createPromocodes({
        code: "TUG",
        type: "percentage",
        value: 10,
        usage_limit: 100,
      })
      const usages = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          service.reserve(shopper("TUG", `cus_${i}`))
        )
      )
      expect((await dbState(promo.id)).reserved_count).toBe(40)

      // each use gets two releases and two redeems at once, in varying order
      await Promise.allSettled(
        usages.flatMap((usage, i) => {
          const calls = [
            () => service.release(usage.id, "payment_declined"),
            () => service.redeem(usage.id, { purchase_id: `pur_${i}` }),
            () => service.release(usage.id, "expired_reservation"),
            () => service.redeem(usage.id, { purchase_id: `pur_${i}` }),
          ]
          return (i % 2 ? calls.reverse() : calls).map((call) => call())
        })
      )

      const state = await dbState(promo.id)
      expect(state.reserved).toBe(0)
      expect(state.redeemed + state.released).toBe(40)
      expect(state.reserved_count).toBe(0)
      expect(state.used_count).toBe(state.redeemed)
      // both outcomes happened at least once: the race was real
      expect(state.redeemed).toBeGreaterThan(0)
      expect(state.released).toBeGreaterThan(0)
      // exactly one transition per use in the journal
      const journal = await journalCounts(promo.id)
      const releasedRows = Object.entries(journal)
        .filter(([key]) => key.startsWith("released"))
        .reduce((sum, [, n]) => sum + n, 0)
      expect(journal.redeemed ?? 0).toBe(state.redeemed)
      expect(releasedRows).toBe(state.released)
    })

    it("expiry sweeps on three workers at once release each use once", async () => {
      const promo = await service.createPromocodes({
        code: "SWEEP",
        type: "percentage",
        value: 10,
        per_customer_limit: null,
      })
      await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          service.reserve(shopper("SWEEP", `cus_${i % 7}`, { ttl_ms: 1 }))
        )
      )
      const keep = await service.reserve(shopper("SWEEP", "cus_keep"))
      await sleep(20)
      const released = await Promise.all([
        service.releaseExpired(),
        service.releaseExpired(),
        service.releaseExpired(),
      ])
      expect(released.reduce((a, b) => a + b, 0)).toBe(60)
      expect(await dbState(promo.id)).toEqual(
        expect.objectContaining({ reserved_count: 1, reserved: 1, released: 60 })
      )
      expect(
        (await journalCounts(promo.id))["released:expired_reservation"]
      ).toBe(60)
      expect((await service.retrievePromocodeUsage(keep.id)).status).toBe(
        "reserved"
      )
    })

    it("releases racing new reservations keep the limit: never more than the limit held", async () => {
      const promo = await service.createPromocodes({
        code: "SWAP",
        type: "percentage",
        value: 10,
        usage_limit: 5,
      })
      const first = await Promise.all(
        Array.from({ length: 5 }, (_, i) => service.reserve(shopper("SWAP", `a_${i}`)))
      )
      // 5 releases and 20 new reservations at once: at most 5 may succeed
      const [, outcome] = await Promise.all([
        Promise.all(first.map((u) => service.release(u.id, "payment_declined"))),
        settleCodes(
          Array.from({ length: 20 }, (_, i) =>
            service.reserve(shopper("SWAP", `b_${i}`))
          )
        ),
      ])
      const state = await dbState(promo.id)
      expect(outcome.ok ?? 0).toBeLessThanOrEqual(5)
      expect(state.reserved).toBe(outcome.ok ?? 0)
      expect(state.reserved_count).toBe(state.reserved)
      expect(state.released).toBe(5)
      expect((outcome.ok ?? 0) + (outcome.PROMOCODE_USED_UP ?? 0)).toBe(20)
    })
  },
})
