import { medusaIntegrationTestRunner } from "../helpers/contract"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PROMOCODE_MODULE, type PromocodeModuleService } from "../../src/modules/promocode"
import { failure, registerCustomer, signIn } from "../helpers/auth"
import { seedDemo, SeededApp } from "../helpers/seed"

jest.setTimeout(300 * 1000)

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
let ipCounter = 0
/** A fresh client address: Medusa trusts one proxy hop (X-Forwarded-For). */
const freshIp = () => `10.13.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`

// small limits and a short window, so the tests reach and outlive them
const WINDOW_SECONDS = 6

medusaIntegrationTestRunner({
  inApp: true,
  env: {
    PROMOCODE_ATTEMPTS_PER_CUSTOMER: "3",
    PROMOCODE_ATTEMPTS_PER_IP: "5",
    PROMOCODE_ATTEMPTS_WINDOW_SECONDS: String(WINDOW_SECONDS),
    SIGN_IN_ATTEMPTS: "3",
    SIGN_IN_ATTEMPTS_WINDOW_SECONDS: String(WINDOW_SECONDS),
  },
  testSuite: ({ api, getContainer }) => {
    let app: SeededApp
    let admin: { headers: Record<string, string> }

    beforeAll(async () => {
      app = await seedDemo(getContainer())
      const token = await signIn(api, "user", app.admin.email, app.admin.password)
      admin = { headers: { authorization: `Bearer ${token}` } }
    })

    const promocodes = () => getContainer().resolve<PromocodeModuleService>(PROMOCODE_MODULE)
    const journalOf = (customerId: string) => promocodes().listPromocodeJournals({ customer_id: customerId })

    /** A customer whose requests come from `ip`. */
    const shopper = async (ip = freshIp()) => {
      const customer = await registerCustomer(api, app.publishable_key)
      const headers = (extra: Record<string, string> = {}) => customer.headers({ "x-forwarded-for": ip, ...extra })
      const preview = (promocode: string, extra: Record<string, string> = {}) =>
        api
          .post("/store/purchases/preview", { variant_id: app.variants["standard:month"], promocode }, {
            ...headers(extra),
            validateStatus: () => true,
          })
      return { ...customer, ip, headers, preview }
    }

    describe("promo code attempts", () => {
      it("blocks a customer after the limit of failed codes with 429 and Retry-After, counting without journaling", async () => {
        const buyer = await shopper()
        for (let i = 0; i < 3; i++) {
          const res = await buyer.preview(`WRONG-${i}`)
          expect([res.status, res.data.code]).toEqual([404, "PROMOCODE_NOT_FOUND"])
        }
        const journaled = (await journalOf(buyer.id)).length
        expect(journaled).toEqual(3)

        const blocked = await buyer.preview("WRONG-3", { "accept-language": "ru" })
        expect([blocked.status, blocked.data.type, blocked.data.code]).toEqual([
          429,
          "not_allowed",
          "PROMOCODE_ATTEMPTS_EXCEEDED",
        ])
        expect(blocked.data.message).toEqual("Слишком много неверных промокодов. Попробуйте позже.")
        const retryAfter = Number(blocked.headers["retry-after"])
        expect(retryAfter).toBeGreaterThanOrEqual(1)
        expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS)
        // a valid code is not even looked at while blocked, nor is a purchase with a code
        expect((await buyer.preview("SALE10")).status).toEqual(429)
        const purchase = await api.post(
          "/store/purchases",
          { variant_id: app.variants["standard:month"], promocode: "SALE10" },
          { ...buyer.headers(), validateStatus: () => true }
        )
        expect([purchase.status, purchase.data.code]).toEqual([429, "PROMOCODE_ATTEMPTS_EXCEEDED"])
        expect((await api.get("/store/purchases", buyer.headers())).data.purchases).toEqual([])
        // attempts beyond the limit leave no journal rows: they are counted, in PostgreSQL
        // (no REDIS_URL here), where every server of the store sees them
        expect((await journalOf(buyer.id)).length).toEqual(journaled)
        const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const counted = await pg.raw("select max(points) as points from rate_limit_attempt where key like 'promocode_customer:%'")
        expect(Number(counted.rows[0].points)).toBeGreaterThanOrEqual(5)
        // a preview without a code still works
        const plain = await api.post("/store/purchases/preview", { variant_id: app.variants["standard:month"] }, buyer.headers())
        expect(plain.status).toEqual(200)

        // another customer on another address is not affected
        const other = await shopper()
        expect((await other.preview("SALE10")).status).toEqual(200)

        // the window passes: the customer may try again
        await sleep(retryAfter * 1000 + 200)
        const again = await buyer.preview("WRONG-4")
        expect([again.status, again.data.code]).toEqual([404, "PROMOCODE_NOT_FOUND"])
        expect((await buyer.preview("SALE10")).status).toEqual(200)
      })

      it("counts failures per IP address across customers", async () => {
        const ip = freshIp()
        const first = await shopper(ip)
        const second = await shopper(ip)
        for (let i = 0; i < 3; i++) {
          expect((await first.preview(`IPWRONG-A${i}`)).status).toEqual(404)
        }
        for (let i = 0; i < 2; i++) {
          expect((await second.preview(`IPWRONG-B${i}`)).status).toEqual(404)
        }
        // the address has used its 5; the second customer has used only 2 of 3
        const blocked = await second.preview("IPWRONG-B2")
        expect([blocked.status, blocked.data.code]).toEqual([429, "PROMOCODE_ATTEMPTS_EXCEEDED"])
        expect(Number(blocked.headers["retry-after"])).toBeGreaterThanOrEqual(1)
        const third = await shopper(ip)
        expect((await third.preview("SALE10")).status).toEqual(429)
        // the blocked attempt was counted: the second customer has now used its 3 too
        expect((await second.preview("SALE10", { "x-forwarded-for": freshIp() })).status).toEqual(429)
        // the third customer from another address is judged by its own count
        const elsewhere = await third.preview("IPWRONG-C0", { "x-forwarded-for": freshIp() })
        expect([elsewhere.status, elsewhere.data.code]).toEqual([404, "PROMOCODE_NOT_FOUND"])
      })

      it("does not count accepted codes", async () => {
        const buyer = await shopper()
        for (let i = 0; i < 2; i++) {
          expect((await buyer.preview(`OKWRONG-${i}`)).status).toEqual(404)
        }
        for (let i = 0; i < 5; i++) {
          expect((await buyer.preview("SALE10")).status).toEqual(200)
        }
        expect((await buyer.preview("OKWRONG-2")).status).toEqual(404)
        expect((await buyer.preview("OKWRONG-3")).status).toEqual(429)
      })
    })

    describe("a code meant for someone else", () => {
      it("answers exactly like a code that does not exist; the journal and the admin keep the true reason", async () => {
        const owner = await shopper()
        await promocodes().createPromocodes({ code: "ONLY-FOR-OWNER", type: "percentage", value: 50, customer_ids: [owner.id] })
        for (const lang of ["en", "ru"]) {
          const stranger = await shopper()
          const restricted = await stranger.preview("ONLY-FOR-OWNER", { "accept-language": lang })
          const missing = await stranger.preview("NO-SUCH-CODE", { "accept-language": lang })
          expect([restricted.status, restricted.data]).toEqual([missing.status, missing.data])
          expect(restricted.data.code).toEqual("PROMOCODE_NOT_FOUND")
        }
        const stranger = await shopper()
        const purchase = await api.post(
          "/store/purchases",
          { variant_id: app.variants["standard:month"], promocode: "ONLY-FOR-OWNER" },
          { ...stranger.headers(), validateStatus: () => true }
        )
        expect([purchase.status, purchase.data.code]).toEqual([404, "PROMOCODE_NOT_FOUND"])
        expect((await stranger.preview("ONLY-FOR-OWNER")).data.code).toEqual("PROMOCODE_NOT_FOUND")
        expect((await owner.preview("ONLY-FOR-OWNER")).status).toEqual(200)

        const reasons = (await promocodes().listPromocodeJournals({ code: "ONLY-FOR-OWNER", customer_id: stranger.id })).map(
          (row) => row.reason
        )
        expect(reasons.length).toBeGreaterThan(0)
        expect(new Set(reasons)).toEqual(new Set(["PROMOCODE_NOT_FOR_CUSTOMER"]))
        const validated = await api.post(
          "/admin/promocodes/validate",
          { code: "ONLY-FOR-OWNER", customer_id: stranger.id },
          admin
        )
        expect(validated.data.error.code).toEqual("PROMOCODE_NOT_FOR_CUSTOMER")
      })
    })

    describe("sign-in attempts", () => {
      const attempt = (actor: "customer" | "user", email: string, password: string, ip: string, lang = "en") =>
        api.post(`/auth/${actor}/emailpass`, { email, password }, {
          headers: { "x-forwarded-for": ip, "accept-language": lang },
          validateStatus: () => true,
        })

      it("blocks an account from an address after the limit of failed sign-ins, then lets it in after the window", async () => {
        const { email } = await registerCustomer(api, app.publishable_key)
        const ip = freshIp()
        for (let i = 0; i < 3; i++) {
          expect((await attempt("customer", email, "wrong-password", ip)).status).toEqual(401)
        }
        const blocked = await attempt("customer", email, "secret-password", ip, "ru")
        expect([blocked.status, blocked.data.code, blocked.data.message]).toEqual([
          429,
          "SIGN_IN_ATTEMPTS_EXCEEDED",
          "Слишком много неудачных попыток входа. Попробуйте позже.",
        ])
        const retryAfter = Number(blocked.headers["retry-after"])
        expect(retryAfter).toBeGreaterThanOrEqual(1)
        expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS)
        // the same account from another address, and another account from this one, sign in
        expect((await attempt("customer", email, "secret-password", freshIp())).status).toEqual(200)
        const other = await registerCustomer(api, app.publishable_key)
        expect((await attempt("customer", other.email, "secret-password", ip)).status).toEqual(200)

        await sleep(retryAfter * 1000 + 200)
        expect((await attempt("customer", email, "secret-password", ip)).status).toEqual(200)
      })

      it("does not count successful sign-ins", async () => {
        const { email } = await registerCustomer(api, app.publishable_key)
        const ip = freshIp()
        for (let i = 0; i < 3; i++) {
          if (i > 0) {
            expect((await attempt("customer", email, "secret-password", ip)).status).toEqual(200)
            // the success is given back once its answer is sent
            await sleep(100)
          }
          expect((await attempt("customer", email, "wrong-password", ip)).status).toEqual(401)
        }
        expect((await attempt("customer", email, "wrong-password", ip)).status).toEqual(429)
      })

      it("limits admin sign-ins too", async () => {
        const ip = freshIp()
        for (let i = 0; i < 3; i++) {
          expect((await attempt("user", app.admin.email, "wrong-password", ip)).status).toEqual(401)
        }
        const blocked = await attempt("user", app.admin.email, app.admin.password, ip)
        expect([blocked.status, blocked.data.code]).toEqual([429, "SIGN_IN_ATTEMPTS_EXCEEDED"])
        expect(blocked.headers["retry-after"]).toBeDefined()
      })
    })

    describe("generator density", () => {
      it("refuses a batch that would fill more than a millionth of its code space and names the length to use", async () => {
        const body = { count: 923, prefix: "DENSE-", length: 4, type: "percentage", value: 50 }
        const en = await failure(api.post("/admin/promocodes/generate", body, admin))
        expect([en.status, en.data.code]).toEqual([400, "PROMOCODE_CODE_SPACE_TOO_SMALL"])
        expect(en.data.message).toContain("use length 7 or more")
        const ru = await failure(
          api.post("/admin/promocodes/generate", body, { headers: { ...admin.headers, "accept-language": "ru" } })
        )
        expect(ru.data.message).toContain("не меньше 7")
        // the default length (8) is too short for a million codes
        const million = await failure(
          api.post("/admin/promocodes/generate", { count: 1_000_000, type: "percentage", value: 5 }, admin)
        )
        expect(million.data.message).toContain("use length 9 or more")
        expect((await promocodes().listPromocodeBatches({ prefix: "DENSE-" })).length).toEqual(0)

        const ok = await api.post("/admin/promocodes/generate", { ...body, count: 20, length: 7 }, admin)
        expect(ok.status).toEqual(202)
        for (let polls = 0; ; polls++) {
          const { data } = await api.get(`/admin/promocodes/batches/${ok.data.batch.id}`, admin)
          if (data.batch.status === "completed") break
          expect(polls).toBeLessThan(100)
          await sleep(200)
        }
      })
    })

    describe("bad input found by the probe (each was a 500)", () => {
      const expectClientError = (res: { status: number; data: any }, status: number, code: string) => {
        expect([res.status, res.data.code]).toEqual([status, code])
        expect(typeof res.data.message).toEqual("string")
        expect(JSON.stringify(res.data)).not.toMatch(/getTime|at .*\.[jt]s:\d+|column|constraint/i)
      }

      it("an unparsable date beside a valid one, and impossible dates", async () => {
        const bad = { type: "percentage", value: 5, starts_at: "garbage", ends_at: "2099-01-01T00:00:00Z" }
        expectClientError(await failure(api.post("/admin/promocodes", bad, admin)), 400, "INVALID_REQUEST")
        expectClientError(
          await failure(api.post("/admin/promocodes/generate", { ...bad, count: 5 }, admin)),
          400,
          "INVALID_REQUEST"
        )
        const rollover = await failure(
          api.post("/admin/promocodes", { type: "percentage", value: 5, starts_at: "2024-02-30" }, admin)
        )
        expectClientError(rollover, 400, "INVALID_REQUEST")
        expect(rollover.data.message).toContain("starts_at")
        expectClientError(
          await failure(api.get("/admin/purchases?from=2024-02-30", admin)),
          400,
          "INVALID_REQUEST"
        )
        expectClientError(
          await failure(api.get("/admin/promocodes/report?from=2025-13-01", admin)),
          400,
          "INVALID_REQUEST"
        )
      })

      it("a NUL byte or a lone surrogate in a code, a token, an id or a query value", async () => {
        const buyer = await shopper()
        const variant = app.variants["standard:month"]
        for (const promocode of ["A\u0000B", "A\uD800B", "\uDC00"]) {
          expectClientError(
            await failure(api.post("/store/purchases/preview", { variant_id: variant, promocode }, buyer.headers())),
            400,
            "INVALID_REQUEST"
          )
          expectClientError(
            await failure(api.post("/store/purchases", { variant_id: variant, promocode }, buyer.headers())),
            400,
            "INVALID_REQUEST"
          )
        }
        expectClientError(
          await failure(
            api.post("/store/purchases", { variant_id: variant, payment: { token: "tok\u0000" } }, buyer.headers())
          ),
          400,
          "INVALID_REQUEST"
        )
        expectClientError(
          await failure(api.post("/store/purchases/preview", { variant_id: "variant_\u0000" }, buyer.headers())),
          400,
          "INVALID_REQUEST"
        )
        expectClientError(await failure(api.get("/admin/promocodes?q=A%00B", admin)), 400, "INVALID_REQUEST")
        expectClientError(await failure(api.get("/admin/promocodes/journal?customer_id=cus_%00", admin)), 400, "INVALID_REQUEST")
        expectClientError(await failure(api.get("/admin/purchases?promocode=%F0%9F%98%80%00", admin)), 400, "INVALID_REQUEST")
        expectClientError(
          await failure(api.post("/admin/promocodes/validate", { code: "X\u0000" }, admin)),
          400,
          "INVALID_REQUEST"
        )
      })

      it("a path segment that does not decode, or decodes to NUL", async () => {
        const buyer = await shopper()
        expectClientError(await failure(api.get("/store/purchases/%ff", buyer.headers())), 400, "INVALID_PATH")
        expectClientError(await failure(api.get("/store/purchases/%00", buyer.headers())), 400, "INVALID_PATH")
        expectClientError(await failure(api.get("/admin/promocodes/%E0%A4%A", admin)), 400, "INVALID_PATH")
        const ru = await failure(api.get("/admin/promocodes/%ff/usages", { headers: { ...admin.headers, "accept-language": "ru" } }))
        expect([ru.status, ru.data.code]).toEqual([400, "INVALID_PATH"])
        expect(ru.data.message).toMatch(/^Некорректный путь/)
      })

      it("bodies that are not JSON, too large, or of another content type", async () => {
        const raw = (data: string, contentType: string) =>
          failure(
            api.post("/admin/promocodes", data, {
              headers: { ...admin.headers, "content-type": contentType },
              transformRequest: [(body: unknown) => body],
            })
          )
        expectClientError(await raw("{\"type\": ", "application/json"), 400, "INVALID_JSON")
        expectClientError(await raw("{\"value\": 1e309, \"type\": \"percentage\"}", "application/json"), 400, "INVALID_REQUEST")
        expectClientError(await raw(JSON.stringify({ description: "x".repeat(2_000_000) }), "application/json"), 413, "PAYLOAD_TOO_LARGE")
        expectClientError(await raw("type=percentage&value=5", "text/plain"), 400, "INVALID_REQUEST")
        expectClientError(await raw("{}", "application/json; charset=koi8-r"), 415, "UNSUPPORTED_MEDIA_TYPE")
        expect((await api.get("/health")).status).toEqual(200)
      })
    })
  },
})
