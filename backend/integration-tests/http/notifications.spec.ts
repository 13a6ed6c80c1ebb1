import { medusaIntegrationTestRunner } from "../helpers/contract"
import { Modules } from "@medusajs/framework/utils"
import { SubscriptionEvents } from "../../src/notifications/events"
import { PURCHASE_COMPLETED_EVENT } from "../../src/workflows/purchase-tariff"
import { registerCustomer } from "../helpers/auth"
import { at, DAY, MINUTE, useSeededShop } from "../helpers/seed"

jest.setTimeout(300 * 1000)

// The renewal pass (and the notices after it) runs "as of" a moment in the future.
process.env.SUBSCRIPTION_TEST_CLOCK = "true"

const iso = (value: string | Date) => new Date(value).toISOString()
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

type Noti = {
  id: string
  to: string
  channel: string
  template: string
  status: string
  receiver_id: string
  resource_type: string
  resource_id: string
  idempotency_key: string
  data: Record<string, any>
}

medusaIntegrationTestRunner({
  inApp: true,
  env: { SUBSCRIPTION_TEST_CLOCK: "true" },
  testSuite: ({ api, getContainer }) => {
    const { app, admin, variants } = useSeededShop(api, getContainer)

    type Buyer = Awaited<ReturnType<typeof registerCustomer>> & { lang: Record<string, string> }
    /** a shopper acting in `lang` (the storefront's Accept-Language), or sending none */
    const newBuyer = async (lang?: "ru" | "en"): Promise<Buyer> => ({
      ...(await registerCustomer(api, app.publishable_key)),
      lang: lang ? { "accept-language": lang === "ru" ? "ru-RU,ru;q=0.9" : "en-US,en;q=0.9" } : {},
    })
    const buy = async (buyer: Buyer, plan: string, extra: object = {}) => {
      const res = await api.post("/store/purchases", { variant_id: variants[plan], ...extra }, buyer.headers(buyer.lang))
      expect(res.status).toEqual(201)
      return res.data as { purchase: any; subscription: any }
    }
    const run = (asOf: string) => api.post("/admin/subscriptions/renewals/run", { as_of: asOf }, admin).then((r: any) => r.data)

    const notificationsOf = async (subscriptionId: string, template?: string): Promise<Noti[]> => {
      const found = await getContainer()
        .resolve(Modules.NOTIFICATION)
        .listNotifications({ resource_id: subscriptionId, ...(template ? { template } : {}) }, { order: { created_at: "ASC" } })
      return found as unknown as Noti[]
    }
    /** waits until `count` notifications of the template were handed to the provider (subscribers run after the response) */
    const waitFor = async (subscriptionId: string, template: string, count = 1) => {
      for (let i = 0; i < 75; i++) {
        const found = await notificationsOf(subscriptionId, template)
        if (found.length >= count && found.every((n) => n.status !== "pending")) return found
        await sleep(200)
      }
      throw new Error(`${template} x${count} for ${subscriptionId}: only ${(await notificationsOf(subscriptionId, template)).length}`)
    }
    /** lets subscribers of anything just triggered run, then counts */
    const settled = async (subscriptionId: string, template: string) => {
      await sleep(1000)
      return notificationsOf(subscriptionId, template)
    }
    const emitTwice = async (name: string, data: object) => {
      const bus = getContainer().resolve(Modules.EVENT_BUS)
      await bus.emit([{ name, data }, { name, data }])
    }

    describe("receipts", () => {
      it("a purchase: one receipt in the shopper's language, with plan, amount, period and card", async () => {
        const buyer = await newBuyer("en")
        const { purchase, subscription } = await buy(buyer, "standard:month")
        const [receipt] = await waitFor(subscription.id, "receipt")
        expect(receipt).toEqual(
          expect.objectContaining({
            to: buyer.email,
            channel: "email",
            status: "success",
            receiver_id: buyer.id,
            resource_type: "subscription",
            resource_id: subscription.id,
            idempotency_key: `receipt:${subscription.id}:${purchase.id}`,
          })
        )
        expect(receipt.data).toEqual(
          expect.objectContaining({
            locale: "en",
            kind: "new",
            plan: "Standard (Monthly)",
            purchase_id: purchase.id,
            total: { amount: 399, currency_code: "rub" },
            card_last4: "4242",
          })
        )
        expect(iso(receipt.data.period_start)).toEqual(iso(subscription.starts_at))
        expect(iso(receipt.data.period_end)).toEqual(iso(subscription.ends_at))
        // the language is remembered on the customer
        const customer = await getContainer().resolve(Modules.CUSTOMER).retrieveCustomer(buyer.id)
        expect(customer.metadata).toEqual(expect.objectContaining({ locale: "en" }))

        // the event delivered twice more: still one receipt
        await emitTwice(PURCHASE_COMPLETED_EVENT, { id: purchase.id })
        expect(await settled(subscription.id, "receipt")).toHaveLength(1)
      })

      it("in Russian for a Russian shopper, and by default", async () => {
        const ru = await newBuyer("ru")
        const silent = await newBuyer()
        const a = await buy(ru, "premium:month")
        const b = await buy(silent, "standard:month", { promocode: "welcome100" })
        const [first] = await waitFor(a.subscription.id, "receipt")
        const [second] = await waitFor(b.subscription.id, "receipt")
        expect(first.data).toEqual(expect.objectContaining({ locale: "ru", plan: "Премиум (На месяц)", total: { amount: 699, currency_code: "rub" } }))
        expect(second.data).toEqual(
          expect.objectContaining({
            locale: "ru",
            plan: "Стандарт (На месяц)",
            total: { amount: 299, currency_code: "rub" },
            discount: { amount: 100, currency_code: "rub" },
          })
        )
      })
    })

    describe("an auto-renewing plan", () => {
      it("a reminder once within the lead time (the pass run twice), then a renewal receipt once", async () => {
        const buyer = await newBuyer("en")
        const { subscription } = await buy(buyer, "standard:month")
        const end = subscription.ends_at
        await waitFor(subscription.id, "receipt")

        // four days before: outside SUBSCRIPTION_REMINDER_DAYS (3)
        await run(at(end, -4 * DAY))
        expect(await settled(subscription.id, "renewal_reminder")).toHaveLength(0)

        await run(at(end, -2 * DAY))
        const [reminder] = await waitFor(subscription.id, "renewal_reminder")
        expect(reminder.data).toEqual(
          expect.objectContaining({
            locale: "en",
            plan: "Standard (Monthly)",
            amount: { amount: 399, currency_code: "rub" },
            card_last4: "4242",
            account_url: expect.stringMatching(/\/en\/account$/),
          })
        )
        expect(iso(reminder.data.renews_at)).toEqual(iso(end))
        expect(reminder.idempotency_key).toEqual(`renewal_reminder:${subscription.id}:${iso(end)}`)
        await run(at(end, -2 * DAY))
        await run(at(end, -1 * DAY))
        expect(await settled(subscription.id, "renewal_reminder")).toHaveLength(1)
        // the reminder announced twice more: still one
        await emitTwice(SubscriptionEvents.RENEWAL_UPCOMING, { subscription_id: subscription.id, ends_at: iso(end) })
        expect(await settled(subscription.id, "renewal_reminder")).toHaveLength(1)

        await run(at(end, MINUTE))
        const receipts = await waitFor(subscription.id, "receipt", 2)
        expect(receipts[1].data).toEqual(
          expect.objectContaining({ kind: "renewal", total: { amount: 399, currency_code: "rub" }, card_last4: "4242" })
        )
        expect(iso(receipts[1].data.period_start)).toEqual(iso(end))
        await run(at(end, 2 * MINUTE))
        expect(await settled(subscription.id, "receipt")).toHaveLength(2)
      })

      it("a declined renewal: payment failed with the retry date, once per attempt; then expired once", async () => {
        const buyer = await newBuyer("ru")
        const { subscription } = await buy(buyer, "standard:month", { payment: { token: "tok_renewal_declined" } })
        const end = subscription.ends_at

        await run(at(end, MINUTE))
        const [failed] = await waitFor(subscription.id, "payment_failed")
        expect(failed.data).toEqual(
          expect.objectContaining({
            locale: "ru",
            plan: "Стандарт (На месяц)",
            amount: { amount: 399, currency_code: "rub" },
            card_last4: "0341",
            account_url: expect.stringMatching(/\/ru\/account$/),
          })
        )
        expect(iso(failed.data.next_attempt_at)).toEqual(at(end, DAY))
        expect(iso(failed.data.access_until)).toEqual(at(end, 5 * DAY))
        await run(at(end, 2 * MINUTE))
        expect(await settled(subscription.id, "payment_failed")).toHaveLength(1)

        // each retry that declines is told once; the last one expires the subscription
        await run(at(end, DAY + MINUTE))
        await waitFor(subscription.id, "payment_failed", 2)
        await run(at(end, 3 * DAY + MINUTE))
        await waitFor(subscription.id, "payment_failed", 3)
        await run(at(end, 5 * DAY + MINUTE))
        const [expired] = await waitFor(subscription.id, "subscription_expired")
        expect(expired.data).toEqual(expect.objectContaining({ locale: "ru", plan: "Стандарт (На месяц)" }))
        await run(at(end, 5 * DAY + 2 * MINUTE))
        expect(await settled(subscription.id, "subscription_expired")).toHaveLength(1)
        expect(await notificationsOf(subscription.id, "payment_failed")).toHaveLength(3)
        expect(await notificationsOf(subscription.id, "renewal_reminder")).toHaveLength(0)
      })
    })

    describe("the end of a subscription", () => {
      it("cancelled by the shopper: told once with the date access ends; no expiry notice at the end", async () => {
        const buyer = await newBuyer("en")
        const { subscription } = await buy(buyer, "standard:month")
        const cancel = () => api.post(`/store/subscriptions/${subscription.id}/cancel`, {}, buyer.headers(buyer.lang))
        await cancel()
        const [cancelled] = await waitFor(subscription.id, "subscription_canceled")
        expect(cancelled.data).toEqual(expect.objectContaining({ locale: "en", by: "customer", ended: false }))
        expect(iso(cancelled.data.access_until)).toEqual(iso(subscription.ends_at))
        await cancel()
        expect(await settled(subscription.id, "subscription_canceled")).toHaveLength(1)

        // no reminder for a cancelled one, and its end is not an expiry
        await run(at(subscription.ends_at, -DAY))
        await run(at(subscription.ends_at, MINUTE))
        expect(await settled(subscription.id, "subscription_expired")).toHaveLength(0)
        expect(await notificationsOf(subscription.id, "renewal_reminder")).toHaveLength(0)
      })

      it("cancelled now by an admin: told that access has ended", async () => {
        const buyer = await newBuyer("ru")
        const { subscription } = await buy(buyer, "standard:month")
        await api.post(`/admin/subscriptions/${subscription.id}/cancel`, { at: "now" }, admin)
        const [cancelled] = await waitFor(subscription.id, "subscription_canceled")
        expect(cancelled.data).toEqual(expect.objectContaining({ locale: "ru", by: "admin", ended: true }))
        expect(new Date(cancelled.data.access_until).getTime()).toBeLessThan(new Date(subscription.ends_at).getTime())
      })

      it("without auto-renew: no reminder, expired once at its end", async () => {
        const buyer = await newBuyer("en")
        const { subscription } = await buy(buyer, "standard:month", { auto_renew: false })
        await run(at(subscription.ends_at, -DAY))
        await run(at(subscription.ends_at, MINUTE))
        const [expired] = await waitFor(subscription.id, "subscription_expired")
        expect(expired.data).toEqual(expect.objectContaining({ locale: "en", plan: "Standard (Monthly)" }))
        expect(iso(expired.data.ended_at)).toEqual(iso(subscription.ends_at))
        await run(at(subscription.ends_at, 2 * MINUTE))
        await emitTwice(SubscriptionEvents.EXPIRED, { subscription_id: subscription.id })
        expect(await settled(subscription.id, "subscription_expired")).toHaveLength(1)
        expect(await notificationsOf(subscription.id, "renewal_reminder")).toHaveLength(0)
      })
    })

    describe("the Trial", () => {
      it("with a card: converts on its end date to the plan at its price, told once", async () => {
        const buyer = await newBuyer("en")
        const { subscription } = await buy(buyer, "trial:day", { payment: { token: "tok_success" } })
        await run(at(subscription.ends_at, -2 * DAY))
        await run(at(subscription.ends_at, -DAY))
        const [ending] = await waitFor(subscription.id, "trial_ending")
        expect(ending.data).toEqual(
          expect.objectContaining({
            locale: "en",
            plan: "Trial (7 days)",
            conversion: { plan: "Standard (Monthly)", amount: { amount: 399, currency_code: "rub" }, card_last4: "4242" },
          })
        )
        expect(iso(ending.data.ends_at)).toEqual(iso(subscription.ends_at))
        expect(await settled(subscription.id, "trial_ending")).toHaveLength(1)
        // a Trial is not told of a renewal
        expect(await notificationsOf(subscription.id, "renewal_reminder")).toHaveLength(0)
      })

      it("without a card: access ends on its end date", async () => {
        const buyer = await newBuyer("ru")
        const { subscription } = await buy(buyer, "trial:day")
        await run(at(subscription.ends_at, -2 * DAY))
        const [ending] = await waitFor(subscription.id, "trial_ending")
        expect(ending.data).toEqual(expect.objectContaining({ locale: "ru", plan: "Пробный (7 дней)", conversion: null }))
        await run(at(subscription.ends_at, -2 * DAY + MINUTE))
        expect(await settled(subscription.id, "trial_ending")).toHaveLength(1)
      })
    })
  },
})
