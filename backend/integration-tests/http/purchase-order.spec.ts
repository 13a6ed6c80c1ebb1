import { TestEventUtils } from "@medusajs/test-utils"
import { medusaIntegrationTestRunner } from "../helpers/contract"
import { ContainerRegistrationKeys, Modules, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { SUBSCRIPTION_MODULE } from "../../src/modules/subscription"
import type SubscriptionModuleService from "../../src/modules/subscription/service"
import { PURCHASE_COMPLETED_EVENT } from "../../src/workflows/purchase-tariff"
import { recordPurchaseOrderWorkflow } from "../../src/workflows/record-purchase-order"
import { recordPurchaseOrdersWorkflow } from "../../src/workflows/record-purchase-order/batch"
import { failure, registerCustomer, signIn } from "../helpers/auth"
import { seedDemo, SeededApp } from "../helpers/seed"

jest.setTimeout(180 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let app: SeededApp
    let adminHeaders: { headers: Record<string, string> }
    const variants: Record<string, string> = {}

    beforeAll(async () => {
      app = await seedDemo(getContainer())
      Object.assign(variants, app.variants)
      const token = await signIn(api, "user", app.admin.email, app.admin.password)
      adminHeaders = { headers: { authorization: `Bearer ${token}` } }
    })

    const subscriptions = () => getContainer().resolve<SubscriptionModuleService>(SUBSCRIPTION_MODULE)
    const orders = () => getContainer().resolve(Modules.ORDER)
    const ordersOf = (customerId: string) =>
      orders().listOrders({ customer_id: customerId }, { relations: ["transactions"] })
    const record = (purchaseId: string) =>
      recordPurchaseOrderWorkflow(getContainer())
        .run({ input: { purchase_id: purchaseId } })
        .then(({ result }) => result)

    /** Buys a plan and waits until the purchase.completed subscribers have run. */
    async function buy(buyer: Awaited<ReturnType<typeof registerCustomer>>, body: object) {
      const subscribersDone = TestEventUtils.waitSubscribersExecution(
        PURCHASE_COMPLETED_EVENT,
        getContainer().resolve(Modules.EVENT_BUS)
      )
      const res = await api.post("/store/purchases", body, buyer.headers())
      expect(res.status).toEqual(201)
      await subscribersDone
      return subscriptions().retrievePurchase(res.data.purchase.id)
    }

    it("records a purchase with a code as one completed, paid order the customer and the admin see", async () => {
      const buyer = await registerCustomer(api, app.publishable_key)
      const completedOrders: string[] = []
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      const onOrderCompleted = async (event: { data: unknown }) => {
        completedOrders.push((event.data as { id: string }).id)
      }
      eventBus.subscribe(OrderWorkflowEvents.COMPLETED, onOrderCompleted)
      const purchase = await buy(buyer, { variant_id: variants["standard:month"], promocode: "welcome100" })
      eventBus.unsubscribe(OrderWorkflowEvents.COMPLETED, onOrderCompleted)
      expect(purchase.order_id).toEqual(expect.stringMatching(/^order_/))
      // created completed, and announced as Medusa's completeOrderWorkflow does
      expect(completedOrders).toEqual([purchase.order_id])
      expect(purchase.payment_collection_id).toBeTruthy()

      // the customer's order history
      const list = await api.get("/store/orders", buyer.headers())
      expect(list.data.orders.map((o: any) => o.id)).toEqual([purchase.order_id])
      const { data: store } = await api.get(
        `/store/orders/${purchase.order_id}?fields=*items,*items.adjustments,*payment_collections,+payment_status,+fulfillment_status,+customer_id,+sales_channel_id`,
        buyer.headers()
      )
      const order = store.order
      expect(order).toEqual(
        expect.objectContaining({
          status: "completed",
          payment_status: "captured",
          customer_id: buyer.id,
          email: buyer.email,
          currency_code: "rub",
          region_id: app.region_ids.rub,
          sales_channel_id: expect.stringMatching(/^sc_/),
          total: 299,
          subtotal: 399,
          discount_total: 100,
        })
      )
      expect(order.items).toHaveLength(1)
      expect(order.items[0]).toEqual(
        expect.objectContaining({
          title: "Standard",
          subtitle: "Monthly",
          product_id: purchase.product_id,
          variant_id: variants["standard:month"],
          unit_price: 399,
          quantity: 1,
          requires_shipping: false,
          is_discountable: true,
          total: 299,
        })
      )
      expect(order.items[0].adjustments).toEqual([
        expect.objectContaining({ code: "WELCOME100", amount: 100 }),
      ])
      expect(order.payment_collections).toEqual([
        expect.objectContaining({
          id: purchase.payment_collection_id,
          status: "completed",
          amount: 299,
          captured_amount: 299,
        }),
      ])

      // the admin's Orders page
      const { data: admin } = await api.get(`/admin/orders?customer_id=${buyer.id}`, adminHeaders)
      expect(admin.orders.map((o: any) => o.id)).toEqual([purchase.order_id])
      const { data: detail } = await api.get(`/admin/orders/${purchase.order_id}`, adminHeaders)
      expect(detail.order).toEqual(
        expect.objectContaining({ status: "completed", payment_status: "captured", total: 299 })
      )
      expect(detail.order.summary).toEqual(
        expect.objectContaining({ paid_total: 299, pending_difference: 0 })
      )
      // delivered at once: fulfilled (nothing to ship), not a backlog, in the list and the detail
      expect(admin.orders[0]).toEqual(
        expect.objectContaining({ payment_status: "captured", fulfillment_status: "fulfilled" })
      )
      expect(detail.order.fulfillment_status).toEqual("fulfilled")
      expect(detail.order.fulfillments).toEqual([
        expect.objectContaining({
          requires_shipping: false,
          packed_at: expect.any(String),
          canceled_at: null,
          location_id: expect.stringMatching(/^sloc_/),
        }),
      ])
      expect(detail.order.items[0].detail).toEqual(
        expect.objectContaining({ fulfilled_quantity: 1 })
      )

      // nobody else sees it
      const other = await registerCustomer(api, app.publishable_key)
      expect((await api.get("/store/orders", other.headers())).data.orders).toEqual([])
    })

    it("records an upgrade's order at what was charged: the credit and the code as adjustments, the kind and period in metadata", async () => {
      const buyer = await registerCustomer(api, app.publishable_key)
      await buy(buyer, { variant_id: variants["standard:month"] })
      const upgrade = await buy(buyer, { variant_id: variants["premium:month"], promocode: "SALE10" })
      expect(upgrade.kind).toEqual("upgrade")
      const { data } = await api.get(
        `/admin/orders/${upgrade.order_id}?fields=*items,*items.adjustments,+metadata,+total`,
        adminHeaders
      )
      expect(Number(data.order.total)).toEqual(Number(upgrade.total))
      expect(data.order.metadata).toEqual(
        expect.objectContaining({
          purchase_id: upgrade.id,
          kind: "upgrade",
          period_start: new Date(upgrade.period_start!).toISOString(),
          period_end: new Date(upgrade.period_end!).toISOString(),
        })
      )
      const codes = data.order.items[0].adjustments.map((a: any) => [a.code, Number(a.amount)])
      expect(codes).toEqual(
        expect.arrayContaining([
          ["UPGRADE_CREDIT", Number(upgrade.credit_amount)],
          ["SALE10", Number(upgrade.discount_amount)],
        ])
      )
    })

    it("never records a purchase twice: replays, concurrent runs, a run that died after creating the order", async () => {
      const buyer = await registerCustomer(api, app.publishable_key)
      const purchase = await buy(buyer, { variant_id: variants["premium:month"] })
      const orderId = purchase.order_id!
      expect(orderId).toBeTruthy()

      // the event delivered again, once and twice at the same time
      expect(await record(purchase.id)).toEqual({ order_id: orderId, recorded: false })
      const replays = await Promise.all([record(purchase.id), record(purchase.id)])
      expect(replays).toEqual([
        { order_id: orderId, recorded: false },
        { order_id: orderId, recorded: false },
      ])
      let recorded = await ordersOf(buyer.id)
      expect(recorded.map((o) => o.id)).toEqual([orderId])
      expect(recorded[0].transactions).toHaveLength(1)

      // two deliveries race for a purchase not recorded yet: one order
      await getContainer().resolve(ContainerRegistrationKeys.LINK).dismiss({
        [Modules.ORDER]: { order_id: orderId },
        [Modules.PAYMENT]: { payment_collection_id: purchase.payment_collection_id },
      })
      await orders().deleteOrders([orderId])
      await subscriptions().updatePurchases({ id: purchase.id, order_id: null })
      const racing = await Promise.all([record(purchase.id), record(purchase.id)])
      expect(racing.filter((r) => r.recorded)).toHaveLength(1)
      expect(racing[0].order_id).toEqual(racing[1].order_id)
      recorded = await ordersOf(buyer.id)
      expect(recorded.map((o) => o.id)).toEqual([racing[0].order_id])
      expect((await subscriptions().retrievePurchase(purchase.id)).order_id).toEqual(racing[0].order_id)

      // a run died after creating the order, before storing its id: the order is adopted
      const adopted = recorded[0].id
      await subscriptions().updatePurchases({ id: purchase.id, order_id: null })
      expect(await record(purchase.id)).toEqual({ order_id: adopted, recorded: true })
      recorded = await ordersOf(buyer.id)
      expect(recorded.map((o) => o.id)).toEqual([adopted])
      expect(recorded[0].transactions).toHaveLength(1)
      const { data } = await api.get(`/admin/orders/${adopted}`, adminHeaders)
      expect(data.order).toEqual(
        expect.objectContaining({ status: "completed", payment_status: "captured", total: 699 })
      )
      expect(data.order.payment_collections).toHaveLength(1)
      expect(data.order.fulfillment_status).toEqual("fulfilled")
      expect(data.order.fulfillments).toHaveLength(1)
    })

    it("records a burst of purchases in one batch: one order each, complete, never twice", async () => {
      const recordBatch = (ids: string[]) =>
        recordPurchaseOrdersWorkflow(getContainer())
          .run({ input: { purchase_ids: ids } })
          .then(({ result }) => result)
      const [b1, b2, b3, b4] = await Promise.all([1, 2, 3, 4].map(() => registerCustomer(api, app.publishable_key)))
      const p1 = await buy(b1, { variant_id: variants["standard:month"] })
      const p2 = await buy(b2, { variant_id: variants["premium:month"], promocode: "SALE10" })
      const p3 = await buy(b3, { variant_id: variants["standard:month"] })
      const p4 = await buy(b4, { variant_id: variants["standard:month"] })
      // p1, p2 as if never recorded; p3's order left behind by a run that died (adopted alone)
      const unrecord = async (purchase: typeof p1) => {
        await getContainer().resolve(ContainerRegistrationKeys.LINK).dismiss({
          [Modules.ORDER]: { order_id: purchase.order_id },
          [Modules.PAYMENT]: { payment_collection_id: purchase.payment_collection_id },
        })
        await orders().deleteOrders([purchase.order_id!])
        await subscriptions().updatePurchases({ id: purchase.id, order_id: null })
      }
      await unrecord(p1)
      await unrecord(p2)
      await subscriptions().updatePurchases({ id: p3.id, order_id: null })

      const result = await recordBatch([p1.id, p2.id, p3.id, p1.id, p4.id, "pur_missing"])
      expect(result.single).toEqual([p3.id])
      expect(result.orders).toEqual({
        [p1.id]: expect.stringMatching(/^order_/),
        [p2.id]: expect.stringMatching(/^order_/),
        [p4.id]: p4.order_id,
        pur_missing: null,
      })
      for (const [purchase, buyer, total] of [[p1, b1, 399], [p2, b2, Number(p2.total)]] as const) {
        const orderId = result.orders[purchase.id]
        expect((await subscriptions().retrievePurchase(purchase.id)).order_id).toEqual(orderId)
        const recorded = await ordersOf(buyer.id)
        expect(recorded.map((o) => o.id)).toEqual([orderId])
        expect(recorded[0].transactions).toHaveLength(1)
        const { data } = await api.get(`/admin/orders/${orderId}?fields=+metadata,*payment_collections`, adminHeaders)
        expect(data.order).toEqual(
          expect.objectContaining({ status: "completed", payment_status: "captured", fulfillment_status: "fulfilled", total })
        )
        expect(data.order.metadata).toEqual(expect.objectContaining({ purchase_id: purchase.id }))
        expect(data.order.payment_collections.map((c: any) => c.id)).toEqual([purchase.payment_collection_id])
      }

      // delivered again, alone and in two racing batches: nothing new
      const both = { [p1.id]: result.orders[p1.id], [p2.id]: result.orders[p2.id] }
      expect(await recordBatch([p1.id, p2.id])).toEqual({ orders: both, single: [] })
      const racing = await Promise.all([recordBatch([p1.id, p2.id]), recordBatch([p2.id, p1.id])])
      expect(racing.map((r) => r.orders)).toEqual([both, both])
      expect((await ordersOf(b1.id)).map((o) => o.id)).toEqual([result.orders[p1.id]])
      expect((await ordersOf(b2.id)).map((o) => o.id)).toEqual([result.orders[p2.id]])
    })

    it("records purchases completed at the same time once each, through the order subscriber", async () => {
      const buyers = await Promise.all([1, 2, 3, 4, 5].map(() => registerCustomer(api, app.publishable_key)))
      const answers = await Promise.all(
        buyers.map((buyer, i) =>
          api.post(
            "/store/purchases",
            { variant_id: variants["standard:month"], ...(i % 2 ? { promocode: "SALE10" } : {}) },
            buyer.headers()
          )
        )
      )
      expect(answers.map((res) => res.status)).toEqual([201, 201, 201, 201, 201])
      const ids = answers.map((res) => res.data.purchase.id as string)
      const deadline = Date.now() + 30_000
      let purchases = await subscriptions().listPurchases({ id: ids })
      while (purchases.some((p) => !p.order_id) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200))
        purchases = await subscriptions().listPurchases({ id: ids })
      }
      for (const buyer of buyers) {
        const purchase = purchases.find((p) => p.customer_id === buyer.id)!
        expect((await ordersOf(buyer.id)).map((o) => o.id)).toEqual([purchase.order_id])
      }
    })

    it("leaves a failed purchase and an unknown id without an order", async () => {
      const buyer = await registerCustomer(api, app.publishable_key)
      const declined = await failure(
        api.post(
          "/store/purchases",
          { variant_id: variants["standard:month"], payment: { token: "tok_declined" } },
          buyer.headers()
        )
      )
      expect(declined.status).toEqual(402)
      expect(await record(declined.data.purchase_id)).toEqual({ order_id: null, recorded: false })
      expect(await record("pur_missing")).toEqual({ order_id: null, recorded: false })
      expect(await ordersOf(buyer.id)).toEqual([])
      expect((await subscriptions().retrievePurchase(declined.data.purchase_id)).order_id).toBeNull()
    })

    it("records a free purchase (FREEMONTH, total 0) as a settled order: no payment, a collection of 0, fulfilled", async () => {
      const buyer = await registerCustomer(api, app.publishable_key)
      const purchase = await buy(buyer, { variant_id: variants["standard:month"], promocode: "FREEMONTH" })
      expect(Number(purchase.total)).toEqual(0)
      expect(purchase.payment_collection_id).toBeNull()
      expect(purchase.order_id).toBeTruthy()

      const { data } = await api.get(
        `/store/orders/${purchase.order_id}?fields=*items,*items.adjustments,*payment_collections,+payment_status`,
        buyer.headers()
      )
      // a free activation reads settled: Medusa counts a payment collection of 0 as captured
      expect(data.order).toEqual(
        expect.objectContaining({ status: "completed", total: 0, subtotal: 399, discount_total: 399, payment_status: "captured" })
      )
      expect(data.order.items[0].adjustments).toEqual([
        expect.objectContaining({ code: "FREEMONTH", amount: 399 }),
      ])
      expect(data.order.payment_collections).toEqual([
        expect.objectContaining({ amount: 0, currency_code: "rub" }),
      ])
      const [order] = await ordersOf(buyer.id)
      expect(order.transactions).toEqual([])

      const { data: admin } = await api.get(`/admin/orders?customer_id=${buyer.id}`, adminHeaders)
      expect(admin.orders).toEqual([
        expect.objectContaining({ id: purchase.order_id, payment_status: "captured", fulfillment_status: "fulfilled" }),
      ])
      const { data: detail } = await api.get(`/admin/orders/${purchase.order_id}`, adminHeaders)
      expect(detail.order.summary).toEqual(expect.objectContaining({ pending_difference: 0 }))

      // recorded again (the event delivered twice): still one collection, one fulfillment
      expect(await record(purchase.id)).toEqual({ order_id: purchase.order_id, recorded: false })
      const { data: again } = await api.get(`/admin/orders/${purchase.order_id}`, adminHeaders)
      expect(again.order.fulfillments).toHaveLength(1)
      expect(again.order.payment_collections).toHaveLength(1)
    })
  },
})
