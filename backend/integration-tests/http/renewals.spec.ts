import { medusaIntegrationTestRunner } from "../helpers/contract"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { SUBSCRIPTION_MODULE } from "../../src/modules/subscription"
import type SubscriptionModuleService from "../../src/modules/subscription/service"
import { failure, registerCustomer } from "../helpers/auth"
import { at, DAY, MINUTE, useSeededShop } from "../helpers/seed"

jest.setTimeout(300 * 1000)

// The renewal pass runs "as of" a moment in the future (the test clock).
process.env.SUBSCRIPTION_TEST_CLOCK = "true"

const sameMoment = (a: string | Date, b: string | Date) => expect(new Date(a).toISOString()).toEqual(new Date(b).toISOString())

medusaIntegrationTestRunner({
  inApp: true,
  env: { SUBSCRIPTION_TEST_CLOCK: "true" },
  testSuite: ({ api, getContainer }) => {
    const { app, admin, variants } = useSeededShop(api, getContainer)

    type Buyer = Awaited<ReturnType<typeof registerCustomer>>
    const newBuyer = () => registerCustomer(api, app.publishable_key)
    const buy = (buyer: Buyer, plan: string, extra: object = {}) =>
      api.post("/store/purchases", { variant_id: variants[plan], ...extra }, buyer.headers())
    const run = (asOf: string) =>
      api.post("/admin/subscriptions/renewals/run", { as_of: asOf }, admin).then((r: any) => r.data)
    const subscriptionOf = async (buyer: Buyer) => {
      const { data } = await api.get("/store/subscriptions", buyer.headers())
      return data.subscriptions[0]
    }
    const renewalsOf = async (buyer: Buyer) => {
      const { data } = await api.get("/store/purchases", buyer.headers())
      return (data.purchases as any[]).filter((p) => p.kind === "renewal").reverse()
    }
    const replaceCard = (buyer: Buyer, subscriptionId: string, token: string, headers: Record<string, string> = {}) =>
      api.post(`/store/subscriptions/${subscriptionId}/payment-method`, { token }, buyer.headers(headers))
    /** payments captured for this customer's purchases, refunds included */
    const paymentsOf = async (purchases: any[]) => {
      const ids = purchases.map((p) => p.payment_id).filter(Boolean)
      if (!ids.length) return []
      return await getContainer().resolve(Modules.PAYMENT).listPayments({ id: ids }, { relations: ["captures", "refunds"] })
    }

    describe("a paid plan with the saved card", () => {
      it("saves the card on purchase and shows the next charge", async () => {
        const buyer = await newBuyer()
        const bought = await buy(buyer, "standard:month")
        expect(bought.status).toEqual(201)
        expect(bought.data.subscription).toEqual(
          expect.objectContaining({
            auto_renew: true,
            payment_method: { id: expect.stringMatching(/^emupm_success_/), brand: "visa", last4: "4242" },
          })
        )
        const sub = await subscriptionOf(buyer)
        expect(sub.next_charge).toEqual({ at: sub.ends_at, amount: 399, currency_code: "rub" })

        // the card lives at the provider, on the customer's account holder (Medusa's link)
        const { data: [customer] } = await getContainer().resolve("query").graph({
          entity: "customer",
          fields: ["account_holders.*"],
          filters: { id: buyer.id },
        })
        expect(customer.account_holders).toHaveLength(1)
        const listed = await getContainer().resolve(Modules.PAYMENT).listPaymentMethods({
          provider_id: "pp_emulator_emulator",
          context: { account_holder: customer.account_holders?.[0] as any },
        })
        expect(listed.map((m) => m.id)).toEqual([sub.payment_method.id])

        // a second card is saved on the same account holder
        await replaceCard(buyer, sub.id, "tok_renewal_declined_once")
        const { data: [again] } = await getContainer().resolve("query").graph({
          entity: "customer",
          fields: ["account_holders.*"],
          filters: { id: buyer.id },
        })
        expect(again.account_holders).toHaveLength(1)
        const both = await getContainer().resolve(Modules.PAYMENT).listPaymentMethods({
          provider_id: "pp_emulator_emulator",
          context: { account_holder: again.account_holders?.[0] as any },
        })
        expect(both.map((m) => m.data?.last4)).toEqual(["4242", "4444"])
      })

      it("renews at the period end once: a second run charges nothing more", async () => {
        const buyer = await newBuyer()
        const { data } = await buy(buyer, "standard:month")
        const end = data.subscription.ends_at

        // before the end: nothing due
        await run(at(end, -MINUTE))
        expect(await renewalsOf(buyer)).toEqual([])

        const first = await run(at(end, MINUTE))
        expect(first.renewed).toBeGreaterThanOrEqual(1)
        const sub = await subscriptionOf(buyer)
        expect(sub).toEqual(expect.objectContaining({ id: data.subscription.id, status: "active", variant_id: variants["standard:month"] }))
        sameMoment(sub.current_period_start, end)
        const newEnd = new Date(end)
        newEnd.setUTCMonth(newEnd.getUTCMonth() + 1)
        // one calendar month later (clamped at a shorter month's end)
        expect(new Date(sub.ends_at).getTime()).toBeGreaterThan(new Date(end).getTime() + 27 * DAY)
        expect(new Date(sub.ends_at).getTime()).toBeLessThanOrEqual(newEnd.getTime())
        sameMoment(sub.next_charge.at, sub.ends_at)

        let renewals = await renewalsOf(buyer)
        expect(renewals).toEqual([
          expect.objectContaining({ kind: "renewal", status: "completed", total: 399, original_amount: 399, currency_code: "rub", subscription_id: sub.id }),
        ])
        sameMoment(renewals[0].period_start, end)
        sameMoment(renewals[0].period_end, sub.ends_at)
        const [payment] = await paymentsOf(renewals)
        expect(payment.captures).toHaveLength(1)
        expect(payment.refunds ?? []).toHaveLength(0)

        // the same moment again, and a bit later: no second charge
        await run(at(end, MINUTE))
        await run(at(end, 2 * DAY))
        renewals = await renewalsOf(buyer)
        expect(renewals).toHaveLength(1)
        expect((await subscriptionOf(buyer)).ends_at).toEqual(sub.ends_at)

        // the renewal gets its Medusa order through purchase.completed
        for (let i = 0; i < 40 && !(await renewalsOf(buyer))[0].order_id; i++) {
          await new Promise((resolve) => setTimeout(resolve, 250))
        }
        expect((await renewalsOf(buyer))[0].order_id).toEqual(expect.stringMatching(/^order_/))
      })

      it("two passes at once charge the period once", async () => {
        const buyer = await newBuyer()
        const { data } = await buy(buyer, "premium:month")
        const asOf = at(data.subscription.ends_at, MINUTE)
        const results = await Promise.all([run(asOf), run(asOf), run(asOf)])
        expect(results.every((r) => r.errors === 0)).toBe(true)
        const renewals = await renewalsOf(buyer)
        expect(renewals).toEqual([expect.objectContaining({ status: "completed", total: 699 })])
        expect(await paymentsOf(renewals)).toHaveLength(1)
        sameMoment((await subscriptionOf(buyer)).current_period_start, data.subscription.ends_at)
      })
    })

    describe("exactly once", () => {
      const service = () => getContainer().resolve<SubscriptionModuleService>(SUBSCRIPTION_MODULE)

      it("a charge whose renewal could not be recorded is refunded, and the next pass renews", async () => {
        const buyer = await newBuyer()
        const { data } = await buy(buyer, "standard:month")
        const end = data.subscription.ends_at
        const spy = jest.spyOn(service(), "applyRenewal").mockRejectedValueOnce(new Error("database went away"))
        try {
          const broken = await run(at(end, MINUTE))
          expect(broken.errors).toBeGreaterThanOrEqual(1)
        } finally {
          spy.mockRestore()
        }
        let renewals = await renewalsOf(buyer)
        expect(renewals.map((p) => [p.status, p.failure_reason])).toEqual([["failed", "renewal_error"]])
        const [refunded] = await paymentsOf(renewals)
        expect(refunded.captures).toHaveLength(1)
        expect(refunded.refunds).toHaveLength(1)
        const untouched = await subscriptionOf(buyer)
        expect(untouched).toEqual(expect.objectContaining({ status: "active", ends_at: end }))

        await run(at(end, 2 * MINUTE))
        renewals = await renewalsOf(buyer)
        expect(renewals.map((p) => p.status)).toEqual(["failed", "completed"])
        sameMoment((await subscriptionOf(buyer)).current_period_start, end)
      })

      it("a renewal that died between charge and record is refunded, then renewed once", async () => {
        const buyer = await newBuyer()
        const { data } = await buy(buyer, "standard:month")
        const end = data.subscription.ends_at
        // what a process killed after the capture leaves: a pending renewal holding the period, a captured payment
        const payments = getContainer().resolve(Modules.PAYMENT)
        const [collection] = await payments.createPaymentCollections([{ currency_code: "rub", amount: 399 }])
        const session = await payments.createPaymentSession(collection.id, {
          provider_id: "pp_emulator_emulator",
          currency_code: "rub",
          amount: 399,
          data: { token: "tok_success" },
        })
        const payment = (await payments.authorizePaymentSession(session.id, {}))!
        await payments.capturePayment({ payment_id: payment.id, amount: 399 })
        const crashed = await service().createPurchases({
          customer_id: buyer.id,
          subscription_id: data.subscription.id,
          product_id: data.subscription.product_id,
          variant_id: data.subscription.variant_id,
          interval: "month",
          interval_count: 1,
          kind: "renewal",
          period_start: new Date(end),
          original_amount: 399,
          discount_amount: 0,
          total: 399,
          currency_code: "rub",
          payment_collection_id: collection.id,
        })
        await getContainer()
          .resolve(ContainerRegistrationKeys.PG_CONNECTION)
          .raw("UPDATE purchase SET created_at = ? WHERE id = ?", [new Date(Date.now() - 60 * MINUTE), crashed.id])

        const result = await run(at(end, MINUTE))
        expect(result.errors).toEqual(0)
        const renewals = await renewalsOf(buyer)
        expect(renewals.map((p) => [p.id === crashed.id, p.status, p.failure_reason])).toEqual([
          [true, "failed", "abandoned"],
          [false, "completed", null],
        ])
        const [given, kept] = await paymentsOf(renewals)
        expect(given.id).toEqual(payment.id)
        expect(given.refunds).toHaveLength(1)
        expect(kept.refunds ?? []).toHaveLength(0)
        sameMoment((await subscriptionOf(buyer)).current_period_start, end)
      })

      it("the database refuses a second renewal purchase for the same period", async () => {
        const buyer = await newBuyer()
        const { data } = await buy(buyer, "standard:month")
        const row = {
          customer_id: buyer.id,
          subscription_id: data.subscription.id,
          product_id: data.subscription.product_id,
          variant_id: data.subscription.variant_id,
          interval: "month" as const,
          interval_count: 1,
          kind: "renewal" as const,
          period_start: new Date(data.subscription.ends_at),
          original_amount: 399,
          discount_amount: 0,
          total: 399,
          currency_code: "rub",
        }
        const first = await service().createPurchases(row)
        await expect(service().createPurchases(row)).rejects.toThrow()
        // a failed attempt does not hold the period
        await service().failPurchase(first.id, { failure_reason: "card_declined" })
        await expect(service().createPurchases(row)).resolves.toEqual(expect.objectContaining({ kind: "renewal" }))
      })
    })

    describe("declines (dunning)", () => {
      it("goes past_due with access kept, retries after 1, 3 and 5 days, then expires; every attempt a purchase", async () => {
        const buyer = await newBuyer()
        const { data } = await buy(buyer, "standard:month", { payment: { token: "tok_renewal_declined" } })
        expect(data.purchase.status).toEqual("completed")
        expect(data.subscription.payment_method).toEqual(expect.objectContaining({ brand: "visa", last4: "0341" }))
        const end = data.subscription.ends_at

        const first = await run(at(end, MINUTE))
        expect(first.failed).toBeGreaterThanOrEqual(1)
        let sub = await subscriptionOf(buyer)
        expect(sub).toEqual(expect.objectContaining({ status: "past_due", renewal_attempts: 1 }))
        sameMoment(sub.ends_at, at(end, 5 * DAY)) // access kept through the retries
        sameMoment(sub.next_charge.at, at(end, DAY))

        // between retries nothing is attempted
        await run(at(end, 12 * 60 * MINUTE))
        expect(await renewalsOf(buyer)).toHaveLength(1)

        await run(at(end, DAY + MINUTE))
        sub = await subscriptionOf(buyer)
        expect([sub.status, sub.renewal_attempts]).toEqual(["past_due", 2])
        sameMoment(sub.next_charge.at, at(end, 3 * DAY))
        await run(at(end, 3 * DAY + MINUTE))
        expect((await subscriptionOf(buyer)).status).toEqual("past_due")

        const last = await run(at(end, 5 * DAY + MINUTE))
        expect(last.expired).toBeGreaterThanOrEqual(1)
        sub = await subscriptionOf(buyer)
        expect(sub).toEqual(expect.objectContaining({ status: "expired", next_charge: null }))

        const renewals = await renewalsOf(buyer)
        expect(renewals.map((p) => [p.status, p.failure_reason])).toEqual([
          ["failed", "card_declined"],
          ["failed", "card_declined"],
          ["failed", "card_declined"],
          ["failed", "card_declined"],
        ])
        renewals.forEach((p) => sameMoment(p.period_start, end))
        // nothing more once expired
        await run(at(end, 40 * DAY))
        expect(await renewalsOf(buyer)).toHaveLength(4)
      })

      it("a card declined once passes on the retry a day later, the period starting at the old end", async () => {
        const buyer = await newBuyer()
        const { data } = await buy(buyer, "standard:month", { payment: { token: "tok_renewal_declined_once" } })
        const end = data.subscription.ends_at
        await run(at(end, MINUTE))
        expect((await subscriptionOf(buyer)).status).toEqual("past_due")
        await run(at(end, DAY + MINUTE))
        const sub = await subscriptionOf(buyer)
        expect(sub).toEqual(expect.objectContaining({ status: "active", renewal_attempts: 0 }))
        sameMoment(sub.current_period_start, end)
        expect((await renewalsOf(buyer)).map((p) => [p.status, p.failure_reason])).toEqual([
          ["failed", "insufficient_funds"],
          ["completed", null],
        ])
      })

      it("a new card retries at once and recovers the renewal", async () => {
        const buyer = await newBuyer()
        const other = await newBuyer()
        const { data } = await buy(buyer, "standard:month", { payment: { token: "tok_renewal_declined" } })
        const end = data.subscription.ends_at
        await run(at(end, MINUTE))
        expect((await subscriptionOf(buyer)).status).toEqual("past_due")

        // not someone else's, not a card the provider refuses
        const foreign = await failure(replaceCard(other, data.subscription.id, "tok_success"))
        expect([foreign.status, foreign.data.code]).toEqual([404, "SUBSCRIPTION_NOT_FOUND"])
        const refused = await failure(replaceCard(buyer, data.subscription.id, "tok_declined", { "accept-language": "ru" }))
        expect([refused.status, refused.data.code]).toEqual([400, "PAYMENT_INVALID_TOKEN"])
        expect(refused.data.message).toMatch(/Данные карты не приняты/)
        const invalid = await failure(api.post(`/store/subscriptions/${data.subscription.id}/payment-method`, {}, buyer.headers()))
        expect(invalid.status).toEqual(400)
        // text PostgreSQL cannot store is refused at the edge (id() of lib/validation), never a 500
        const unstorable = await failure(replaceCard(buyer, data.subscription.id, "tok_\u0000"))
        expect([unstorable.status, unstorable.data.code]).toEqual([400, "INVALID_REQUEST"])
        expect((await subscriptionOf(buyer)).status).toEqual("past_due")

        const replaced = await replaceCard(buyer, data.subscription.id, "tok_success")
        expect(replaced.status).toEqual(200)
        expect(replaced.data.subscription).toEqual(
          expect.objectContaining({ status: "active", payment_method: expect.objectContaining({ brand: "visa", last4: "4242" }) })
        )
        sameMoment(replaced.data.subscription.current_period_start, end)
        expect((await renewalsOf(buyer)).map((p) => [p.status, p.failure_reason])).toEqual([
          ["failed", "card_declined"],
          ["completed", null],
        ])
        // the retry schedule is over: the next run charges nothing
        await run(at(end, DAY + MINUTE))
        expect(await renewalsOf(buyer)).toHaveLength(2)
      })

      it("a card replaced while the pass retries: one outcome, one charge", async () => {
        const buyer = await newBuyer()
        const { data } = await buy(buyer, "standard:month", { payment: { token: "tok_renewal_declined" } })
        const end = data.subscription.ends_at
        await run(at(end, MINUTE))
        const [pass, replaced] = await Promise.all([
          run(at(end, DAY + MINUTE)),
          replaceCard(buyer, data.subscription.id, "tok_success"),
        ])
        expect(pass.errors).toEqual(0)
        expect(replaced.status).toEqual(200)
        const renewals = await renewalsOf(buyer)
        expect(renewals.filter((p) => p.status === "completed")).toHaveLength(1)
        expect(await paymentsOf(renewals.filter((p) => p.status === "completed"))).toHaveLength(1)
        const sub = await subscriptionOf(buyer)
        expect(sub.status).toEqual("active")
        sameMoment(sub.current_period_start, end)
      })

      it("replacing the card of an active subscription charges nothing now", async () => {
        const buyer = await newBuyer()
        const { data } = await buy(buyer, "standard:month")
        const replaced = await replaceCard(buyer, data.subscription.id, "tok_renewal_declined_once")
        expect(replaced.data.subscription).toEqual(
          expect.objectContaining({ status: "active", payment_method: expect.objectContaining({ brand: "mastercard", last4: "4444" }) })
        )
        expect(await renewalsOf(buyer)).toEqual([])
      })
    })

    describe("subscriptions that do not renew", () => {
      it("a cancelled subscription ends at its period end without a charge", async () => {
        const buyer = await newBuyer()
        const { data } = await buy(buyer, "standard:month")
        await api.post(`/store/subscriptions/${data.subscription.id}/cancel`, {}, buyer.headers())
        expect((await subscriptionOf(buyer)).next_charge).toBeNull()
        await run(at(data.subscription.ends_at, MINUTE))
        expect((await subscriptionOf(buyer)).status).toEqual("canceled")
        expect(await renewalsOf(buyer)).toEqual([])
      })

      it("auto_renew off: no card saved, the subscription expires at its end", async () => {
        const buyer = await newBuyer()
        const { data } = await buy(buyer, "standard:month", { auto_renew: false })
        expect(data.subscription).toEqual(expect.objectContaining({ auto_renew: false, payment_method: null, next_charge: null }))
        await run(at(data.subscription.ends_at, MINUTE))
        expect((await subscriptionOf(buyer)).status).toEqual("expired")
        expect(await renewalsOf(buyer)).toEqual([])
      })
    })

    it("a plan no longer for sale: ends at its period end, nothing charged, no pass errors", async () => {
      const buyer = await newBuyer()
      expect((await buy(buyer, "standard:month")).status).toEqual(201)
      const sub = await subscriptionOf(buyer)
      // the plan it renews to left the catalog (a variant deleted since)
      await getContainer()
        .resolve<SubscriptionModuleService>(SUBSCRIPTION_MODULE)
        .updateSubscriptions({ id: sub.id, pending_variant_id: "variant_deleted_since" })
      expect((await subscriptionOf(buyer)).next_charge).toBeNull()

      const pass = await run(at(sub.ends_at, MINUTE))
      expect(pass.errors).toEqual(0)
      const ended = await subscriptionOf(buyer)
      expect([ended.id, ended.status]).toEqual([sub.id, "expired"])
      expect(await renewalsOf(buyer)).toEqual([])
      // ended once: the next pass has nothing to do with it
      const again = await run(at(sub.ends_at, 2 * MINUTE))
      expect(again.errors).toEqual(0)
      expect((await subscriptionOf(buyer)).status).toEqual("expired")
    })

    it("a scheduled downgrade renews at the new plan and price", async () => {
      const buyer = await newBuyer()
      const { data } = await buy(buyer, "premium:month")
      const scheduled = await buy(buyer, "standard:month")
      expect(scheduled.data.change).toEqual("scheduled")
      const sub = await subscriptionOf(buyer)
      expect(sub.next_charge).toEqual(expect.objectContaining({ amount: 399 }))
      await run(at(data.subscription.ends_at, MINUTE))
      const renewed = await subscriptionOf(buyer)
      expect(renewed).toEqual(expect.objectContaining({ status: "active", variant_id: variants["standard:month"], pending_variant_id: null }))
      expect(await renewalsOf(buyer)).toEqual([
        expect.objectContaining({ status: "completed", variant_id: variants["standard:month"], total: 399 }),
      ])
    })

    describe("the Trial", () => {
      it("with a card converts at its end to the cheapest monthly plan", async () => {
        const buyer = await newBuyer()
        const { data } = await buy(buyer, "trial:day", { payment: { token: "tok_success" } })
        expect(data.subscription).toEqual(
          expect.objectContaining({ status: "trialing", auto_renew: true, convert_to_variant_id: variants["standard:month"] })
        )
        expect((await subscriptionOf(buyer)).next_charge).toEqual(expect.objectContaining({ amount: 399 }))
        await run(at(data.subscription.ends_at, MINUTE))
        const sub = await subscriptionOf(buyer)
        expect(sub).toEqual(expect.objectContaining({ status: "active", is_trial: false, variant_id: variants["standard:month"] }))
        sameMoment(sub.current_period_start, data.subscription.ends_at)
        expect(await renewalsOf(buyer)).toEqual([expect.objectContaining({ status: "completed", total: 399 })])
      })

      it("converts to the plan chosen at sign-up", async () => {
        const buyer = await newBuyer()
        const { data } = await buy(buyer, "trial:day", {
          payment: { token: "tok_success" },
          convert_to_variant_id: variants["premium:month"],
        })
        await run(at(data.subscription.ends_at, MINUTE))
        expect((await subscriptionOf(buyer)).variant_id).toEqual(variants["premium:month"])
        expect(await renewalsOf(buyer)).toEqual([expect.objectContaining({ total: 699 })])
      })

      it("refuses to convert to the Trial itself", async () => {
        const buyer = await newBuyer()
        const refused = await failure(
          buy(buyer, "trial:day", { payment: { token: "tok_success" }, convert_to_variant_id: variants["trial:day"] })
        )
        expect([refused.status, refused.data.code]).toEqual([400, "PLAN_NOT_FOUND"])
        expect(await subscriptionOf(buyer)).toBeUndefined()
      })

      it("a card the provider won't save: refused when auto_renew is asked for, else no renewal", async () => {
        const asked = await newBuyer()
        const refused = await failure(buy(asked, "trial:day", { payment: { token: "tok_declined" }, auto_renew: true }))
        expect([refused.status, refused.data.code]).toEqual([400, "PAYMENT_INVALID_TOKEN"])
        expect(await subscriptionOf(asked)).toBeUndefined()

        const defaulted = await newBuyer()
        const taken = await buy(defaulted, "trial:day", { payment: { token: "tok_declined" } })
        expect(taken.status).toEqual(201)
        expect(taken.data.subscription).toEqual(expect.objectContaining({ status: "trialing", auto_renew: false, payment_method: null }))
      })

      it("without a card, or cancelled, ends without a charge", async () => {
        const noCard = await newBuyer()
        const cancelled = await newBuyer()
        const a = await buy(noCard, "trial:day")
        expect(a.data.subscription).toEqual(expect.objectContaining({ auto_renew: false, payment_method: null }))
        const b = await buy(cancelled, "trial:day", { payment: { token: "tok_success" } })
        await api.post(`/store/subscriptions/${b.data.subscription.id}/cancel`, {}, cancelled.headers())
        await run(at(b.data.subscription.ends_at, MINUTE))
        expect((await subscriptionOf(noCard)).status).toEqual("expired")
        expect((await subscriptionOf(cancelled)).status).toEqual("canceled")
        expect(await renewalsOf(noCard)).toEqual([])
        expect(await renewalsOf(cancelled)).toEqual([])
      })
    })

    describe("POST /admin/subscriptions/renewals/run", () => {
      it("refuses as_of without the test clock (ru/en), runs now without it", async () => {
        process.env.SUBSCRIPTION_TEST_CLOCK = "false"
        try {
          const refused = await failure(
            api.post("/admin/subscriptions/renewals/run", { as_of: new Date().toISOString() }, { headers: { ...admin.headers, "accept-language": "ru" } })
          )
          expect([refused.status, refused.data.code]).toEqual([400, "TEST_CLOCK_DISABLED"])
          expect(refused.data.message).toMatch(/тестовых часах/)
          const now = await api.post("/admin/subscriptions/renewals/run", {}, admin)
          expect(now.data).toEqual(expect.objectContaining({ renewed: expect.any(Number), failed: expect.any(Number), expired: expect.any(Number) }))
        } finally {
          process.env.SUBSCRIPTION_TEST_CLOCK = "true"
        }
      })

      it("validates as_of and needs an admin", async () => {
        const bad = await failure(api.post("/admin/subscriptions/renewals/run", { as_of: "tomorrow" }, admin))
        expect(bad.status).toEqual(400)
        // a date that does not exist, even in the right shape (isoDate() of lib/validation)
        const impossible = await failure(
          api.post("/admin/subscriptions/renewals/run", { as_of: "2026-02-30T00:00:00Z" }, admin)
        )
        expect([impossible.status, impossible.data.code]).toEqual([400, "INVALID_REQUEST"])
        const anonymous = await failure(api.post("/admin/subscriptions/renewals/run", {}))
        expect(anonymous.status).toEqual(401)
      })
    })
  },
})
