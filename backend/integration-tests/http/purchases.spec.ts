import { medusaIntegrationTestRunner } from "../helpers/contract"
import { Modules } from "@medusajs/framework/utils"
import { PROMOCODE_MODULE, type PromocodeModuleService } from "../../src/modules/promocode"
import { failure, registerCustomer } from "../helpers/auth"
import { seedDemo, SeededApp } from "../helpers/seed"

jest.setTimeout(180 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let app: SeededApp
    const variants: Record<string, string> = {}

    beforeAll(async () => {
      app = await seedDemo(getContainer())
      Object.assign(variants, app.variants)
    })

    const promocodes = () => getContainer().resolve<PromocodeModuleService>(PROMOCODE_MODULE)
    const counters = async (code: string) => {
      const [p] = await promocodes().listPromocodes({ code })
      return { reserved: p.reserved_count, used: p.used_count }
    }
    const journal = async (code: string) => {
      const rows = await promocodes().listPromocodeJournals({ code }, { order: { created_at: "ASC" } })
      return rows.map((r) => r.action)
    }
    const payments = async () => {
      const payment = getContainer().resolve(Modules.PAYMENT)
      return payment.listPayments({})
    }

    describe("POST /store/purchases/preview", () => {
      it("prices a plan without a code and with each kind of code", async () => {
        const buyer = await registerCustomer(api, app.publishable_key)
        const preview = (body: object) =>
          api.post("/store/purchases/preview", body, buyer.headers()).then((r: any) => r.data.preview)

        const plain = await preview({ variant_id: variants["standard:month"] })
        expect(plain).toEqual(
          expect.objectContaining({ original_amount: 399, discount_amount: 0, total: 399, currency_code: "rub", promocode: null })
        )
        const fixed = await preview({ variant_id: variants["standard:month"], promocode: " welcome100 " })
        expect(fixed).toEqual(
          expect.objectContaining({ original_amount: 399, discount_amount: 100, total: 299 })
        )
        expect(fixed.promocode).toEqual(expect.objectContaining({ code: "WELCOME100", type: "fixed", value: 100 }))
        const percent = await preview({ variant_id: variants["premium:month"], promocode: "SALE10" })
        expect(percent).toEqual(
          expect.objectContaining({ original_amount: 699, discount_amount: 69.9, total: 629.1 })
        )
        const free = await preview({ variant_id: variants["standard:month"], promocode: "FREEMONTH" })
        expect(free).toEqual(expect.objectContaining({ total: 0, discount_amount: 399 }))
        // a preview reserves nothing
        expect(await counters("WELCOME100")).toEqual({ reserved: 0, used: 0 })
      })

      it("answers each rejection with its code, in the request's language", async () => {
        const buyer = await registerCustomer(api, app.publishable_key)
        const reject = (promocode: string, variant = variants["standard:month"], lang = "en") =>
          failure(
            api.post(
              "/store/purchases/preview",
              { variant_id: variant, promocode },
              buyer.headers({ "accept-language": lang })
            )
          )
        const unknown = await reject("NOPE-NOPE")
        expect([unknown.status, unknown.data.code]).toEqual([404, "PROMOCODE_NOT_FOUND"])
        const expired = await reject("EXPIRED2024", undefined, "ru")
        expect([expired.status, expired.data.code, expired.data.message]).toEqual([
          400,
          "PROMOCODE_EXPIRED",
          "Срок действия этого промокода истёк.",
        ])
        const usedUp = await reject("USEDUP")
        expect(usedUp.data.code).toEqual("PROMOCODE_USED_UP")
        const wrongPlan = await reject("FREEMONTH", variants["premium:month"])
        expect(wrongPlan.data.code).toEqual("PROMOCODE_NOT_APPLICABLE")
      })

      it("rejects bad input with 400 and anonymous callers with 401", async () => {
        const buyer = await registerCustomer(api, app.publishable_key)
        for (const body of [{}, { variant_id: "" }, { variant_id: variants["standard:month"], extra: 1 }, { variant_id: variants["standard:month"], promocode: "X".repeat(10000) }]) {
          const res = await failure(api.post("/store/purchases/preview", body, buyer.headers()))
          expect(res.status).toEqual(400)
        }
        const notForSale = await failure(api.post("/store/purchases/preview", { variant_id: "variant_missing" }, buyer.headers()))
        expect([notForSale.status, notForSale.data.code]).toEqual([400, "PLAN_NOT_FOUND"])
        const anonymous = await failure(
          api.post("/store/purchases/preview", { variant_id: variants["standard:month"] }, app.storeHeaders())
        )
        expect(anonymous.status).toEqual(401)
      })
    })

    describe("POST /store/purchases", () => {
      it("buys a plan without a code: 201, a captured payment, an active subscription", async () => {
        const buyer = await registerCustomer(api, app.publishable_key)
        const before = (await payments()).length
        const res = await api.post("/store/purchases", { variant_id: variants["standard:month"] }, buyer.headers())
        expect(res.status).toEqual(201)
        expect(res.data.purchase).toEqual(
          expect.objectContaining({ status: "completed", total: 399, discount_amount: 0, currency_code: "rub", promocode: null })
        )
        expect(res.data.subscription).toEqual(
          expect.objectContaining({ status: "active", variant_id: variants["standard:month"] })
        )
        const days = (Date.parse(res.data.subscription.ends_at) - Date.parse(res.data.subscription.starts_at)) / 86400000
        expect(days).toBeGreaterThanOrEqual(28)
        expect(days).toBeLessThanOrEqual(31)
        expect((await payments()).length).toEqual(before + 1)
      })

      it("buys with a fixed code; the code is redeemed and journaled reserve then redeem", async () => {
        const buyer = await registerCustomer(api, app.publishable_key)
        const res = await api.post(
          "/store/purchases",
          { variant_id: variants["standard:month"], promocode: "welcome100" },
          buyer.headers()
        )
        expect(res.data.purchase).toEqual(expect.objectContaining({ total: 299, discount_amount: 100, promocode: "WELCOME100" }))
        expect(await counters("WELCOME100")).toEqual({ reserved: 0, used: 1 })
        const again = await failure(
          api.post("/store/purchases", { variant_id: variants["standard:month"], promocode: "WELCOME100" }, buyer.headers())
        )
        expect(again.data.code).toEqual("PROMOCODE_ALREADY_USED")
      })

      it("a free-period code needs no payment and grants its days", async () => {
        const buyer = await registerCustomer(api, app.publishable_key)
        const before = (await payments()).length
        const res = await api.post(
          "/store/purchases",
          { variant_id: variants["standard:month"], promocode: "FREEMONTH", payment: { token: "tok_declined" } },
          buyer.headers()
        )
        expect(res.status).toEqual(201)
        expect(res.data.purchase.total).toEqual(0)
        const days = (Date.parse(res.data.subscription.ends_at) - Date.parse(res.data.subscription.starts_at)) / 86400000
        expect(days).toEqual(30)
        expect((await payments()).length).toEqual(before)
      })

      it.each([
        ["tok_declined", "card_declined"],
        ["tok_insufficient_funds", "insufficient_funds"],
        ["tok_error", "gateway_error"],
      ])("%s: 402, purchase failed, code given back (reserve then release)", async (token, reason) => {
        const buyer = await registerCustomer(api, app.publishable_key)
        const code = `DECLINE-${token.toUpperCase().replace(/[^A-Z]/g, "")}`
        await promocodes().createPromocodes({ code, type: "percentage", value: 10, usage_limit: 1 })
        const res = await failure(
          api.post(
            "/store/purchases",
            { variant_id: variants["premium:month"], promocode: code, payment: { token } },
            buyer.headers()
          )
        )
        expect(res.status).toEqual(402)
        expect(res.data).toEqual(
          expect.objectContaining({ code: "PAYMENT_DECLINED", reason, purchase_id: expect.stringMatching(/^pur_/) })
        )
        expect(await counters(code)).toEqual({ reserved: 0, used: 0 })
        expect(await journal(code)).toEqual(["reserved", "released"])
        const { data } = await api.get("/store/purchases", buyer.headers())
        expect(data.purchases[0]).toEqual(expect.objectContaining({ status: "failed", failure_reason: reason }))
        const subs = await api.get("/store/subscriptions", buyer.headers())
        expect(subs.data.subscriptions).toEqual([])

        // the code is still usable: a retry with a good card works
        const retry = await api.post(
          "/store/purchases",
          { variant_id: variants["premium:month"], promocode: code, payment: { token: "tok_success" } },
          buyer.headers()
        )
        expect(retry.status).toEqual(201)
        expect(await counters(code)).toEqual({ reserved: 0, used: 1 })
      })

      it("replays the first answer for the same Idempotency-Key and charges once", async () => {
        const buyer = await registerCustomer(api, app.publishable_key)
        const before = (await payments()).length
        const headers = buyer.headers({ "idempotency-key": "buy-once-1" })
        const body = { variant_id: variants["premium:year"] }
        const [a, b] = await Promise.all([
          api.post("/store/purchases", body, headers),
          api.post("/store/purchases", body, headers),
        ])
        const c = await api.post("/store/purchases", body, headers)
        expect([a.status, b.status, c.status]).toEqual([201, 201, 201])
        expect(new Set([a.data.purchase.id, b.data.purchase.id, c.data.purchase.id]).size).toEqual(1)
        expect((await payments()).length).toEqual(before + 1)
        const { data } = await api.get("/store/purchases", buyer.headers())
        expect(data.count).toEqual(1)
      })

      it("two concurrent purchases by one customer never both take a one-time code", async () => {
        const buyer = await registerCustomer(api, app.publishable_key)
        await promocodes().createPromocodes({ code: "ONCE-RACE", type: "fixed", value: 50, currency_code: "rub", usage_limit: 1 })
        const attempts = await Promise.allSettled(
          [1, 2, 3, 4].map(() =>
            api.post("/store/purchases", { variant_id: variants["standard:month"], promocode: "ONCE-RACE" }, buyer.headers())
          )
        )
        const ok = attempts.filter((a) => a.status === "fulfilled")
        expect(ok).toHaveLength(1)
        for (const a of attempts) {
          if (a.status === "rejected") {
            expect(["PROMOCODE_USED_UP", "PROMOCODE_ALREADY_USED"]).toContain((a.reason as any).response.data.code)
          }
        }
        expect(await counters("ONCE-RACE")).toEqual({ reserved: 0, used: 1 })
      })

      it("extends the same plan from its end and upgrades to a dearer one in place, never two live subscriptions", async () => {
        const buyer = await registerCustomer(api, app.publishable_key)
        const first = await api.post("/store/purchases", { variant_id: variants["standard:month"] }, buyer.headers())
        const second = await api.post("/store/purchases", { variant_id: variants["standard:month"] }, buyer.headers())
        expect(second.data.subscription.id).toEqual(first.data.subscription.id)
        expect(second.data.subscription.starts_at).toEqual(first.data.subscription.starts_at)
        expect(Date.parse(second.data.subscription.ends_at)).toBeGreaterThan(Date.parse(first.data.subscription.ends_at) + 27 * 86400000)
        const third = await api.post("/store/purchases", { variant_id: variants["premium:month"] }, buyer.headers())
        expect(third.data.change).toEqual("upgrade")
        expect(third.data.subscription.id).toEqual(first.data.subscription.id)
        const { data } = await api.get("/store/subscriptions", buyer.headers())
        expect(data.subscriptions.map((s: any) => s.status)).toEqual(["active"])
      })

      it("keeps customers apart and rejects anonymous and bad input", async () => {
        const alice = await registerCustomer(api, app.publishable_key)
        const bob = await registerCustomer(api, app.publishable_key)
        await api.post("/store/purchases", { variant_id: variants["standard:month"] }, alice.headers())
        const bobs = await api.get("/store/purchases", bob.headers())
        expect(bobs.data).toEqual(expect.objectContaining({ purchases: [], count: 0 }))
        const alicePurchase = (await api.get("/store/purchases", alice.headers())).data.purchases[0]
        const own = await api.get(`/store/purchases/${alicePurchase.id}`, alice.headers())
        expect(own.data.purchase).toEqual(expect.objectContaining({ id: alicePurchase.id, product_title: "Standard" }))
        expect(own.data.subscription).toEqual(expect.objectContaining({ status: "active" }))
        const notHis = await failure(api.get(`/store/purchases/${alicePurchase.id}`, bob.headers()))
        expect([notHis.status, notHis.data.code]).toEqual([404, "PURCHASE_NOT_FOUND"])
        const bobSubs = await api.get("/store/subscriptions", bob.headers())
        expect(bobSubs.data.subscriptions).toEqual([])
        // Bob replaying Alice's key gets his own purchase, never hers
        const aliceKeyed = await api.post("/store/purchases", { variant_id: variants["standard:month"] }, alice.headers({ "idempotency-key": "shared-key" }))
        const bobKeyed = await api.post("/store/purchases", { variant_id: variants["standard:month"] }, bob.headers({ "idempotency-key": "shared-key" }))
        expect(bobKeyed.data.purchase.id).not.toEqual(aliceKeyed.data.purchase.id)
        expect(bobKeyed.data.purchase.customer_id).toEqual(bob.id)

        for (const path of ["/store/purchases", "/store/subscriptions"]) {
          expect((await failure(api.get(path, app.storeHeaders()))).status).toEqual(401)
        }
        expect((await failure(api.post("/store/purchases", { variant_id: variants["standard:month"] }, app.storeHeaders()))).status).toEqual(401)
        for (const body of [{ variant_id: variants["standard:month"], payment: { token: 5 } }, { variant_id: 1 }, { variant_id: variants["standard:month"], total: 0 }]) {
          expect((await failure(api.post("/store/purchases", body, bob.headers()))).status).toEqual(400)
        }
        const badKey = await failure(api.post("/store/purchases", { variant_id: variants["standard:month"] }, bob.headers({ "idempotency-key": "x".repeat(300) })))
        expect([badKey.status, badKey.data.code]).toEqual([400, "INVALID_IDEMPOTENCY_KEY"])
      })
    })
  },
})
