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
        is_trial: s.is_trial,
        starts_at: iso(s.starts_at),
        ends_at: iso(s.ends_at),
        current_period_start: iso(s.current_period_start),
        period_amount: s.period_amount == null ? null : Number(s.period_amount),
        cancel_at_period_end: s.cancel_at_period_end,
        pending_variant_id: s.pending_variant_id,
        last_purchase_id: s.last_purchase_id,
      }))

    describe("grantOrExtend", () => {
      it("starts a new subscription now when the customer has none", async () => {
        const { subscription, previous, period } = await service.grantOrExtend(monthly({ amount: 399, currency_code: "rub" }))

        expect(subscription.id).toMatch(/^sub_/)
        expect(subscription).toEqual(
          expect.objectContaining({
            customer_id: "cus_1",
            product_id: STANDARD,
            variant_id: "variant_standard_monthly",
            status: "active",
            is_trial: false,
            cancel_at_period_end: false,
            pending_variant_id: null,
            currency_code: "rub",
            last_purchase_id: "pur_1",
          })
        )
        expect(Number(subscription.period_amount)).toBe(399)
        expect(iso(subscription.starts_at)).toBe("2025-01-31T10:00:00.000Z")
        expect(iso(subscription.current_period_start)).toBe("2025-01-31T10:00:00.000Z")
        // Jan 31 + 1 month clamps to Feb 28
        expect(iso(subscription.ends_at)).toBe("2025-02-28T10:00:00.000Z")
        expect([iso(period.start), iso(period.end)]).toEqual(["2025-01-31T10:00:00.000Z", "2025-02-28T10:00:00.000Z"])
        expect(previous).toEqual({
          action: "created",
          customer_id: "cus_1",
          purchase_id: "pur_1",
          subscription_id: subscription.id,
          granted_ends_at: "2025-02-28T10:00:00.000Z",
          before: null,
          ended: [],
        })
      })

      it("starts the Trial as trialing", async () => {
        const { subscription } = await service.grantOrExtend(
          monthly({ interval: "day", interval_count: 7, is_trial: true, amount: 0 })
        )
        expect(subscription).toEqual(expect.objectContaining({ status: "trialing", is_trial: true }))
        expect(iso(subscription.ends_at)).toBe("2025-02-07T10:00:00.000Z")
      })

      it("appends one more period of the same plan to the current end, clearing a cancel and a schedule", async () => {
        const first = await service.grantOrExtend(monthly({ amount: 399 }))
        await service.schedulePlanChange({ customer_id: "cus_1", subscription_id: first.subscription.id, variant_id: "v_cheap", now: NOW })
        await service.cancelAtPeriodEnd(first.subscription.id, { now: NOW })
        const later = new Date("2025-02-10T00:00:00.000Z")
        const { subscription, previous, period } = await service.grantOrExtend(
          monthly({ purchase_id: "pur_2", now: later, amount: 399, change: "extension", expected_subscription_id: first.subscription.id })
        )

        expect(subscription.id).toBe(first.subscription.id)
        expect(iso(subscription.starts_at)).toBe("2025-01-31T10:00:00.000Z")
        expect(iso(subscription.current_period_start)).toBe("2025-01-31T10:00:00.000Z")
        expect(iso(subscription.ends_at)).toBe("2025-03-28T10:00:00.000Z")
        expect([iso(period.start), iso(period.end)]).toEqual(["2025-02-28T10:00:00.000Z", "2025-03-28T10:00:00.000Z"])
        expect(subscription).toEqual(expect.objectContaining({ cancel_at_period_end: false, pending_variant_id: null, last_purchase_id: "pur_2" }))
        expect(Number(subscription.period_amount)).toBe(798)
        expect(previous).toEqual(
          expect.objectContaining({
            action: "extended",
            subscription_id: first.subscription.id,
            granted_ends_at: "2025-03-28T10:00:00.000Z",
            before: expect.objectContaining({
              ends_at: "2025-02-28T10:00:00.000Z",
              cancel_at_period_end: true,
              pending_variant_id: "v_cheap",
              last_purchase_id: "pur_1",
            }),
          })
        )
        expect(await byCustomer()).toHaveLength(1)
      })

      it("upgrades the live subscription in place: the new plan and a new period from now", async () => {
        const standard = await service.grantOrExtend(monthly({ amount: 399 }))
        const switchAt = new Date("2025-02-10T00:00:00.000Z")
        const { subscription, previous } = await service.grantOrExtend(
          monthly({
            product_id: PREMIUM,
            variant_id: "variant_premium_monthly",
            purchase_id: "pur_2",
            now: switchAt,
            change: "upgrade",
            amount: 699,
          })
        )

        expect(subscription.id).toBe(standard.subscription.id)
        expect(subscription).toEqual(expect.objectContaining({ product_id: PREMIUM, variant_id: "variant_premium_monthly", status: "active" }))
        expect(iso(subscription.starts_at)).toBe("2025-01-31T10:00:00.000Z")
        expect(iso(subscription.current_period_start)).toBe("2025-02-10T00:00:00.000Z")
        expect(iso(subscription.ends_at)).toBe("2025-03-10T00:00:00.000Z")
        expect(Number(subscription.period_amount)).toBe(699)
        expect(previous).toEqual(
          expect.objectContaining({
            action: "upgraded",
            before: expect.objectContaining({ product_id: STANDARD, variant_id: "variant_standard_monthly", ends_at: "2025-02-28T10:00:00.000Z" }),
          })
        )
        expect((await byCustomer()).map((s) => s.status)).toEqual(["active"])
      })

      it("refuses a decision made on another live subscription (SUBSCRIPTION_CHANGED)", async () => {
        await service.grantOrExtend(monthly())
        const before = await byCustomer()
        await expect(
          service.grantOrExtend(monthly({ purchase_id: "pur_2", change: "upgrade", expected_subscription_id: null }))
        ).rejects.toMatchObject({ code: "SUBSCRIPTION_CHANGED" })
        await expect(
          service.grantOrExtend(monthly({ customer_id: "cus_2", change: "extension" }))
        ).rejects.toMatchObject({ code: "SUBSCRIPTION_CHANGED" })
        await expect(service.grantOrExtend(monthly({ change: "new" }))).rejects.toMatchObject({ code: "SUBSCRIPTION_CHANGED" })
        expect(await byCustomer()).toEqual(before)
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

      it("starts over when the live subscription has already ended, ending it as expired or canceled", async () => {
        const old = await service.grantOrExtend(monthly())
        const afterEnd = new Date("2025-03-05T00:00:00.000Z")
        const { subscription, previous } = await service.grantOrExtend(
          monthly({ purchase_id: "pur_2", now: afterEnd })
        )

        expect(subscription.id).not.toBe(old.subscription.id)
        expect(iso(subscription.starts_at)).toBe("2025-03-05T00:00:00.000Z")
        expect(iso(subscription.ends_at)).toBe("2025-04-05T00:00:00.000Z")
        expect(previous.action).toBe("created")
        expect(previous.ended).toEqual([{ id: old.subscription.id, status: "active" }])
        expect((await byCustomer()).map((s) => s.status)).toEqual(["expired", "active"])

        const cancelled = await service.grantOrExtend(monthly({ customer_id: "cus_2" }))
        await service.cancelAtPeriodEnd(cancelled.subscription.id, { now: NOW })
        await service.grantOrExtend(monthly({ customer_id: "cus_2", now: afterEnd }))
        expect((await byCustomer("cus_2")).map((s) => s.status)).toEqual(["canceled", "active"])
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

      it("applies concurrent grants of different tariffs without two live subscriptions", async () => {
        const start = new Date("2025-01-15T00:00:00.000Z")
        await Promise.all(
          Array.from({ length: 6 }, (_, i) =>
            service.grantOrExtend(
              monthly({
                product_id: i % 2 ? PREMIUM : STANDARD,
                variant_id: i % 2 ? "variant_premium_monthly" : "variant_standard_monthly",
                purchase_id: `pur_${i}`,
                now: start,
              })
            )
          )
        )
        const rows = await byCustomer()
        expect(rows).toHaveLength(1)
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

      it("gives an extended subscription every field back", async () => {
        const first = await service.grantOrExtend(monthly({ amount: 399 }))
        await service.cancelAtPeriodEnd(first.subscription.id, { now: NOW })
        const before = await byCustomer()
        const { previous } = await service.grantOrExtend(
          monthly({ purchase_id: "pur_2", amount: 399, now: new Date("2025-02-01T00:00:00.000Z") })
        )

        expect(await service.revertGrant(previous)).toEqual({ reverted: true })
        const after = await byCustomer()
        expect(after).toEqual(before)
        expect(after[0].id).toBe(first.subscription.id)
        expect(await service.revertGrant(previous)).toEqual({ reverted: false })
        expect(await byCustomer()).toEqual(before)
      })

      it("gives an upgraded subscription its old plan, period and schedule back", async () => {
        const first = await service.grantOrExtend(monthly({ amount: 399 }))
        await service.schedulePlanChange({ customer_id: "cus_1", subscription_id: first.subscription.id, variant_id: "v_cheap", now: NOW })
        const before = await byCustomer()
        const { previous } = await service.grantOrExtend(
          monthly({
            product_id: PREMIUM,
            variant_id: "variant_premium_monthly",
            purchase_id: "pur_2",
            amount: 699,
            now: new Date("2025-02-10T00:00:00.000Z"),
          })
        )
        expect(previous.action).toBe("upgraded")
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

      it("gives subscriptions it ended their status back", async () => {
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

    describe("cancel, resume, schedule", () => {
      it("cancels at the period end, resumes, ends now, and restores a snapshot exactly", async () => {
        const { subscription } = await service.grantOrExtend(monthly({ amount: 399 }))
        const cancelled = await service.cancelAtPeriodEnd(subscription.id, { customer_id: "cus_1", now: NOW })
        expect(cancelled.subscription.cancel_at_period_end).toBe(true)
        expect(cancelled.before.cancel_at_period_end).toBe(false)
        await expect(service.cancelAtPeriodEnd(subscription.id, { customer_id: "cus_2", now: NOW })).rejects.toMatchObject({
          code: "SUBSCRIPTION_NOT_FOUND",
        })
        const resumed = await service.resume(subscription.id, { customer_id: "cus_1", now: NOW })
        expect(resumed.subscription).toEqual(expect.objectContaining({ cancel_at_period_end: false, canceled_at: null }))
        await expect(service.resume(subscription.id, { now: NOW })).rejects.toMatchObject({ code: "SUBSCRIPTION_NOT_CANCELED" })

        const before = await byCustomer()
        const ended = await service.cancelNow(subscription.id, { now: new Date("2025-02-10T00:00:00.000Z") })
        expect(ended.subscription.status).toBe("canceled")
        expect(iso(ended.subscription.ends_at)).toBe("2025-02-10T00:00:00.000Z")
        await expect(service.resume(subscription.id, { now: NOW })).rejects.toMatchObject({ code: "SUBSCRIPTION_NOT_ACTIVE" })
        await service.restoreSubscription(ended.before)
        expect(await byCustomer()).toEqual(before)
      })

      it("records each cancel, resume and scheduled change as an event; restoring a change removes its event only", async () => {
        const { subscription } = await service.grantOrExtend(monthly({ amount: 399 }))
        const events = async () =>
          (await service.listSubscriptionEvents({ subscription_id: subscription.id }, { order: { created_at: "ASC" } })).map((e) => [
            e.type,
            (e.data as { variant_id?: string } | null)?.variant_id ?? null,
          ])
        await service.cancelAtPeriodEnd(subscription.id, { now: NOW })
        await service.resume(subscription.id, { now: NOW })
        await service.schedulePlanChange({ customer_id: "cus_1", subscription_id: subscription.id, variant_id: "v_a", now: NOW })
        expect(await events()).toEqual([["canceled", null], ["resumed", null], ["plan_change_scheduled", "v_a"]])
        // a refused change records nothing
        await expect(service.resume(subscription.id, { now: NOW })).rejects.toMatchObject({ code: "SUBSCRIPTION_NOT_CANCELED" })
        const ended = await service.cancelNow(subscription.id, { now: NOW })
        expect((await events()).map(([type]) => type)).toEqual(["canceled", "resumed", "plan_change_scheduled", "canceled_now"])
        // the compensation of the cancel: the subscription back, its event gone, the others kept
        await service.restoreSubscription(ended.before)
        expect((await events()).map(([type]) => type)).toEqual(["canceled", "resumed", "plan_change_scheduled"])
        expect((await service.retrieveSubscription(subscription.id)).status).toBe("active")
      })

      it("schedules a plan change, and a second one replaces the first", async () => {
        const { subscription } = await service.grantOrExtend(monthly())
        await service.schedulePlanChange({ customer_id: "cus_1", subscription_id: subscription.id, variant_id: "v_a", now: NOW })
        const second = await service.schedulePlanChange({ customer_id: "cus_1", subscription_id: subscription.id, variant_id: "v_b", now: NOW })
        expect(second.subscription.pending_variant_id).toBe("v_b")
        expect(second.before.pending_variant_id).toBe("v_a")
      })
    })

    describe("trialEligibility", () => {
      it("allows the Trial once, and never after a paid purchase", async () => {
        expect(await service.trialEligibility("cus_new")).toEqual({ available: true, reason: null })
        await service.grantOrExtend(monthly({ customer_id: "cus_trial", is_trial: true }))
        expect(await service.trialEligibility("cus_trial")).toEqual({ available: false, reason: "trial_used" })
        const purchase = await service.createPurchases({
          customer_id: "cus_paid", product_id: STANDARD, variant_id: "v", interval: "month", interval_count: 1,
          original_amount: 399, discount_amount: 399, total: 0, currency_code: "rub",
        })
        expect(await service.trialEligibility("cus_paid")).toEqual({ available: true, reason: null })
        await service.completePurchase(purchase.id)
        expect(await service.trialEligibility("cus_paid")).toEqual({ available: false, reason: "paid_subscription" })
      })
    })

    describe("expireEnded", () => {
      it("ends live subscriptions that have ended, in one call: canceled if cancelled, else expired", async () => {
        await service.grantOrExtend(monthly({ customer_id: "cus_a" }))
        await service.grantOrExtend(
          monthly({ customer_id: "cus_b", interval: "year" })
        )
        const trial = await service.grantOrExtend(
          monthly({ customer_id: "cus_c", interval: "day", is_trial: true })
        )
        const cancelled = await service.grantOrExtend(monthly({ customer_id: "cus_d" }))
        await service.cancelAtPeriodEnd(cancelled.subscription.id, { now: NOW })

        // the monthly ones end exactly at this moment: ends_at <= now ends them
        expect(
          await service.expireEnded(new Date("2025-02-28T10:00:00.000Z"))
        ).toBe(3)
        expect(
          await service.expireEnded(new Date("2025-02-28T10:00:00.000Z"))
        ).toBe(0)

        const statuses = async (customer_id: string) =>
          (await byCustomer(customer_id)).map((s) => s.status)
        expect(await statuses("cus_a")).toEqual(["expired"])
        expect(await statuses("cus_b")).toEqual(["active"])
        expect(await statuses("cus_c")).toEqual(["expired"])
        expect(trial.subscription.status).toBe("trialing")
        expect(await statuses("cus_d")).toEqual(["canceled"])

        expect(
          await service.expireEnded(new Date("2027-01-01T00:00:00.000Z"))
        ).toBe(1)
        expect(await statuses("cus_b")).toEqual(["expired"])
      })
    })

    describe("liveSubscription", () => {
      it("returns the customer's running subscription or null", async () => {
        expect(await service.liveSubscription("cus_1", NOW)).toBeNull()
        const { subscription } = await service.grantOrExtend(monthly())
        expect(
          (await service.liveSubscription("cus_1", NOW))?.id
        ).toBe(subscription.id)
        expect(
          await service.liveSubscription("cus_1", new Date("2025-03-01T00:00:00.000Z"))
        ).toBeNull()
        expect(await service.liveSubscription("cus_2", NOW)).toBeNull()
      })
    })

    describe("saleContext", () => {
      it("reads the live subscription and the purchase history in one call, as the single reads do", async () => {
        expect(await service.saleContext("cus_1", NOW)).toEqual({
          live: null,
          trial: { available: true, reason: null },
          has_completed_purchase: false,
        })
        const { subscription } = await service.grantOrExtend(monthly({ amount: 399, currency_code: "rub" }))
        const purchase = await service.createPurchases({
          customer_id: "cus_1", product_id: STANDARD, variant_id: "v", interval: "month", interval_count: 1,
          original_amount: 399, discount_amount: 0, total: 399, currency_code: "rub",
        })
        await service.completePurchase(purchase.id)
        const context = await service.saleContext("cus_1", NOW)
        const live = await service.liveSubscription("cus_1", NOW)
        expect(context).toEqual({
          live: {
            id: subscription.id,
            variant_id: live!.variant_id,
            is_trial: false,
            current_period_start: new Date(live!.current_period_start),
            ends_at: new Date(live!.ends_at),
            period_amount: "399",
            currency_code: "rub",
          },
          trial: await service.trialEligibility("cus_1"),
          has_completed_purchase: true,
        })
        // after its end it is no longer live; another customer has nothing
        expect((await service.saleContext("cus_1", new Date("2025-03-01T00:00:00.000Z"))).live).toBeNull()
        expect((await service.saleContext("cus_2", NOW)).has_completed_purchase).toBe(false)
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
