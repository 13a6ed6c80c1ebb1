import { medusaIntegrationTestRunner } from "../helpers/contract"
import { randomUUID } from "node:crypto"
import { Modules } from "@medusajs/framework/utils"
import { failure, registerCustomer } from "../helpers/auth"
import { at, MINUTE, useSeededShop } from "../helpers/seed"

jest.setTimeout(300 * 1000)

// The renewal pass runs "as of" a moment in the future (the test clock).
process.env.SUBSCRIPTION_TEST_CLOCK = "true"

medusaIntegrationTestRunner({
  inApp: true,
  env: { SUBSCRIPTION_TEST_CLOCK: "true" },
  testSuite: ({ api, getContainer }) => {
    const { app, admin, variants } = useSeededShop(api, getContainer)

    type Buyer = Awaited<ReturnType<typeof registerCustomer>>
    const newBuyer = (email?: string) => registerCustomer(api, app.publishable_key, email ? { email } : {})
    const buy = async (buyer: Buyer, plan: string, extra: object = {}) => {
      const res = await api.post("/store/purchases", { variant_id: variants[plan], ...extra }, buyer.headers())
      expect(res.status).toEqual(201)
      return res.data
    }
    const run = (asOf: string) => api.post("/admin/subscriptions/renewals/run", { as_of: asOf }, admin).then((r: any) => r.data)
    const list = (query: string) => api.get(`/admin/subscriptions?${query}`, admin).then((r: any) => r.data)
    /** the timeline without the notifications (sent asynchronously, counted in their own test) */
    const changes = (view: { timeline: any[] }) => view.timeline.filter((e) => e.type !== "notification")
    const noticesIn = (timeline: any[]) => timeline.filter((e) => e.type === "notification")
    const detail = (id: string) => api.get(`/admin/subscriptions/${id}`, admin).then((r: any) => r.data)
    const ru = () => ({ headers: { ...admin.headers, "accept-language": "ru" } })

    describe("the list", () => {
      it("filters by several statuses, finds by part of the email, and shows each MRR and the total", async () => {
        const tag = randomUUID().slice(0, 8)
        const monthly = await newBuyer(`mrr-${tag}-monthly@test.local`)
        const yearly = await newBuyer(`mrr-${tag}-yearly@test.local`)
        const leaving = await newBuyer(`MRR-${tag}-leaving@test.local`)
        const ended = await newBuyer(`mrr-${tag}-ended@test.local`)
        const other = await newBuyer()
        const m = (await buy(monthly, "standard:month")).subscription
        const y = (await buy(yearly, "standard:year")).subscription
        const l = (await buy(leaving, "premium:month")).subscription
        const e = (await buy(ended, "standard:month")).subscription
        await buy(other, "standard:month")
        await api.post(`/store/subscriptions/${l.id}/cancel`, {}, leaving.headers())
        await api.post(`/admin/subscriptions/${e.id}/cancel`, { at: "now" }, admin)

        // q: part of the email, any case; the customer's email on each row
        const found = await list(`q=${tag.toUpperCase()}&limit=10`)
        expect(found.count).toEqual(4)
        const byId = new Map(found.subscriptions.map((s: any) => [s.id, s]))
        expect(byId.get(m.id)).toEqual(expect.objectContaining({ customer_email: monthly.email, status: "active", mrr: 399, product_title: "Standard" }))
        // a yearly plan: 3990 / 12
        expect(byId.get(y.id)).toEqual(expect.objectContaining({ customer_email: yearly.email, mrr: 332.5 }))
        expect((byId.get(y.id) as any).next_charge).toEqual(expect.objectContaining({ amount: 3990, currency_code: "rub" }))
        // cancelled at the period end, or ended: it will not renew
        expect(byId.get(l.id)).toEqual(expect.objectContaining({ status: "active", cancel_at_period_end: true, next_charge: null, mrr: 0 }))
        expect(byId.get(e.id)).toEqual(expect.objectContaining({ status: "canceled", mrr: 0 }))
        expect(found.mrr_total).toEqual([{ currency_code: "rub", amount: 731.5 }])

        // several statuses at once; the total follows the filters
        const canceled = await list(`q=${tag}&status=canceled,expired`)
        expect(canceled.subscriptions.map((s: any) => s.id)).toEqual([e.id])
        expect(canceled.mrr_total).toEqual([])
        const both = await list(`q=${tag}&status=active,canceled`)
        expect(both.count).toEqual(4)
        // pages: the total is of every match, not of the page
        const page = await list(`q=${tag}&limit=1&offset=1`)
        expect([page.subscriptions.length, page.count, page.limit, page.offset]).toEqual([1, 4, 1, 1])
        expect(page.mrr_total).toEqual([{ currency_code: "rub", amount: 731.5 }])
        expect(await list(`q=${tag}-yearly`)).toEqual(expect.objectContaining({ count: 1, mrr_total: [{ currency_code: "rub", amount: 332.5 }] }))
        // LIKE's wildcards are taken literally
        expect((await list(`q=${encodeURIComponent("%_")}`)).count).toEqual(0)
        expect((await list(`q=nobody-${tag}`)).subscriptions).toEqual([])
        // customer_id and q together
        expect((await list(`q=${tag}&customer_id=${other.id}`)).count).toEqual(0)
        expect((await list(`q=${tag}&customer_id=${monthly.id}`)).count).toEqual(1)
      })

      it("refuses bad filters with 400", async () => {
        for (const query of ["status=paused", "limit=0", "limit=101", "offset=-1", "q=", "sort=email", `q=${"a".repeat(255)}`]) {
          const res = await failure(api.get(`/admin/subscriptions?${query}`, admin))
          expect([query, res.status]).toEqual([query, 400])
        }
        expect((await failure(api.get("/admin/subscriptions"))).status).toEqual(401)
      })
    })

    describe("one subscription", () => {
      it("shows the card, next charge and MRR, and a timeline of purchases, cancels, resumes, refunds and the end", async () => {
        const buyer = await newBuyer()
        const bought = await buy(buyer, "standard:month")
        const id = bought.subscription.id
        await buy(buyer, "standard:month") // one more period: an extension
        await api.post(`/store/subscriptions/${id}/cancel`, {}, buyer.headers())
        await api.post(`/store/subscriptions/${id}/resume`, {}, buyer.headers())

        let view = await detail(id)
        expect(view.subscription).toEqual(
          expect.objectContaining({
            id,
            customer_email: buyer.email,
            status: "active",
            auto_renew: true,
            payment_method: expect.objectContaining({ brand: "visa", last4: "4242" }),
            mrr: 399,
            renewal_discount: null,
            renewal_discounts_left: null,
          })
        )
        expect(changes(view).map((e: any) => [e.type, e.kind])).toEqual([
          ["resumed", null],
          ["canceled", null],
          ["purchase", "extension"],
          ["purchase", "new"],
        ])
        expect(changes(view)[3]).toEqual(expect.objectContaining({ amount: 399, currency_code: "rub", purchase_id: bought.purchase.id }))
        expect(view.refundable.map((r: any) => [r.kind, r.refundable])).toEqual([["extension", 399], ["new", 399]])

        // a partial refund, then the rest; the subscription is not changed by it
        const part = await api.post(`/admin/subscriptions/${id}/refund`, { purchase_id: bought.purchase.id, amount: 100.5 }, admin)
        expect(part.data.refund).toEqual({ purchase_id: bought.purchase.id, payment_id: bought.purchase.payment_id, amount: 100.5, currency_code: "rub", refundable_left: 298.5 })
        const rest = await api.post(`/admin/subscriptions/${id}/refund`, { purchase_id: bought.purchase.id }, admin)
        expect(rest.data.refund).toEqual(expect.objectContaining({ amount: 298.5, refundable_left: 0 }))
        const payment = await getContainer().resolve(Modules.PAYMENT).retrievePayment(bought.purchase.payment_id, { relations: ["refunds"] })
        expect(payment.refunds?.map((r) => Number(r.amount)).sort()).toEqual([100.5, 298.5])
        const full = await failure(api.post(`/admin/subscriptions/${id}/refund`, { purchase_id: bought.purchase.id, amount: 1 }, ru()))
        expect([full.status, full.data.code]).toEqual([400, "REFUND_NOT_AVAILABLE"])
        expect(full.data.message).toMatch(/нечего возвращать/)

        await api.post(`/admin/subscriptions/${id}/cancel`, { at: "now" }, admin)
        view = await detail(id)
        expect(view.subscription).toEqual(expect.objectContaining({ status: "canceled", mrr: 0, next_charge: null }))
        expect(changes(view).map((e: any) => e.type)).toEqual(["canceled_now", "refund", "refund", "resumed", "canceled", "purchase", "purchase"])
        expect(view.timeline.filter((e: any) => e.type === "refund").map((e: any) => e.amount).sort()).toEqual([100.5, 298.5])
        expect(view.refundable.map((r: any) => [r.kind, r.refunded, r.refundable])).toEqual([["extension", 0, 399], ["new", 399, 0]])

        expect((await failure(api.get("/admin/subscriptions/sub_missing", admin))).data.code).toEqual("SUBSCRIPTION_NOT_FOUND")
        expect((await failure(api.get(`/admin/subscriptions/${id}`, buyer.headers()))).status).toEqual(401)
      })

      it("lists the messages the Notification Module recorded about it", async () => {
        const buyer = await newBuyer()
        const { subscription } = await buy(buyer, "standard:month")
        // the receipt (subscribers/subscription-notifications.ts), and one sent by hand on Medusa's feed channel
        await getContainer().resolve(Modules.NOTIFICATION).createNotifications({
          to: buyer.email,
          channel: "feed",
          template: "subscription-renewal-upcoming",
          resource_type: "subscription",
          resource_id: subscription.id,
          data: {},
        })
        const sent = async () => {
          for (let i = 0; i < 50; i++) {
            const notices = noticesIn((await detail(subscription.id)).timeline)
            if (notices.length === 2 && notices.every((n: any) => n.status === "success")) return notices
            await new Promise((r) => setTimeout(r, 200))
          }
          return noticesIn((await detail(subscription.id)).timeline)
        }
        const notices = await sent()
        expect(notices.map((n: any) => [n.template, n.channel, n.status]).sort()).toEqual([
          ["receipt", "email", "success"],
          ["subscription-renewal-upcoming", "feed", "success"],
        ])
      })

      it("an expired subscription ends its timeline with the expiry; a decline names its reason", async () => {
        const buyer = await newBuyer()
        const { subscription } = await buy(buyer, "standard:month", { payment: { token: "tok_renewal_declined" } })
        const end = subscription.ends_at
        for (const days of [0, 1, 3, 5]) {
          await run(at(end, days * 86400000 + MINUTE))
        }
        const view = await detail(subscription.id)
        expect(view.subscription.status).toEqual("expired")
        expect(changes(view).map((e: any) => [e.type, e.reason])).toEqual([
          ["expired", null],
          ["decline", "card_declined"],
          ["decline", "card_declined"],
          ["decline", "card_declined"],
          ["decline", "card_declined"],
          ["purchase", null],
        ])
        expect(new Date(changes(view)[0].at).getTime()).toBeGreaterThan(new Date(end).getTime())
      })
    })

    describe("refunds", () => {
      it("refuses another subscription's purchase, a failed one, too much and bad amounts", async () => {
        const buyer = await newBuyer()
        const other = await newBuyer()
        const mine = await buy(buyer, "premium:month")
        const theirs = await buy(other, "standard:month")
        const id = mine.subscription.id
        const refund = (body: object, config: { headers: Record<string, string> } = admin) => failure(api.post(`/admin/subscriptions/${id}/refund`, body, config))

        const foreign = await refund({ purchase_id: theirs.purchase.id })
        expect([foreign.status, foreign.data.code]).toEqual([404, "PURCHASE_NOT_FOUND"])
        const tooMuch = await refund({ purchase_id: mine.purchase.id, amount: 699.01 }, ru())
        expect([tooMuch.status, tooMuch.data.code]).toEqual([400, "REFUND_AMOUNT_TOO_LARGE"])
        expect(tooMuch.data.message).toMatch(/больше, чем осталось/)
        for (const body of [{}, { purchase_id: mine.purchase.id, amount: 0 }, { purchase_id: mine.purchase.id, amount: -5 }, { purchase_id: mine.purchase.id, amount: "10" }, { purchase_id: mine.purchase.id, amount: 1.001 }, { purchase_id: mine.purchase.id, extra: 1 }]) {
          const res = await refund(body)
          expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400])
        }
        expect((await refund({ purchase_id: mine.purchase.id }, buyer.headers())).status).toEqual(401)
        // nothing was refunded by any of these
        expect((await detail(id)).refundable).toEqual([expect.objectContaining({ refunded: 0, refundable: 699 })])
      })
    })

    describe("retry now", () => {
      it("renews a past_due subscription at once when the card passes now", async () => {
        const buyer = await newBuyer()
        const { subscription } = await buy(buyer, "standard:month", { payment: { token: "tok_renewal_declined_once" } })
        await run(at(subscription.ends_at, MINUTE))
        expect((await detail(subscription.id)).subscription.status).toEqual("past_due")

        const res = await api.post(`/admin/subscriptions/${subscription.id}/retry`, {}, admin)
        expect(res.data.outcome).toEqual("renewed")
        expect(res.data.subscription).toEqual(expect.objectContaining({ status: "active", renewal_attempts: 0, mrr: 399 }))
        expect(res.data.purchase).toEqual(expect.objectContaining({ kind: "renewal", status: "completed", total: 399 }))
        const view = await detail(subscription.id)
        expect(changes(view).slice(0, 2).map((e: any) => [e.type, e.reason])).toEqual([
          ["renewal", null],
          ["decline", "insufficient_funds"],
        ])
        // active now: nothing to retry
        const again = await failure(api.post(`/admin/subscriptions/${subscription.id}/retry`, {}, ru()))
        expect([again.status, again.data.code]).toEqual([400, "SUBSCRIPTION_NOT_PAST_DUE"])
        expect(again.data.message).toMatch(/просроченной/)
      })

      it("a card still declined stays past_due, the attempt counted; other statuses and bad input are refused", async () => {
        const buyer = await newBuyer()
        const { subscription } = await buy(buyer, "standard:month", { payment: { token: "tok_renewal_declined" } })
        const active = await failure(api.post(`/admin/subscriptions/${subscription.id}/retry`, {}, admin))
        expect([active.status, active.data.code]).toEqual([400, "SUBSCRIPTION_NOT_PAST_DUE"])
        await run(at(subscription.ends_at, MINUTE))

        const res = await api.post(`/admin/subscriptions/${subscription.id}/retry`, {}, admin)
        expect(res.data.outcome).toEqual("failed")
        expect(res.data.subscription).toEqual(expect.objectContaining({ status: "past_due", renewal_attempts: 2 }))
        expect(res.data.purchase).toEqual(expect.objectContaining({ kind: "renewal", status: "failed", failure_reason: "card_declined" }))

        expect((await failure(api.post(`/admin/subscriptions/${subscription.id}/retry`, { force: true }, admin))).status).toEqual(400)
        const missing = await failure(api.post("/admin/subscriptions/sub_missing/retry", {}, admin))
        expect([missing.status, missing.data.code]).toEqual([404, "SUBSCRIPTION_NOT_FOUND"])
        expect((await failure(api.post(`/admin/subscriptions/${subscription.id}/retry`, {}, buyer.headers()))).status).toEqual(401)
      })
    })
  },
})
