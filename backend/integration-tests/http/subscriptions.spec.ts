import { medusaIntegrationTestRunner } from "../helpers/contract"
import { Modules } from "@medusajs/framework/utils"
import { PROMOCODE_MODULE, type PromocodeModuleService } from "../../src/modules/promocode"
import { SUBSCRIPTION_MODULE } from "../../src/modules/subscription"
import type SubscriptionModuleService from "../../src/modules/subscription/service"
import expireSubscriptions from "../../src/jobs/expire-subscriptions"
import { failure, registerCustomer } from "../helpers/auth"
import { DAY, useSeededShop } from "../helpers/seed"

jest.setTimeout(240 * 1000)

const minor = (amount: number) => Math.round(amount * 100)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    const { app, admin, variants } = useSeededShop(api, getContainer)

    const subscriptions = () => getContainer().resolve<SubscriptionModuleService>(SUBSCRIPTION_MODULE)
    const promocodes = () => getContainer().resolve<PromocodeModuleService>(PROMOCODE_MODULE)
    type Buyer = Awaited<ReturnType<typeof registerCustomer>>
    const newBuyer = () => registerCustomer(api, app.publishable_key)
    const buy = (buyer: Buyer, plan: string, extra: object = {}, headers: Record<string, string> = {}) =>
      api.post("/store/purchases", { variant_id: variants[plan], ...extra }, buyer.headers(headers))
    const preview = (buyer: Buyer, plan: string, extra: object = {}) =>
      api.post("/store/purchases/preview", { variant_id: variants[plan], ...extra }, buyer.headers()).then((r: any) => r.data.preview)
    const mine = (buyer: Buyer) => api.get("/store/subscriptions", buyer.headers()).then((r: any) => r.data)
    const live = async (buyer: Buyer) =>
      (await mine(buyer)).subscriptions.filter((s: any) => ["trialing", "active", "past_due"].includes(s.status))
    const purchasesOf = (buyer: Buyer) =>
      api.get("/store/purchases", buyer.headers()).then((r: any) => r.data.purchases)

    describe("the Trial", () => {
      it("is taken once, then refused from preview and purchase with TRIAL_NOT_AVAILABLE (ru/en)", async () => {
        const buyer = await newBuyer()
        expect((await mine(buyer)).trial).toEqual({ available: true, reason: null })
        const first = await buy(buyer, "trial:day")
        expect(first.status).toEqual(201)
        expect(first.data.change).toEqual("new")
        expect(first.data.subscription).toEqual(
          expect.objectContaining({ status: "trialing", is_trial: true, cancel_at_period_end: false, pending_variant_id: null, payment_method: null, next_charge: null })
        )
        expect((await mine(buyer)).trial).toEqual({ available: false, reason: "trial_used" })

        const again = await failure(api.post("/store/purchases/preview", { variant_id: variants["trial:day"] }, buyer.headers({ "accept-language": "ru" })))
        expect([again.status, again.data.code]).toEqual([400, "TRIAL_NOT_AVAILABLE"])
        expect(again.data.message).toMatch(/Пробный период/)
        const bought = await failure(buy(buyer, "trial:day"))
        expect([bought.status, bought.data.code]).toEqual([400, "TRIAL_NOT_AVAILABLE"])
        expect(bought.data.message).toMatch(/Trial is available once/)
        // after the Trial ended, still refused
        await subscriptions().expireEnded(new Date(Date.now() + 8 * DAY))
        expect((await failure(buy(buyer, "trial:day"))).data.code).toEqual("TRIAL_NOT_AVAILABLE")
        expect(await live(buyer)).toEqual([])
        expect((await purchasesOf(buyer)).filter((p: any) => p.status === "completed")).toHaveLength(1)
      })

      it("is never given after a paid subscription", async () => {
        const buyer = await newBuyer()
        await buy(buyer, "standard:month")
        expect((await mine(buyer)).trial).toEqual({ available: false, reason: "paid_subscription" })
        const refused = await failure(buy(buyer, "trial:day"))
        expect([refused.status, refused.data.code]).toEqual([400, "TRIAL_NOT_AVAILABLE"])
        const [sub] = await live(buyer)
        expect(sub).toEqual(expect.objectContaining({ status: "active", variant_id: variants["standard:month"] }))
      })

      it("upgrades to a paid plan at once, the Trial's free days not credited", async () => {
        const buyer = await newBuyer()
        const trial = await buy(buyer, "trial:day")
        const up = await buy(buyer, "standard:month")
        expect(up.data.change).toEqual("upgrade")
        expect(up.data.purchase).toEqual(expect.objectContaining({ kind: "upgrade", credit_amount: 0, total: 399 }))
        expect(up.data.subscription).toEqual(
          expect.objectContaining({ id: trial.data.subscription.id, status: "active", is_trial: false, variant_id: variants["standard:month"] })
        )
      })
    })

    describe("plan changes", () => {
      it("appends one more period for the same plan (extension)", async () => {
        const buyer = await newBuyer()
        const first = await buy(buyer, "standard:month")
        const p = await preview(buyer, "standard:month")
        expect(p).toEqual(expect.objectContaining({ change: "extension", credit_amount: 0, total: 399, effective_at: first.data.subscription.ends_at }))
        const second = await buy(buyer, "standard:month")
        expect(second.data.change).toEqual("extension")
        expect(second.data.subscription.id).toEqual(first.data.subscription.id)
        expect(second.data.subscription.current_period_start).toEqual(first.data.subscription.current_period_start)
        const end1 = new Date(first.data.subscription.ends_at)
        const end2 = new Date(second.data.subscription.ends_at)
        expect(end2.getUTCMonth()).toEqual((end1.getUTCMonth() + 1) % 12)
        expect(second.data.subscription.current_period_end).toEqual(second.data.subscription.ends_at)
        expect(second.data.purchase).toEqual(
          expect.objectContaining({ kind: "extension", total: 399, period_start: first.data.subscription.ends_at, period_end: second.data.subscription.ends_at })
        )
        expect(first.data.purchase).toEqual(expect.objectContaining({ kind: "new", period_end: first.data.subscription.ends_at }))
      })

      it("upgrades now with the unused time credited, the promo code on the charge after the credit", async () => {
        await promocodes().createPromocodes({ code: "UPGRADE10", type: "percentage", value: 10 })
        const buyer = await newBuyer()
        const first = await buy(buyer, "standard:month")
        const before = Date.now()
        const p = await preview(buyer, "premium:month", { promocode: "upgrade10" })
        expect(p).toEqual(expect.objectContaining({ change: "upgrade", original_amount: 699 }))
        // bought a moment ago: almost all of the 399 is credited, rounded down to kopecks
        expect(p.credit_amount).toBeGreaterThan(398)
        expect(p.credit_amount).toBeLessThanOrEqual(399)
        expect(minor(p.credit_amount)).toEqual(Math.round(minor(p.credit_amount)))
        expect(minor(p.discount_amount)).toEqual(Math.round((minor(699) - minor(p.credit_amount)) * 0.1))
        expect(minor(p.total)).toEqual(minor(699) - minor(p.credit_amount) - minor(p.discount_amount))
        expect(Date.parse(p.effective_at)).toBeGreaterThanOrEqual(before - 1000)

        const up = await buy(buyer, "premium:month", { promocode: "UPGRADE10" })
        expect(up.status).toEqual(201)
        expect(up.data.change).toEqual("upgrade")
        const purchase = up.data.purchase
        expect(purchase).toEqual(expect.objectContaining({ kind: "upgrade", original_amount: 699, promocode: "UPGRADE10" }))
        expect(minor(purchase.total)).toEqual(minor(699) - minor(purchase.credit_amount) - minor(purchase.discount_amount))
        expect(purchase.credit_amount).toBeGreaterThan(398)
        const sub = up.data.subscription
        expect(sub).toEqual(expect.objectContaining({ id: first.data.subscription.id, status: "active", variant_id: variants["premium:month"] }))
        expect(Date.parse(sub.current_period_start)).toBeGreaterThanOrEqual(before - 1000)
        expect(sub.ends_at).toEqual(purchase.period_end)
        expect(sub.current_period_start).toEqual(purchase.period_start)
        expect(await live(buyer)).toHaveLength(1)

        // the admin list carries the kind and the period, and filters by kind
        const listed = await api.get(`/admin/purchases?customer_id=${buyer.id}&kind=upgrade`, admin)
        expect(listed.data.purchases).toEqual([
          expect.objectContaining({ id: purchase.id, kind: "upgrade", period_start: purchase.period_start, period_end: purchase.period_end }),
        ])
      })

      it("schedules a cheaper plan for the period end, replaces the schedule, and re-buying the current plan cancels it", async () => {
        const buyer = await newBuyer()
        const payment = getContainer().resolve(Modules.PAYMENT)
        const first = await buy(buyer, "premium:year")
        const end = first.data.subscription.ends_at
        const paymentsBefore = (await payment.listPayments({})).length

        expect(await preview(buyer, "standard:month", { promocode: "SALE10" })).toEqual(
          expect.objectContaining({ change: "scheduled", total: 0, credit_amount: 0, effective_at: end, promocode: null })
        )
        const down = await buy(buyer, "standard:month")
        expect(down.status).toEqual(201)
        expect(down.data).toEqual(expect.objectContaining({ change: "scheduled", purchase: null, effective_at: end }))
        expect(down.data.subscription).toEqual(
          expect.objectContaining({ id: first.data.subscription.id, variant_id: variants["premium:year"], pending_variant_id: variants["standard:month"], ends_at: end })
        )
        const other = await buy(buyer, "premium:month")
        expect(other.data.subscription.pending_variant_id).toEqual(variants["premium:month"])
        expect((await payment.listPayments({})).length).toEqual(paymentsBefore)
        expect(await purchasesOf(buyer)).toHaveLength(1)

        const keep = await buy(buyer, "premium:year")
        expect(keep.data.change).toEqual("extension")
        expect(keep.data.subscription).toEqual(expect.objectContaining({ pending_variant_id: null, variant_id: variants["premium:year"] }))
        expect(Date.parse(keep.data.subscription.ends_at)).toBeGreaterThan(Date.parse(end) + 364 * DAY)
      })

      it("leaves the old subscription exactly as it was when the upgrade payment is declined", async () => {
        const buyer = await newBuyer()
        await buy(buyer, "standard:month")
        await api.post(`/store/subscriptions/${(await live(buyer))[0].id}/cancel`, {}, buyer.headers())
        const [before] = await live(buyer)
        const declined = await failure(buy(buyer, "premium:month", { payment: { token: "tok_declined" } }))
        expect([declined.status, declined.data.code]).toEqual([402, "PAYMENT_DECLINED"])
        const [after] = await live(buyer)
        expect(after).toEqual(before)
        const purchases = await purchasesOf(buyer)
        expect(purchases.map((p: any) => [p.kind, p.status])).toEqual([["upgrade", "failed"], ["new", "completed"]])
      })

      it("keeps two concurrent purchases of different plans serial: one of the two sequential outcomes", async () => {
        for (let round = 0; round < 2; round++) {
          const buyer = await newBuyer()
          const results = await Promise.allSettled([buy(buyer, "standard:month"), buy(buyer, "premium:month")])
          for (const r of results) {
            expect(r.status).toEqual("fulfilled")
          }
          const subs = await live(buyer)
          expect(subs).toHaveLength(1)
          const completed = (await purchasesOf(buyer)).filter((p: any) => p.status === "completed")
          const kinds = completed.map((p: any) => `${p.kind}:${p.variant_id}`).sort()
          const standardFirst =
            subs[0].variant_id === variants["premium:month"] &&
            subs[0].pending_variant_id === null &&
            JSON.stringify(kinds) === JSON.stringify([`new:${variants["standard:month"]}`, `upgrade:${variants["premium:month"]}`].sort())
          const premiumFirst =
            subs[0].variant_id === variants["premium:month"] &&
            subs[0].pending_variant_id === variants["standard:month"] &&
            JSON.stringify(kinds) === JSON.stringify([`new:${variants["premium:month"]}`])
          expect([standardFirst, premiumFirst]).toContain(true)
          // no period lost: the live period is a full month from its start
          const start = new Date(subs[0].current_period_start)
          const end = new Date(subs[0].ends_at)
          expect(end.getTime() - start.getTime()).toBeGreaterThanOrEqual(28 * DAY)
        }
      })
    })

    describe("cancel and resume", () => {
      it("lets the owner cancel at the period end and resume; others get 404, anonymous 401", async () => {
        const buyer = await newBuyer()
        const stranger = await newBuyer()
        const { data } = await buy(buyer, "standard:month")
        const id = data.subscription.id
        const cancelled = await api.post(`/store/subscriptions/${id}/cancel`, {}, buyer.headers())
        expect(cancelled.data.subscription).toEqual(
          expect.objectContaining({ id, status: "active", cancel_at_period_end: true, ends_at: data.subscription.ends_at })
        )
        expect(cancelled.data.subscription.canceled_at).toBeTruthy()
        const twice = await api.post(`/store/subscriptions/${id}/cancel`, {}, buyer.headers())
        expect(twice.data.subscription.cancel_at_period_end).toBe(true)

        const notHis = await failure(api.post(`/store/subscriptions/${id}/cancel`, {}, stranger.headers({ "accept-language": "ru" })))
        expect([notHis.status, notHis.data.code, notHis.data.message]).toEqual([404, "SUBSCRIPTION_NOT_FOUND", "Такой подписки нет."])
        expect((await failure(api.post(`/store/subscriptions/${id}/resume`, {}, stranger.headers()))).status).toEqual(404)
        expect((await failure(api.post(`/store/subscriptions/${id}/cancel`, {}, app.storeHeaders()))).status).toEqual(401)
        expect((await failure(api.post(`/store/subscriptions/${id}/resume`, {}, app.storeHeaders()))).status).toEqual(401)
        expect((await failure(api.post(`/store/subscriptions/sub_missing/cancel`, {}, buyer.headers()))).status).toEqual(404)

        const resumed = await api.post(`/store/subscriptions/${id}/resume`, {}, buyer.headers())
        expect(resumed.data.subscription).toEqual(expect.objectContaining({ cancel_at_period_end: false, canceled_at: null, status: "active" }))
        const notCancelled = await failure(api.post(`/store/subscriptions/${id}/resume`, {}, buyer.headers()))
        expect([notCancelled.status, notCancelled.data.code]).toEqual([400, "SUBSCRIPTION_NOT_CANCELED"])
        expect(notCancelled.data.message).toMatch(/not cancelled/)
      })

      it("ends a cancelled subscription as canceled and a lapsed one as expired; ended ones cannot be resumed", async () => {
        const cancelling = await newBuyer()
        const lapsing = await newBuyer()
        const a = (await buy(cancelling, "standard:month")).data.subscription
        const b = (await buy(lapsing, "standard:month")).data.subscription
        await api.post(`/store/subscriptions/${a.id}/cancel`, {}, cancelling.headers())
        await subscriptions().expireEnded(new Date(Date.now() + 40 * DAY))
        await expireSubscriptions(getContainer())
        expect((await mine(cancelling)).subscriptions[0]).toEqual(expect.objectContaining({ id: a.id, status: "canceled" }))
        expect((await mine(lapsing)).subscriptions[0]).toEqual(expect.objectContaining({ id: b.id, status: "expired" }))
        for (const [buyer, id] of [[cancelling, a.id], [lapsing, b.id]] as const) {
          for (const action of ["resume", "cancel"]) {
            const ended = await failure(api.post(`/store/subscriptions/${id}/${action}`, {}, buyer.headers({ "accept-language": "ru" })))
            expect([ended.status, ended.data.code, ended.data.message]).toEqual([400, "SUBSCRIPTION_NOT_ACTIVE", "Эта подписка уже закончилась."])
          }
        }
        // an ended paid subscription: buying again starts a new one
        const again = await buy(lapsing, "standard:month")
        expect(again.data.change).toEqual("new")
        expect(again.data.subscription.id).not.toEqual(b.id)
      })

      it("lets an admin cancel now with a prorated refund through the Payment Module, or at the period end", async () => {
        const buyer = await newBuyer()
        const { data } = await buy(buyer, "premium:month")
        const bad = await failure(api.post(`/admin/subscriptions/${data.subscription.id}/cancel`, { at: "period_end", refund: "prorated" }, admin))
        expect(bad.status).toEqual(400)
        expect((await failure(api.post(`/admin/subscriptions/${data.subscription.id}/cancel`, { at: "tomorrow" }, admin))).status).toEqual(400)
        expect((await failure(api.post(`/admin/subscriptions/sub_missing/cancel`, { at: "now" }, admin))).status).toEqual(404)
        expect((await failure(api.post(`/admin/subscriptions/${data.subscription.id}/cancel`, { at: "now" }, buyer.headers()))).status).toEqual(401)

        const res = await api.post(`/admin/subscriptions/${data.subscription.id}/cancel`, { at: "now", refund: "prorated" }, admin)
        expect(res.data.subscription).toEqual(expect.objectContaining({ status: "canceled", cancel_at_period_end: false }))
        expect(Date.parse(res.data.subscription.ends_at)).toBeLessThanOrEqual(Date.now())
        expect(res.data.refund.amount).toBeGreaterThan(698)
        expect(res.data.refund.amount).toBeLessThanOrEqual(699)
        const payment = await getContainer()
          .resolve(Modules.PAYMENT)
          .retrievePayment(data.purchase.payment_id, { relations: ["refunds"] })
        expect(payment.refunds?.map((r) => Number(r.amount))).toEqual([res.data.refund.amount])
        expect(await live(buyer)).toEqual([])

        const other = await newBuyer()
        const sub = (await buy(other, "standard:month")).data.subscription
        const later = await api.post(`/admin/subscriptions/${sub.id}/cancel`, { at: "period_end" }, admin)
        expect(later.data).toEqual(expect.objectContaining({ refund: null }))
        expect(later.data.subscription).toEqual(expect.objectContaining({ status: "active", cancel_at_period_end: true, ends_at: sub.ends_at }))
        const listed = await api.get(`/admin/subscriptions?customer_id=${other.id}&status=active`, admin)
        expect(listed.data.subscriptions).toEqual([expect.objectContaining({ id: sub.id, cancel_at_period_end: true })])
      })
    })
  },
})
