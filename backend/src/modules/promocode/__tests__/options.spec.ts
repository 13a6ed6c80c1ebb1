import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import path from "path"
import { PROMOCODE_MODULE } from ".."
import PromocodeModuleService from "../service"
import { shopper } from "./helpers"

jest.setTimeout(120000)

moduleIntegrationTestRunner<PromocodeModuleService>({
  moduleName: PROMOCODE_MODULE,
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  moduleOptions: { reservationTtlMs: 60_000 },
  testSuite: ({ service }) => {
    it("the reservationTtlMs option sets how long a reservation holds", async () => {
      await service.createPromocodes({ code: "OPT", type: "percentage", value: 10 })
      const before = Date.now()
      const usage = await service.reserve(shopper("OPT", "cus_1"))
      const ttl = new Date(usage.expires_at).getTime() - before
      expect(ttl).toBeGreaterThanOrEqual(60_000 - 50)
      expect(ttl).toBeLessThan(65_000)

      // a per-call ttl_ms still wins
      const short = await service.reserve(shopper("OPT", "cus_2", { ttl_ms: 5_000 }))
      expect(new Date(short.expires_at).getTime() - Date.now()).toBeLessThan(5_100)

      expect(await service.releaseExpired(new Date(Date.now() + 10_000))).toBe(1)
      expect(await service.releaseExpired(new Date(Date.now() + 61_000))).toBe(1)
    })
  },
})
