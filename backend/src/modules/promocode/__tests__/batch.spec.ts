import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import path from "path"
import { PROMOCODE_MODULE } from ".."
import { CODE_ALPHABET } from "../lib/generator"
import PromocodeModuleService from "../service"
import type { BatchProgress } from "../types"
import { errorCode, settleCodes, shopper, sql } from "./helpers"

jest.setTimeout(180000)

moduleIntegrationTestRunner<PromocodeModuleService>({
  moduleName: PROMOCODE_MODULE,
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service, MikroOrmWrapper }) => {
    const query = sql(MikroOrmWrapper)

    afterEach(() => {
      jest.restoreAllMocks()
    })

    it("generates a batch with the same rules on every code", async () => {
      const batch = await service.createPromocodeBatches({
        count: 12000,
        prefix: "bf-",
        length: 6,
      })
      expect(batch).toEqual(
        expect.objectContaining({
          id: expect.stringMatching(/^pcbat_/),
          status: "pending",
          generated: 0,
        })
      )
      const progress: BatchProgress[] = []
      const done = await service.generateBatch(
        batch.id,
        {
          type: "percentage",
          value: 15,
          usage_limit: 1,
          ends_at: "2030-01-01T00:00:00Z",
          description: "Black Friday",
        },
        (p) => {
          progress.push(p)
        }
      )
      expect(done).toEqual(
        expect.objectContaining({ status: "completed", generated: 12000, error: null })
      )
      // one report per chunk of 5,000 (a code that collides is drawn again in
      // an extra, smaller round), rising to the count
      const reported = progress.map((p) => p.generated)
      expect(reported.length).toBeGreaterThanOrEqual(3)
      expect(reported[0]).toBeGreaterThan(4990)
      expect(reported[reported.length - 1]).toBe(12000)
      expect([...reported].sort((a, b) => a - b)).toEqual(reported)
      expect(new Set(reported).size).toBe(reported.length)

      const [stats] = await query<{
        n: number
        distinct_codes: number
        bad_shape: number
        other_rules: number
      }>(
        `SELECT count(*)::int AS n,
           count(DISTINCT code)::int AS distinct_codes,
           count(*) FILTER (WHERE code !~ ?)::int AS bad_shape,
           count(*) FILTER (WHERE NOT (type = 'percentage' AND value = 15
             AND usage_limit = 1 AND per_customer_limit = 1 AND is_active
             AND ends_at = '2030-01-01T00:00:00Z'
             AND description = 'Black Friday'
             AND reserved_count = 0 AND used_count = 0
             AND raw_value->>'value' = '15'))::int AS other_rules
         FROM promocode WHERE batch_id = ?`,
        [`^BF-[${CODE_ALPHABET}]{6}$`, batch.id]
      )
      expect(stats).toEqual({
        n: 12000,
        distinct_codes: 12000,
        bad_shape: 0,
        other_rules: 0,
      })

      // generated codes work like any other
      const [one] = await service.listPromocodes({ batch_id: batch.id }, { take: 1 })
      expect(one.value).toBe(15)
      const usage = await service.reserve(shopper(one.code.toLowerCase(), "cus_1"))
      expect(usage.discount_amount).toBe(59.85)

      // running it again is a no-op
      const again = await service.generateBatch(batch.id)
      expect(again.generated).toBe(12000)
      const [{ n }] = await query<{ n: number }>(
        `SELECT count(*)::int AS n FROM promocode`
      )
      expect(n).toBe(12000)
    })

    it("draws again for codes that already exist (ON CONFLICT) and for a resumed batch", async () => {
      await service.createPromocodes([
        { code: "X-TAKEN1", type: "percentage", value: 5 },
        { code: "X-TAKEN2", type: "percentage", value: 5 },
      ])
      const batch = await service.createPromocodeBatches({
        count: 10,
        prefix: "X-",
        length: 6,
        rules: { type: "fixed", value: 100, currency_code: "rub" },
      })
      // the first draw collides with two existing codes; the module must
      // notice the shortfall and draw again
      type DrawCodes = (count: number, prefix: string, length: number) => string[]
      const prototype = PromocodeModuleService.prototype as unknown as {
        drawCodes_: DrawCodes
      }
      const realDraw = prototype.drawCodes_
      let calls = 0
      const spy = jest
        .spyOn(prototype, "drawCodes_")
        .mockImplementation(function (this: unknown, n, p, l) {
          calls++
          const real = realDraw.call(this, n, p, l)
          return calls === 1 ? ["X-TAKEN1", "X-TAKEN2", ...real.slice(2)] : real
        })

      const done = await service.generateBatch(batch.id)
      expect(spy).toHaveBeenCalledTimes(2)
      expect(done.status).toBe("completed")
      const rows = await service.listPromocodes({ batch_id: batch.id })
      expect(rows).toHaveLength(10)
      expect(rows.map((r) => r.code)).not.toContain("X-TAKEN1")
      expect(rows.every((r) => r.type === "fixed" && r.currency_code === "rub")).toBe(true)
      const taken = await service.listPromocodes({ code: ["X-TAKEN1", "X-TAKEN2"] })
      expect(taken.every((r) => r.batch_id === null)).toBe(true)

      // a batch that stopped half way continues where it was
      const half = await service.createPromocodeBatches({ count: 8, prefix: "H-", length: 6 })
      await service.createPromocodes(
        ["H-AAAAAA", "H-BBBBBB", "H-CCCCCC"].map((code) => ({
          code,
          type: "percentage" as const,
          value: 5,
          batch_id: half.id,
        }))
      )
      spy.mockRestore()
      const resumed = await service.generateBatch(half.id, { type: "percentage", value: 5 })
      expect(resumed.generated).toBe(8)
      expect(await service.listPromocodes({ batch_id: half.id })).toHaveLength(8)
    })

    it("runs a batch once: a second runner is refused", async () => {
      const batch = await service.createPromocodeBatches({
        count: 20000,
        length: 8,
        rules: { type: "percentage", value: 5 },
      })
      const outcome = await settleCodes([
        service.generateBatch(batch.id),
        service.generateBatch(batch.id),
      ])
      expect(outcome).toEqual({ ok: 1, PROMOCODE_BATCH_RUNNING: 1 })
      const [{ n }] = await query<{ n: number }>(
        `SELECT count(*)::int AS n FROM promocode WHERE batch_id = ?`,
        [batch.id]
      )
      expect(n).toBe(20000)
      expect((await service.retrievePromocodeBatch(batch.id)).status).toBe(
        "completed"
      )
    })

    it("marks the batch failed with the reason when the rules are broken", async () => {
      const batch = await service.createPromocodeBatches({ count: 5, length: 8 })
      expect(
        await errorCode(service.generateBatch(batch.id, { type: "percentage", value: 150 }))
      ).toBe("PROMOCODE_INVALID")
      expect(await service.retrievePromocodeBatch(batch.id)).toEqual(
        expect.objectContaining({
          status: "failed",
          generated: 0,
          error: expect.stringMatching(/at most 100/),
        })
      )
      const noRules = await service.createPromocodeBatches({ count: 5, length: 8 })
      expect(await errorCode(service.generateBatch(noRules.id))).toBe("PROMOCODE_INVALID")
      const tooShort = await service.createPromocodeBatches({ count: 5000, length: 4 })
      expect(
        await errorCode(service.generateBatch(tooShort.id, { type: "percentage", value: 5 }))
      ).toBe("PROMOCODE_INVALID")
      const [, count] = await service.listAndCountPromocodes({})
      expect(count).toBe(0)
    })

    it("performance: 100,000 codes in under 30 s, and reservation throughput", async () => {
      const batch = await service.createPromocodeBatches({ count: 100000, length: 8 })
      const started = process.hrtime.bigint()
      const done = await service.generateBatch(batch.id, {
        type: "percentage",
        value: 10,
      })
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      expect(done.generated).toBe(100000)
      const [{ n, distinct_codes }] = await query<{ n: number; distinct_codes: number }>(
        `SELECT count(*)::int AS n, count(DISTINCT code)::int AS distinct_codes
         FROM promocode WHERE batch_id = ?`,
        [batch.id]
      )
      expect([n, distinct_codes]).toEqual([100000, 100000])
      expect(seconds).toBeLessThan(30)

      // 50 concurrent callers, 1,000 reservations on one hot code
      // default rules: one use per customer, so the per-customer count runs
      await service.createPromocodes({ code: "HOT", type: "percentage", value: 10 })
      const total = 1000
      let next = 0
      const reserveStarted = process.hrtime.bigint()
      const results = await Promise.all(
        Array.from({ length: 50 }, async () => {
          const out: Record<string, number> = {}
          while (next < total) {
            const i = next++
            const r = await settleCodes([service.reserve(shopper("HOT", `cus_${i}`))])
            Object.entries(r).forEach(([k, v]) => (out[k] = (out[k] ?? 0) + v))
          }
          return out
        })
      )
      const reserveSeconds = Number(process.hrtime.bigint() - reserveStarted) / 1e9
      const ok = results.reduce((sum, r) => sum + (r.ok ?? 0), 0)
      expect(ok).toBe(total)
      expect((await service.retrievePromocode((await service.listPromocodes({ code: "HOT" }))[0].id)).reserved_count).toBe(total)

      // the figures this suite exists to measure
      // eslint-disable-next-line no-console
      console.info(
        `[promocode bench] generated 100000 codes in ${seconds.toFixed(2)} s ` +
          `(${Math.round(100000 / seconds)} codes/s); ` +
          `${total} reservations on one code with 50 concurrent callers in ` +
          `${reserveSeconds.toFixed(2)} s (${Math.round(total / reserveSeconds)} reservations/s)`
      )
    })
  },
})
