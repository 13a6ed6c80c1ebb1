import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { SUBSCRIPTION_MODULE } from ".."
import type { DueRow } from "../lib/renewal"
import SubscriptionModuleService from "../service"

jest.setTimeout(60000)

const NOW = new Date("2025-01-31T10:00:00.000Z")
const LATER = new Date("2025-06-01T00:00:00.000Z")

/**
 * The renewal pass reads the due subscriptions page by page with a keyset
 * cursor (lib/renewal.ts `listDue`): every due row once, in (ends_at, id)
 * order, whatever the page size, ties and sub-millisecond ends included.
 */
moduleIntegrationTestRunner<SubscriptionModuleService>({
  moduleName: SUBSCRIPTION_MODULE,
  resolve: "./src/modules/subscription",
  testSuite: ({ service, MikroOrmWrapper }) => {
    const execute = (query: string, params: unknown[] = []) =>
      MikroOrmWrapper.forkManager().execute(query, params as never[])

    /** A monthly subscription bought at `NOW` with a saved card and auto-renew. */
    const renewing = async (customer_id: string) => {
      const { subscription } = await service.grantOrExtend({
        customer_id,
        product_id: "prod_standard",
        variant_id: "variant_standard_monthly",
        interval: "month",
        interval_count: 1,
        purchase_id: `pur_${customer_id}`,
        now: NOW,
      })
      await service.saveRenewalCard(subscription.id, {
        customer_id,
        now: NOW,
        auto_renew: true,
        payment_method: { id: `emupm_success_${customer_id}`, brand: "visa", last4: "4242" },
        account_holder_id: `acchld_${customer_id}`,
      })
      return subscription.id
    }

    const allPages = async (limit: number) => {
      const seen: DueRow[] = []
      let after: DueRow | null = null
      for (let pages = 0; pages < 100; pages++) {
        const page = await service.listDueRenewals(LATER, { limit, after })
        if (!page.length) {
          return { rows: seen, pages }
        }
        seen.push(...page)
        after = page[page.length - 1]
      }
      throw new Error("the pages never ended")
    }

    it("pages through every due subscription once, in (ends_at, id) order", async () => {
      const ids: string[] = []
      for (let i = 0; i < 7; i++) {
        ids.push(await renewing(`cus_due_${i}`))
      }
      // ties on ends_at, and ends that differ below the millisecond (a JS Date would round them together)
      await execute(`UPDATE subscription SET ends_at = ends_at + interval '250 microseconds' WHERE id IN (?, ?)`, [ids[1], ids[4]])
      await execute(`UPDATE subscription SET ends_at = ends_at + interval '1 day' WHERE id = ?`, [ids[6]])
      // not due: no auto-renew; ends after LATER
      await service.saveRenewalCard(await renewing("cus_off"), { customer_id: "cus_off", now: NOW, auto_renew: false })
      const late = await renewing("cus_late")
      await execute(`UPDATE subscription SET ends_at = ? WHERE id = ?`, [new Date(LATER.getTime() + 1000), late])

      const expected = [...ids.filter((_, i) => ![1, 4, 6].includes(i)).sort(), ...[ids[1], ids[4]].sort(), ids[6]]
      for (const limit of [1, 2, 3, 100]) {
        const { rows, pages } = await allPages(limit)
        expect(rows.map((r) => r.id)).toEqual(expected)
        expect(pages).toBe(Math.ceil(expected.length / limit))
      }
      const [first] = await service.listDueRenewals(LATER, { limit: 1 })
      expect(first).toEqual({ id: expected[0], customer_id: expect.stringMatching(/^cus_due_/), ends_at: expect.any(String) })
    })
  },
})
