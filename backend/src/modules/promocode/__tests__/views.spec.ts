import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import path from "path"
import { PROMOCODE_MODULE } from ".."
import PromocodeModuleService from "../service"
import { PLAN, sleep, sql } from "./helpers"

jest.setTimeout(120000)

/**
 * Usable previews are counted in memory and written to `validated_count` by
 * a timer (`viewsFlushMs` after the first unwritten one), all codes in one
 * statement, so that a preview itself writes nothing.
 */
moduleIntegrationTestRunner<PromocodeModuleService>({
  moduleName: PROMOCODE_MODULE,
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  moduleOptions: { viewsFlushMs: 300 },
  testSuite: ({ service, MikroOrmWrapper }) => {
    const query = sql(MikroOrmWrapper)
    const counts = async () =>
      (
        await query<{ code: string; validated_count: number }>(
          `SELECT code, validated_count FROM promocode ORDER BY code`
        )
      ).map((r) => [r.code, r.validated_count])

    it("writes the views of every code a flush interval after the first one", async () => {
      await service.createPromocodes([
        { code: "ALPHA", type: "percentage", value: 10 },
        { code: "BETA", type: "percentage", value: 20 },
      ])
      const started = Date.now()
      await service.validateCode({ code: "ALPHA", customer_id: "cus_1", ...PLAN })
      await service.validateCode({ code: "alpha", customer_id: "cus_2", ...PLAN })
      await service.validateCode({ code: "BETA", customer_id: "cus_1", ...PLAN })
      // nothing is written by the previews themselves
      expect(await counts()).toEqual([
        ["ALPHA", 0],
        ["BETA", 0],
      ])
      while ((await counts())[0][1] === 0 && Date.now() - started < 5000) {
        await sleep(50)
      }
      expect(Date.now() - started).toBeGreaterThanOrEqual(250)
      expect(await counts()).toEqual([
        ["ALPHA", 2],
        ["BETA", 1],
      ])
      // the next view starts a new interval
      await service.validateCode({ code: "BETA", customer_id: "cus_3", ...PLAN })
      await sleep(600)
      expect(await counts()).toEqual([
        ["ALPHA", 2],
        ["BETA", 2],
      ])
    })

    it("adds to what another process wrote meanwhile, and the shutdown hook writes what is left", async () => {
      const promo = await service.createPromocodes({ code: "GAMMA", type: "percentage", value: 5 })
      await service.validateCode({ code: "GAMMA", customer_id: "cus_1", ...PLAN })
      // another server's flush of its own views
      await query(`UPDATE promocode SET validated_count = validated_count + 5 WHERE id = ?`, [promo.id])
      await service.__hooks.onApplicationPrepareShutdown()
      expect(await counts()).toEqual([["GAMMA", 6]])
      // a removed code's views are dropped, not an error
      await service.validateCode({ code: "GAMMA", customer_id: "cus_2", ...PLAN })
      await query(`UPDATE promocode SET deleted_at = now() WHERE id = ?`, [promo.id])
      expect(await service.flushViews()).toBe(1)
      expect(await service.flushViews()).toBe(0)
    })
  },
})
