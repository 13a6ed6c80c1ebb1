import { medusaIntegrationTestRunner } from "../helpers/contract"
import { failure, registerCustomer } from "../helpers/auth"
import { at, MINUTE, useSeededShop } from "../helpers/seed"

jest.setTimeout(300 * 1000)

// The renewal pass runs "as of" a moment in the future (the test clock).
process.env.SUBSCRIPTION_TEST_CLOCK = "true"

// Standard monthly costs 399 RUB; half off is 199.5.
const FULL = 399
const HALF = 199.5

medusaIntegrationTestRunner({
  inApp: true,
  env: { SUBSCRIPTION_TEST_CLOCK: "true" },
  testSuite: ({ api, getContainer }) => {
    const { app, admin } = useSeededShop(api, getContainer)

    type Buyer = Awaited<ReturnType<typeof registerCustomer>>
    const newBuyer = () => registerCustomer(api, app.publishable_key)
    const createCode = async (body: object) =>
      (await api.post("/admin/promocodes", { type: "percentage", value: 50, ...body }, admin)).data.promocode
    const subscriptionOf = async (buyer: Buyer) => {
      const { data } = await api.get("/store/subscriptions", buyer.headers())
      return data.subscriptions[0]
    }
    const purchasesOf = async (buyer: Buyer) => {
      const { data } = await api.get("/store/purchases", buyer.headers())
      return (data.purchases as any[]).reverse()
    }
    /** runs the renewal pass just after the buyer's period end; the buyer's subscription renews */
    const renewOnce = async (buyer: Buyer) => {
      const sub = await subscriptionOf(buyer)
      const { data } = await api.post(
        "/admin/subscriptions/renewals/run",
        { as_of: at(sub.ends_at, MINUTE) },
        admin
      )
      expect(data.renewed).toBeGreaterThanOrEqual(1)
      const after = await subscriptionOf(buyer)
      expect(new Date(after.ends_at).getTime()).toBeGreaterThan(new Date(sub.ends_at).getTime())
    }
    /** buys Standard monthly with the code, then renews `renewals` times; the totals charged, in order */
    const chargesWith = async (code: string, renewals: number, nextCharges: number[] = []) => {
      const buyer = await newBuyer()
      const bought = await api.post(
        "/store/purchases",
        { variant_id: app.variants["standard:month"], promocode: code },
        buyer.headers()
      )
      expect(bought.status).toEqual(201)
      for (let i = 0; i < renewals; i++) {
        nextCharges.push((await subscriptionOf(buyer)).next_charge.amount)
        await renewOnce(buyer)
      }
      nextCharges.push((await subscriptionOf(buyer)).next_charge.amount)
      const purchases = await purchasesOf(buyer)
      expect(purchases.map((p) => p.kind)).toEqual(["new", ...Array(renewals).fill("renewal")])
      expect(purchases.every((p) => p.status === "completed")).toBe(true)
      return purchases
    }
    const usedCount = async (id: string) =>
      (await api.get(`/admin/promocodes/${id}`, admin)).data.promocode.used_count

    describe("creating a code with a duration", () => {
      it("defaults to once and keeps repeating periods and forever", async () => {
        expect(await createCode({})).toEqual(expect.objectContaining({ duration: "once", duration_periods: null }))
        expect(await createCode({ duration: "repeating", duration_periods: 3 })).toEqual(
          expect.objectContaining({ duration: "repeating", duration_periods: 3 })
        )
        expect(await createCode({ duration: "forever" })).toEqual(
          expect.objectContaining({ duration: "forever", duration_periods: null })
        )
      })

      it.each([
        [{ duration: "repeating" }, "duration_periods"],
        [{ duration: "repeating", duration_periods: 0 }, "duration_periods"],
        [{ duration: "repeating", duration_periods: 1.5 }, "duration_periods"],
        [{ duration: "forever", duration_periods: 2 }, "duration_periods"],
        [{ duration_periods: 2 }, "duration_periods"],
        [{ duration: "weekly" }, "duration"],
      ])("refuses %j with a 400", async (body, field) => {
        const res = await failure(api.post("/admin/promocodes", { type: "percentage", value: 50, ...body }, admin))
        expect(res.status).toEqual(400)
        expect(res.data.type).toEqual("invalid_data")
        expect(res.data.message).toContain(field)
      })

      it("generates a batch that carries the duration", async () => {
        const res = await api.post(
          "/admin/promocodes/generate",
          { count: 2, prefix: "DUR", type: "percentage", value: 10, duration: "repeating", duration_periods: 2 },
          admin
        )
        expect(res.status).toBeLessThan(300)
        const refused = await failure(
          api.post("/admin/promocodes/generate", { count: 2, type: "percentage", value: 10, duration: "repeating" }, admin)
        )
        expect(refused.status).toEqual(400)
      })
    })

    it("the preview says how long the discount lasts", async () => {
      const promo = await createCode({ duration: "repeating", duration_periods: 3 })
      const buyer = await newBuyer()
      const { data } = await api.post(
        "/store/purchases/preview",
        { variant_id: app.variants["standard:month"], promocode: promo.code },
        buyer.headers()
      )
      expect(data.preview.total).toEqual(HALF)
      expect(data.preview.promocode).toEqual(
        expect.objectContaining({ code: promo.code, duration: "repeating", duration_periods: 3 })
      )
    })

    it("a repeating code of 3 periods discounts the purchase and the next 2 renewals, not the 3rd; one use", async () => {
      const promo = await createCode({ duration: "repeating", duration_periods: 3 })
      const nextCharges: number[] = []
      const purchases = await chargesWith(promo.code, 3, nextCharges)
      // the subscription's next_charge says what the next renewal will charge
      expect(nextCharges).toEqual([HALF, HALF, FULL, FULL])
      expect(purchases.map((p) => p.total)).toEqual([HALF, HALF, HALF, FULL])
      expect(purchases.map((p) => p.discount_amount)).toEqual([FULL - HALF, FULL - HALF, FULL - HALF, 0])
      expect(purchases.map((p) => p.promocode)).toEqual([promo.code, promo.code, promo.code, null])
      expect(purchases.every((p) => p.original_amount === FULL)).toBe(true)
      expect(await usedCount(promo.id)).toEqual(1)
    })

    it("a forever code keeps the discount on every renewal; one use", async () => {
      const promo = await createCode({ duration: "forever" })
      const purchases = await chargesWith(promo.code, 3)
      expect(purchases.map((p) => p.total)).toEqual([HALF, HALF, HALF, HALF])
      expect(await usedCount(promo.id)).toEqual(1)
    })

    it("a once code (the default) discounts only the first purchase", async () => {
      const promo = await createCode({})
      const purchases = await chargesWith(promo.code, 2)
      expect(purchases.map((p) => p.total)).toEqual([HALF, FULL, FULL])
      expect(await usedCount(promo.id)).toEqual(1)
    })
  },
})
