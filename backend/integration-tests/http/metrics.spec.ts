import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { failure, registerCustomer } from "../helpers/auth"
import { seedDemo, SeededApp } from "../helpers/seed"

jest.setTimeout(180 * 1000)

const TOKEN = "metrics-test-token"

/** One sample's value from the Prometheus text format (0 when absent). */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`)
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`)) continue
    const inside = line.slice(name.length + 1, line.lastIndexOf("}"))
    const parts = inside.split(",")
    if (wanted.every((w) => parts.includes(w))) {
      return Number(line.slice(line.lastIndexOf(" ") + 1))
    }
  }
  return 0
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let app: SeededApp
    const previous = process.env.METRICS_TOKEN

    beforeAll(async () => {
      app = await seedDemo(getContainer())
    })
    beforeEach(() => {
      process.env.METRICS_TOKEN = TOKEN
    })
    afterAll(() => {
      process.env.METRICS_TOKEN = previous
    })

    const scrape = async () => {
      const res = await api.get("/metrics", { headers: { authorization: `Bearer ${TOKEN}` } })
      expect(res.status).toEqual(200)
      expect(res.headers["content-type"]).toMatch(/^text\/plain/)
      return res.data as string
    }

    it("refuses the metrics without the token, with a wrong one, and is off without METRICS_TOKEN", async () => {
      const missing = await failure(api.get("/metrics"))
      expect(missing.status).toEqual(401)
      expect(missing.data).toEqual(
        expect.objectContaining({ type: "unauthorized", code: "METRICS_UNAUTHORIZED" })
      )
      const wrong = await failure(
        api.get("/metrics", { headers: { authorization: "Bearer nope", "accept-language": "ru" } })
      )
      expect(wrong.status).toEqual(401)
      expect(wrong.data.message).toMatch(/токен/)
      expect(wrong.data.message).not.toMatch(TOKEN)

      delete process.env.METRICS_TOKEN
      const off = await failure(api.get("/metrics", { headers: { authorization: `Bearer ${TOKEN}` } }))
      expect(off.status).toEqual(404)
    })

    it("counts purchases, promo code rejections and request latency by route template", async () => {
      const buyer = await registerCustomer(api, app.publishable_key)
      const before = await scrape()
      const variant_id = app.variants["premium:month"]

      const bought = await api.post("/store/purchases", { variant_id, promocode: "SALE10" }, buyer.headers())
      expect(bought.status).toEqual(201)
      const declined = await failure(
        api.post("/store/purchases", { variant_id, payment: { token: "tok_declined" } }, buyer.headers())
      )
      expect(declined.status).toEqual(402)
      const rejected = await failure(
        api.post("/store/purchases/preview", { variant_id, promocode: "SALE10" }, buyer.headers())
      )
      expect(rejected.data.code).toEqual("PROMOCODE_ALREADY_USED")
      await api.get(`/store/purchases?limit=1`, buyer.headers())

      const after = await scrape()
      const delta = (name: string, labels: Record<string, string>) =>
        sample(after, name, labels) - sample(before, name, labels)

      expect(delta("cinema_purchases_total", { kind: "new", outcome: "completed" })).toEqual(1)
      expect(delta("cinema_purchases_total", { outcome: "declined" })).toEqual(1)
      expect(delta("cinema_promocode_rejections_total", { reason: "PROMOCODE_ALREADY_USED" })).toEqual(1)
      expect(
        delta("cinema_http_request_duration_seconds_count", {
          method: "POST",
          route: "/store/purchases",
          status: "201",
        })
      ).toEqual(1)
      expect(
        delta("cinema_http_request_duration_seconds_count", {
          method: "POST",
          route: "/store/purchases/preview",
          status: "400",
        })
      ).toEqual(1)
      // a route with an id is one series, not one per id
      await failure(api.get(`/store/purchases/pur_does_not_exist_1`, buyer.headers()))
      await failure(api.get(`/store/purchases/pur_does_not_exist_2`, buyer.headers()))
      const routes = await scrape()
      expect(routes).not.toMatch(/pur_does_not_exist/)
      expect(
        sample(routes, "cinema_http_request_duration_seconds_count", {
          method: "GET",
          route: "/store/purchases/:id",
          status: "404",
        })
      ).toEqual(2)
      expect(routes).toMatch(/cinema_job_lag_seconds\{job="release-expired-promocode-reservations"\} 0/)
      expect(routes).toMatch(/cinema_rate_limit_hits_total/)
    })
  },
})
