import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { SUBSCRIPTION_MODULE } from ".."
import SubscriptionModuleService, { GrantOrExtendInput } from "../service"

jest.setTimeout(60000)

const STANDARD = "prod_standard"
const PREMIUM = "prod_premium"
const NOW = new Date("2025-01-31T10:00:00.000Z")

const monthly = (
  overrides: Partial<GrantOrExtendInput> = {}
): GrantOrExtendInput => ({
  customer_id: "cus_1",
  product_id: STANDARD,
  variant_id: "variant_standard_monthly",
  interval: "month",
  interval_count: 1,
  purchase_id: "pur_1",
  now: NOW,
  ...overrides,
})

const iso = (value: Date | string) => new Date(value).toISOString()

moduleIntegrationTestRunner<SubscriptionModuleService>({
  moduleName: SUBSCRIPTION_MODULE,
  resolve: "./src/modules/subscription",
  testSuite: ({ service }) => {
    const byCustomer = async (customer_id = "cus_1") =>
      (
        await service.listSubscriptions(
          { customer_id },
          { order: { created_at: "ASC" } }
        )
      ).map((s) => ({
        id: s.id,
        product_id: s.product_id,
        variant_id: s.variant_id,
        status: s.status,
        starts_at: iso(s.starts_at),
        ends_at: iso(s.ends_at),
        last_purchase_id: s.last_purchase_id,
      }))

    describe("grantOrExtend", () => {
      it("starts a new subscription now when the customer has none", async () => {
        const { subscription, previous } = await service.grantOrExtend(monthly())

        expect(subscription.id).toMatch(/^sub_/)
        expect(subscription).toEqual(
          expect.objectContaining({
            customer_id: "cus_1",
            product_id: STANDARD,
            variant_id: "variant_standard_monthly",
            status: "active",
            last_purchase_id: "pur_1",
          })
        )
        expect(iso(subscription.starts_at)).toBe("2025-01-31T10:00:00.000Z")
        // Jan 31 + 1 month clamps to Feb 28
        expect(iso(subscription.ends_at)).toBe("2025-02-28T10:00:00.000Z")
        expect(previous).toEqual({
          action: "created",
          customer_id: "cus_1",
          purchase_id: "pur_1",
          subscription_id: subscription.id,
          granted_ends_at: "2025-02-28T10:00:00.000Z",
          extended: null,
          replaced: [],
          expired_ids: [],
        })
      })

      it("extends an active subscription to the same tariff from its end", async () => {
        const first = await service.grantOrExtend(monthly())
        const later = new Date("2025-02-10T00:00:00.000Z")
        const { subscription, previous } = await service.grantOrExtend(
          monthly({
            variant_id: "variant_standard_yearly",
            interval: "year",
            purchase_id: "pur_2",
            now: later,
          })
        )

        expect(subscription.id).toBe(first.subscription.id)
        expect(iso(subscription.starts_at)).toBe("2025-01-31T10:00:00.000Z")
        expect(iso(subscription.ends_at)).toBe("2026-02-28T10:00:00.000Z")
        expect(subscription.variant_id).toBe("variant_standard_yearly")
        expect(subscription.last_purchase_id).toBe("pur_2")
        expect(previous).toEqual(
          expect.objectContaining({
            action: "extended",
            subscription_id: first.subscription.id,
            granted_ends_at: "2026-02-28T10:00:00.000Z",
            extended: {
              ends_at: "2025-02-28T10:00:00.000Z",
              variant_id: "variant_standard_monthly",
              last_purchase_id: "pur_1",
            },
            replaced: [],
          })
        )
        expect(await byCustomer()).toHaveLength(1)
      })

      it("replaces an active subscription to another tariff, ending it now", async () => {
        const standard = await service.grantOrExtend(monthly())
        const switchAt = new Date("2025-02-10T00:00:00.000Z")
        const { subscription, previous } = await service.grantOrExtend(
          monthly({
            product_id: PREMIUM,
            variant_id: "variant_premium_monthly",
            purchase_id: "pur_2",
            now: switchAt,
          })
        )

        expect(subscription.id).not.toBe(standard.subscription.id)
        expect(iso(subscription.starts_at)).toBe("2025-02-10T00:00:00.000Z")
        expect(iso(subscription.ends_at)).toBe("2025-03-10T00:00:00.000Z")
        expect(previous).toEqual(
          expect.objectContaining({
            action: "replaced",
            subscription_id: subscription.id,
            replaced: [
              { id: standard.subscription.id, ends_at: "2025-02-28T10:00:00.000Z" },
            ],
          })
        )
        expect(await byCustomer()).toEqual([
          expect.objectContaining({
            id: standard.subscription.id,
            status: "replaced",
            ends_at: "2025-02-10T00:00:00.000Z",
          }),
          expect.objectContaining({
            id: subscription.id,
            product_id: PREMIUM,
            status: "active",
          }),
        ])
      })

      it("gives free_days days instead of the plan's period", async () => {
        const { subscription } = await service.grantOrExtend(
          monthly({ interval: "year", free_days: 14 })
        )
        expect(iso(subscription.ends_at)).toBe("2025-02-14T10:00:00.000Z")

        const extended = await service.grantOrExtend(
          monthly({ free_days: 7, purchase_id: "pur_2" })
        )
        expect(extended.subscription.id).toBe(subscription.id)
        expect(iso(extended.subscription.ends_at)).toBe("2025-02-21T10:00:00.000Z")
      })

      it("starts over when the active subscription to the same tariff has already ended", async () => {
        const old = await service.grantOrExtend(monthly())
        const afterEnd = new Date("2025-03-05T00:00:00.000Z")
        const { subscription, previous } = await service.grantOrExtend(
          monthly({ purchase_id: "pur_2", now: afterEnd })
        )

        expect(subscription.id).not.toBe(old.subscription.id)
        expect(iso(subscription.starts_at)).toBe("2025-03-05T00:00:00.000Z")
        expect(iso(subscription.ends_at)).toBe("2025-04-05T00:00:00.000Z")
        expect(previous.action).toBe("created")
        expect(previous.expired_ids).toEqual([old.subscription.id])
        expect((await byCustomer()).map((s) => s.status)).toEqual([
          "expired",
          "active",
        ])
      })

      it("keeps other customers' subscriptions apart", async () => {
        await service.grantOrExtend(monthly())
        const other = await service.grantOrExtend(
          monthly({ customer_id: "cus_2", product_id: PREMIUM })
        )
        expect(other.previous.action).toBe("created")
        expect((await byCustomer("cus_1"))[0].status).toBe("active")
      })

      it.each([
        [{ interval_count: 0 }],
        [{ interval_count: 1.5 }],
        [{ interval: "week" }],
        [{ free_days: 0 }],
        [{ customer_id: "" }],
        [{ now: "not a date" }],
      ])("rejects invalid input %p", async (overrides) => {
        await expect(
          service.grantOrExtend(monthly(overrides as Partial<GrantOrExtendInput>))
        ).rejects.toMatchObject({ type: "invalid_data" })
        expect(await byCustomer()).toEqual([])
      })

      it("applies 10 concurrent grants for one customer one after another", async () => {
        const start = new Date("2025-01-15T00:00:00.000Z")
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            service.grantOrExtend(monthly({ purchase_id: `pur_${i}`, now: start }))
          )
        )

        const rows = await byCustomer()
        expect(rows).toHaveLength(1)
        expect(rows[0].status).toBe("active")
        expect(rows[0].starts_at).toBe("2025-01-15T00:00:00.000Z")
        expect(rows[0].ends_at).toBe("2025-11-15T00:00:00.000Z")
        expect(
          results.filter((r) => r.previous.action === "created")
        ).toHaveLength(1)
        // every grant saw the one before it: the ends form a chain of ten months
        expect(
          results.map((r) => r.previous.granted_ends_at).sort()
        ).toEqual(
          Array.from({ length: 10 }, (_, i) =>
            new Date(Date.UTC(2025, 1 + i, 15)).toISOString()
          )
        )
      })

      it("applies concurrent grants of different tariffs without two active subscriptions", async () => {
        const start = new Date("2025-01-15T00:00:00.000Z")
        await Promise.all(
          Array.from({ length: 6 }, (_, i) =>
            service.grantOrExtend(
              monthly({
                product_id: i % 2 ? PREMIUM : STANDARD,
                purchase_id: `pur_${i}`,
                now: start,
              })
            )
          )
        )
        const rows = await byCustomer()
        expect(rows.filter((s) => s.status === "active")).toHaveLength(1)
      })
    })

    describe("revertGrant", () => {
      it("deletes a created subscription", async () => {
        const { previous } = await service.grantOrExtend(monthly())
        expect(await service.revertGrant(previous)).toEqual({ reverted: true })
        expect(await byCustomer()).toEqual([])
        // a second call (compensation retried) changes nothing
        expect(await service.revertGrant(previous)).toEqual({ reverted: false })
      })

      it("gives an extended subscription its former end, plan and purchase back", async () => {
        const first = await service.grantOrExtend(monthly())
        const before = await byCustomer()
        const { previous } = await service.grantOrExtend(
          monthly({
            variant_id: "variant_standard_yearly",
            interval: "year",
            purchase_id: "pur_2",
            now: new Date("2025-02-01T00:00:00.000Z"),
          })
        )

        expect(await service.revertGrant(previous)).toEqual({ reverted: true })
        const after = await byCustomer()
        expect(after).toEqual(before)
        expect(after[0].id).toBe(first.subscription.id)
        expect(await service.revertGrant(previous)).toEqual({ reverted: false })
        expect(await byCustomer()).toEqual(before)
      })

      it("deletes the new subscription and restores the replaced one", async () => {
        await service.grantOrExtend(monthly())
        const before = await byCustomer()
        const { previous } = await service.grantOrExtend(
          monthly({
            product_id: PREMIUM,
            purchase_id: "pur_2",
            now: new Date("2025-02-10T00:00:00.000Z"),
          })
        )

        expect(await service.revertGrant(previous)).toEqual({ reverted: true })
        expect(await byCustomer()).toEqual(before)
        expect(await service.revertGrant(previous)).toEqual({ reverted: false })
        expect(await byCustomer()).toEqual(before)
      })

      it("undoes a free_days grant", async () => {
        await service.grantOrExtend(monthly())
        const before = await byCustomer()
        const { previous } = await service.grantOrExtend(
          monthly({ free_days: 30, purchase_id: "pur_2" })
        )
        expect(await service.revertGrant(previous)).toEqual({ reverted: true })
        expect(await byCustomer()).toEqual(before)
      })

      it("sets subscriptions it expired back to active", async () => {
        await service.grantOrExtend(monthly())
        const before = await byCustomer()
        const { previous } = await service.grantOrExtend(
          monthly({ purchase_id: "pur_2", now: new Date("2025-03-05T00:00:00.000Z") })
        )
        expect(await service.revertGrant(previous)).toEqual({ reverted: true })
        expect(await byCustomer()).toEqual(before)
      })

      it("works with the previous state after a JSON round trip", async () => {
        await service.grantOrExtend(monthly())
        const before = await byCustomer()
        const { previous } = await service.grantOrExtend(
          monthly({ purchase_id: "pur_2", now: new Date("2025-02-01T00:00:00.000Z") })
        )
        await service.revertGrant(JSON.parse(JSON.stringify(previous)))
        expect(await byCustomer()).toEqual(before)
      })

      it("leaves a subscription alone once a later grant changed it", async () => {
        const { previous } = await service.grantOrExtend(monthly())
        await service.grantOrExtend(monthly({ purchase_id: "pur_2" }))
        const before = await byCustomer()
        expect(await service.revertGrant(previous)).toEqual({ reverted: false })
        expect(await byCustomer()).toEqual(before)
      })
    })

    describe("expireEnded", () => {
      it("expires active subscriptions that have ended, in one call", async () => {
        await service.grantOrExtend(monthly({ customer_id: "cus_a" }))
        await service.grantOrExtend(
          monthly({ customer_id: "cus_b", interval: "year" })
        )
        await service.grantOrExtend(
          monthly({ customer_id: "cus_c", interval: "day" })
        )
        // replaced subscriptions are not touched
        await service.grantOrExtend(
          monthly({
            customer_id: "cus_c",
            product_id: PREMIUM,
            interval: "year",
            now: new Date("2025-01-31T12:00:00.000Z"),
          })
        )

        // the monthly one ends exactly at this moment: ends_at <= now expires it
        expect(
          await service.expireEnded(new Date("2025-02-28T10:00:00.000Z"))
        ).toBe(1)
        expect(
          await service.expireEnded(new Date("2025-02-28T10:00:00.000Z"))
        ).toBe(0)

        const statuses = async (customer_id: string) =>
          (await byCustomer(customer_id)).map((s) => s.status)
        expect(await statuses("cus_a")).toEqual(["expired"])
        expect(await statuses("cus_b")).toEqual(["active"])
        expect(await statuses("cus_c")).toEqual(["replaced", "active"])

        expect(
          await service.expireEnded(new Date("2027-01-01T00:00:00.000Z"))
        ).toBe(2)
        expect(await statuses("cus_c")).toEqual(["replaced", "expired"])
      })
    })

    describe("activeSubscription", () => {
      it("returns the customer's running subscription or null", async () => {
        expect(await service.activeSubscription("cus_1", NOW)).toBeNull()
        const { subscription } = await service.grantOrExtend(monthly())
        expect(
          (await service.activeSubscription("cus_1", NOW))?.id
        ).toBe(subscription.id)
        expect(
          await service.activeSubscription("cus_1", new Date("2025-03-01T00:00:00.000Z"))
        ).toBeNull()
        expect(await service.activeSubscription("cus_2", NOW)).toBeNull()
      })
    })

    describe("purchases", () => {
      const pending = {
        customer_id: "cus_1",
        product_id: STANDARD,
        variant_id: "variant_standard_monthly",
        interval: "month" as const,
        interval_count: 1,
        original_amount: 399,
        discount_amount: 39.9,
        total: 359.1,
        currency_code: "rub",
        promocode: "SAVE10",
      }

      it("stores amounts as decimals and starts pending", async () => {
        const purchase = await service.createPurchases(pending)
        expect(purchase.id).toMatch(/^pur_/)
        expect(purchase.status).toBe("pending")
        const [read] = await service.listPurchases({ id: purchase.id })
        expect(Number(read.total)).toBe(359.1)
        expect(Number(read.discount_amount)).toBe(39.9)
      })

      it("refuses a second purchase with the same idempotency key for a customer", async () => {
        await service.createPurchases({ ...pending, idempotency_key: "key-1" })
        await expect(
          service.createPurchases({ ...pending, idempotency_key: "key-1" })
        ).rejects.toMatchObject({
          type: "invalid_data",
          message: expect.stringContaining("already exists"),
        })
        // the same key for another customer, and purchases without keys, are fine
        await service.createPurchases({
          ...pending,
          customer_id: "cus_2",
          idempotency_key: "key-1",
        })
        await service.createPurchases(pending)
        await service.createPurchases(pending)
        expect(await service.listPurchases({ customer_id: "cus_1" })).toHaveLength(3)
      })

      it("completes a pending purchase once and never fails it afterwards", async () => {
        const purchase = await service.createPurchases(pending)
        const done = await service.completePurchase(purchase.id, {
          subscription_id: "sub_1",
          payment_id: "pay_1",
        })
        expect(done).toEqual(
          expect.objectContaining({
            status: "completed",
            subscription_id: "sub_1",
            payment_id: "pay_1",
          })
        )
        expect(done.completed_at).toBeTruthy()
        expect((await service.completePurchase(purchase.id)).status).toBe(
          "completed"
        )
        await expect(
          service.failPurchase(purchase.id, { failure_reason: "card_declined" })
        ).rejects.toMatchObject({ type: "not_allowed" })
      })

      it("tells whether a customer has a completed purchase (pending and failed ones do not count)", async () => {
        expect(await service.hasCompletedPurchase("cus_1")).toBe(false)
        const failed = await service.createPurchases(pending)
        await service.failPurchase(failed.id, { failure_reason: "card_declined" })
        await service.createPurchases(pending)
        expect(await service.hasCompletedPurchase("cus_1")).toBe(false)
        const done = await service.createPurchases(pending)
        await service.completePurchase(done.id)
        expect(await service.hasCompletedPurchase("cus_1")).toBe(true)
        expect(await service.hasCompletedPurchase("cus_2")).toBe(false)
      })

      it("fails a pending purchase with its reason and never completes it afterwards", async () => {
        const purchase = await service.createPurchases(pending)
        const failed = await service.failPurchase(purchase.id, {
          failure_reason: "insufficient_funds",
          payment_collection_id: "pay_col_1",
        })
        expect(failed).toEqual(
          expect.objectContaining({
            status: "failed",
            failure_reason: "insufficient_funds",
            payment_collection_id: "pay_col_1",
            completed_at: null,
          })
        )
        await expect(
          service.completePurchase(purchase.id)
        ).rejects.toMatchObject({ type: "not_allowed" })
        await expect(
          service.failPurchase("pur_missing", { failure_reason: "x" })
        ).rejects.toMatchObject({ type: "not_found" })
      })
    })
  },
})
