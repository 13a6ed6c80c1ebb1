import { medusaIntegrationTestRunner } from "../helpers/contract"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import resumePromocodeBatches from "../../src/jobs/promocode-resume-batches"
import resumePromocodeExports from "../../src/jobs/promocode-resume-exports"
import { BATCH_STALE_MS, PROMOCODE_MODULE, type PromocodeModuleService } from "../../src/modules/promocode"
import { failure, registerCustomer, signIn } from "../helpers/auth"
import { seedDemo, SeededApp } from "../helpers/seed"
import { parseCsv } from "../helpers/csv"

jest.setTimeout(600 * 1000)

const CODE_ALPHABET = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]+$/


const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

type Api = Parameters<typeof registerCustomer>[0]

/**
 * A customer with a bearer token, for the race: registers, creates the
 * customer, then refreshes the registration token (which now carries the
 * customer) instead of signing in again; one password hash per customer.
 */
async function quickCustomer(api: Api, publishableKey: string) {
  const email = `racer-${Math.random().toString(36).slice(2)}@test.local`
  const { data: registration } = await api.post("/auth/customer/emailpass/register", {
    email,
    password: "secret-password",
  })
  const headers = { authorization: `Bearer ${registration.token}`, "x-publishable-api-key": publishableKey }
  await api.post("/store/customers", { email, first_name: "Race", last_name: "Buyer" }, { headers })
  const { data } = await api.post("/auth/token/refresh", {}, { headers })
  return {
    headers: () => ({ headers: { authorization: `Bearer ${data.token}`, "x-publishable-api-key": publishableKey } }),
  }
}
const unique = () => Math.random().toString(36).slice(2, 8).toUpperCase()

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let app: SeededApp
    let adminToken: string
    const variants: Record<string, string> = {}

    beforeAll(async () => {
      app = await seedDemo(getContainer())
      adminToken = await signIn(api, "user", app.admin.email, app.admin.password)
      Object.assign(variants, app.variants)
    })

    const admin = (extra: Record<string, string> = {}) => ({
      headers: { authorization: `Bearer ${adminToken}`, ...extra },
    })
    const promocodes = () => getContainer().resolve<PromocodeModuleService>(PROMOCODE_MODULE)
    const codeCount = async () => (await promocodes().listAndCountPromocodes({}, { take: 1 }))[1]
    const batchCount = async () => (await promocodes().listAndCountPromocodeBatches({}, { take: 1 }))[1]
    const create = async (body: Record<string, unknown>) =>
      (await api.post("/admin/promocodes", body, admin())).data.promocode

    const waitForBatch = async (id: string, timeoutMs = 120000) => {
      const started = Date.now()
      for (;;) {
        const { data } = await api.get(`/admin/promocodes/batches/${id}`, admin())
        if (data.batch.status === "completed" || data.batch.status === "failed") {
          return data.batch
        }
        if (Date.now() - started > timeoutMs) {
          throw new Error(`batch ${id} still ${data.batch.status} after ${timeoutMs} ms`)
        }
        await sleep(250)
      }
    }

    /**
     * The export flow an admin follows: start (202), poll until the worker has
     * written the file, download it. Returns the download answer (CSV text).
     */
    const exportCsv = async (batchId?: string, timeoutMs = 120000) => {
      const started = await api.post("/admin/promocodes/export", batchId ? { batch_id: batchId } : {}, admin())
      expect(started.status).toEqual(202)
      expect(started.data.export).toEqual(
        expect.objectContaining({ batch_id: batchId ?? null, status: "pending", download_url: null })
      )
      const id = started.data.export.id
      const begun = Date.now()
      let job = started.data.export
      while (job.status === "pending" || job.status === "running") {
        if (Date.now() - begun > timeoutMs) {
          throw new Error(`export ${id} still ${job.status} after ${timeoutMs} ms`)
        }
        await sleep(200)
        job = (await api.get(`/admin/promocodes/export/${id}`, admin())).data.export
        expect(job.progress).toBeGreaterThanOrEqual(0)
        expect(job.progress).toBeLessThanOrEqual(1)
      }
      expect(job).toEqual(
        expect.objectContaining({ status: "completed", progress: 1, error: null })
      )
      expect(job.exported).toEqual(job.total)
      expect(job.download_url).toEqual(`/admin/promocodes/export/${id}/download`)
      const csv = await api.get(job.download_url, {
        ...admin(),
        responseType: "text",
        transformResponse: (body: string) => body,
      })
      return { csv, job }
    }

    describe("authorization", () => {
      it("rejects anonymous callers and customers with 401; admins and secret API keys get in", async () => {
        const buyer = await registerCustomer(api, app.publishable_key)
        const paths = [
          "/admin/promocodes",
          "/admin/promocodes/batches",
          "/admin/promocodes/journal",
          "/admin/promocodes/report",
          "/admin/promocodes/export",
        ]
        for (const path of paths) {
          expect((await failure(api.get(path))).status).toEqual(401)
          expect((await failure(api.get(path, buyer.headers()))).status).toEqual(401)
        }
        const body = { type: "percentage", value: 10 }
        expect((await failure(api.post("/admin/promocodes", body))).status).toEqual(401)
        expect((await failure(api.post("/admin/promocodes", body, buyer.headers()))).status).toEqual(401)
        expect(
          (await failure(api.post("/admin/promocodes/generate", { count: 5, ...body }, buyer.headers()))).status
        ).toEqual(401)
        expect(
          (await failure(api.post("/admin/promocodes/validate", { code: "SALE10" }, buyer.headers()))).status
        ).toEqual(401)
        // nothing was created by the rejected calls
        expect((await failure(api.get("/admin/promocodes", { headers: { authorization: "Bearer not-a-token" } }))).status).toEqual(401)

        expect((await api.get("/admin/promocodes", admin())).status).toEqual(200)

        const { data } = await api.post("/admin/api-keys", { title: "integration", type: "secret" }, admin())
        const basic = { headers: { authorization: `Basic ${Buffer.from(`${data.api_key.token}:`).toString("base64")}` } }
        const listed = await api.get("/admin/promocodes?limit=1", basic)
        expect(listed.status).toEqual(200)
        const created = await api.post("/admin/promocodes", { type: "percentage", value: 5 }, basic)
        expect(created.data.promocode.code).toMatch(CODE_ALPHABET)
        // a publishable key is no admin credential
        const publishable = { headers: { authorization: `Basic ${Buffer.from(`${app.publishable_key}:`).toString("base64")}` } }
        expect((await failure(api.get("/admin/promocodes", publishable))).status).toEqual(401)
      })
    })

    describe("CRUD", () => {
      it("creates, reads with stats, updates and deletes a code", async () => {
        const created = await api.post(
          "/admin/promocodes",
          {
            code: " summer-10 ",
            type: "percentage",
            value: 10,
            usage_limit: 100,
            per_customer_limit: 2,
            starts_at: "2020-01-01",
            ends_at: "2099-01-01T00:00:00Z",
            description: "Summer sale",
          },
          admin()
        )
        expect(created.status).toEqual(201)
        const promocode = created.data.promocode
        expect(promocode).toEqual({
          id: expect.stringMatching(/^promo_/),
          code: "SUMMER-10",
          type: "percentage",
          value: 10,
          currency_code: null,
          free_days: null,
          starts_at: "2020-01-01T00:00:00.000Z",
          ends_at: "2099-01-01T00:00:00.000Z",
          is_active: true,
          usage_limit: 100,
          per_customer_limit: 2,
          first_purchase_only: false,
          product_ids: [],
          variant_ids: [],
          customer_ids: [],
          description: "Summer sale",
          duration: "once",
          duration_periods: null,
          batch_id: null,
          reserved_count: 0,
          used_count: 0,
          validated_count: 0,
          status: "active",
          created_at: expect.any(String),
          updated_at: expect.any(String),
        })

        const generated = await create({ type: "fixed", value: 150.5, currency_code: "RUB" })
        expect(generated.code).toMatch(CODE_ALPHABET)
        expect([generated.value, generated.currency_code]).toEqual([150.5, "rub"])
        const free = await create({ type: "free_period", free_days: 14, variant_ids: [variants["standard:month"]] })
        expect([free.free_days, free.value, free.variant_ids]).toEqual([14, null, [variants["standard:month"]]])

        const read = await api.get(`/admin/promocodes/${promocode.id}`, admin())
        expect(read.data.promocode).toEqual(promocode)
        expect(read.data.stats).toEqual(
          expect.objectContaining({
            promocode_id: promocode.id,
            reserved: 0,
            redeemed: 0,
            released: 0,
            customers: 0,
            discount_given: [],
            rejections_by_reason: [],
            usage_limit: 100,
            remaining: 100,
          })
        )

        const updated = await api.post(
          `/admin/promocodes/${promocode.id}`,
          { value: 25, usage_limit: null, description: null, is_active: false },
          admin()
        )
        expect(updated.data.promocode).toEqual(
          expect.objectContaining({
            value: 25,
            usage_limit: null,
            description: null,
            is_active: false,
            status: "inactive",
            code: "SUMMER-10",
            per_customer_limit: 2,
          })
        )
        const renamed = await api.post(`/admin/promocodes/${promocode.id}`, { code: "summer-25" }, admin())
        expect(renamed.data.promocode.code).toEqual("SUMMER-25")

        const duplicate = await failure(api.post("/admin/promocodes", { code: "Summer-25", type: "percentage", value: 5 }, admin()))
        expect([duplicate.status, duplicate.data.code]).toEqual([400, "PROMOCODE_DUPLICATE"])
        const duplicateRu = await failure(
          api.post("/admin/promocodes", { code: "SUMMER-25", type: "percentage", value: 5 }, admin({ "accept-language": "ru" }))
        )
        expect(duplicateRu.data.message).toEqual("Промокод с таким текстом уже существует.")

        const removed = await api.delete(`/admin/promocodes/${promocode.id}`, admin())
        expect(removed.data).toEqual({ id: promocode.id, object: "promocode", deleted: true, deactivated: false })
        expect((await failure(api.get(`/admin/promocodes/${promocode.id}`, admin()))).status).toEqual(404)
        expect((await failure(api.delete(`/admin/promocodes/${promocode.id}`, admin()))).status).toEqual(404)
        expect((await failure(api.post(`/admin/promocodes/promo_missing`, { value: 5 }, admin()))).status).toEqual(404)
      })

      it("deactivates, never erases, a code that was used", async () => {
        const buyer = await registerCustomer(api, app.publishable_key)
        const code = `USED-${unique()}`
        const promocode = await create({ code, type: "fixed", value: 50, currency_code: "rub" })
        const bought = await api.post("/store/purchases", { variant_id: variants["standard:month"], promocode: code }, buyer.headers())
        expect(bought.status).toEqual(201)

        const removed = await api.delete(`/admin/promocodes/${promocode.id}`, admin())
        expect(removed.data).toEqual({ id: promocode.id, object: "promocode", deleted: false, deactivated: true })
        const { data } = await api.get(`/admin/promocodes/${promocode.id}`, admin())
        expect(data.promocode).toEqual(expect.objectContaining({ is_active: false, status: "inactive", used_count: 1 }))
        expect(data.stats).toEqual(
          expect.objectContaining({ redeemed: 1, customers: 1, discount_given: [{ currency_code: "rub", amount: 50 }] })
        )
      })

      it("stores HTML and SQL in text fields as plain text and returns them verbatim", async () => {
        const html = `<img src=x onerror="alert(1)"><script>alert('x')</script>`
        const sql = `'; DROP TABLE promocode; -- " OR 1=1`
        const a = await api.post("/admin/promocodes", { type: "percentage", value: 5, description: html }, admin())
        const b = await api.post("/admin/promocodes", { type: "percentage", value: 5, description: sql }, admin())
        expect(a.headers["content-type"]).toMatch(/^application\/json/)
        const readA = await api.get(`/admin/promocodes/${a.data.promocode.id}`, admin())
        const readB = await api.get(`/admin/promocodes/${b.data.promocode.id}`, admin())
        expect(readA.data.promocode.description).toEqual(html)
        expect(readB.data.promocode.description).toEqual(sql)
        // the table is still there and searchable by the SQL text itself
        const found = await api.get(`/admin/promocodes?q=${encodeURIComponent("DROP TABLE promocode")}`, admin())
        expect(found.data.promocodes.map((p: any) => p.id)).toContain(b.data.promocode.id)
      })
    })

    describe("bad input", () => {
      const validBase = { type: "percentage", value: 10 }
      const badCreates: [string, Record<string, unknown>][] = [
        ["negative percent", { type: "percentage", value: -5 }],
        ["zero percent", { type: "percentage", value: 0 }],
        ["over 100 percent", { type: "percentage", value: 150 }],
        ["percent without value", { type: "percentage" }],
        ["fixed without currency", { type: "fixed", value: 100 }],
        ["fixed with a bad currency", { type: "fixed", value: 100, currency_code: "rubles" }],
        ["free period without a plan", { type: "free_period", free_days: 30 }],
        ["free period without days", { type: "free_period", variant_ids: ["variant_1"] }],
        ["ends before starts", { ...validBase, starts_at: "2030-01-02T00:00:00Z", ends_at: "2030-01-01T00:00:00Z" }],
        ["ends when it starts", { ...validBase, starts_at: "2030-01-01T00:00:00Z", ends_at: "2030-01-01T00:00:00Z" }],
        ["a date that is no date", { ...validBase, starts_at: "yesterday" }],
        ["an unknown field", { ...validBase, colour: "red" }],
        ["a counter", { ...validBase, used_count: 5 }],
        ["a 10,000-character code", { ...validBase, code: "X".repeat(10000) }],
        ["a code with <", { ...validBase, code: "<script>" }],
        ["a code with a quote", { ...validBase, code: "A'B" }],
        ["a code with SQL", { ...validBase, code: "'; DROP TABLE promocode; --" }],
        ["an empty code", { ...validBase, code: "   " }],
        ["an unknown type", { type: "bogus", value: 10 }],
        ["a value as text", { type: "percentage", value: "10" }],
        ["a fractional limit", { ...validBase, usage_limit: 1.5 }],
        ["a negative limit", { ...validBase, usage_limit: -1 }],
        ["a zero per-customer limit", { ...validBase, per_customer_limit: 0 }],
        ["a 2,001-character description", { ...validBase, description: "d".repeat(2001) }],
        ["ids that are not strings", { ...validBase, product_ids: [1, 2] }],
      ]

      it.each(badCreates)("POST /admin/promocodes with %s: 400, nothing stored", async (_, body) => {
        const before = await codeCount()
        const res = await failure(api.post("/admin/promocodes", body, admin()))
        expect(res.status).toEqual(400)
        expect(res.data.type).toEqual("invalid_data")
        expect(typeof res.data.message).toEqual("string")
        expect(res.data.message.length).toBeGreaterThan(0)
        expect(await codeCount()).toEqual(before)
      })

      it("rejects bad updates with 400 and changes nothing", async () => {
        const promocode = await create({ type: "percentage", value: 10, starts_at: "2030-01-01T00:00:00Z" })
        for (const body of [
          { value: 150 },
          { value: -1 },
          { type: "fixed" },
          { ends_at: "2029-12-31T00:00:00Z" },
          { reserved_count: 3 },
          { code: "bad code!" },
          { colour: "red" },
        ]) {
          const res = await failure(api.post(`/admin/promocodes/${promocode.id}`, body, admin()))
          expect([res.status, res.data.type]).toEqual([400, "invalid_data"])
        }
        const { data } = await api.get(`/admin/promocodes/${promocode.id}`, admin())
        expect(data.promocode).toEqual(promocode)
      })

      it("rejects bad list queries with 400", async () => {
        for (const query of [
          "limit=abc",
          "limit=0",
          "limit=101",
          "offset=-1",
          "status=bogus",
          "status=active,bogus",
          "type=bogus",
          "order=password",
          "order=id;DROP TABLE promocode",
          "colour=red",
        ]) {
          const res = await failure(api.get(`/admin/promocodes?${query}`, admin()))
          expect([query, res.status]).toEqual([query, 400])
        }
        expect((await failure(api.get("/admin/promocodes/batches?limit=x", admin()))).status).toEqual(400)
        expect((await failure(api.get("/admin/promocodes/journal?action=bogus", admin()))).status).toEqual(400)
      })

      it("rejects bad generation requests with 400 and records no batch", async () => {
        const before = await batchCount()
        for (const body of [
          { count: 0, type: "percentage", value: 10 },
          { count: 1_000_001, type: "percentage", value: 10 },
          { count: -5, type: "percentage", value: 10 },
          { count: "100", type: "percentage", value: 10 },
          { count: 10, type: "percentage", value: 150 },
          { count: 10, type: "fixed", value: 10 },
          { count: 10, type: "percentage", value: 10, length: 2 },
          { count: 10, type: "percentage", value: 10, prefix: "<x>" },
          { count: 10, type: "percentage", value: 10, code: "ONE" },
          { count: 10, type: "percentage", value: 10, colour: "red" },
          // 31^4 codes are too few for a million
          { count: 1_000_000, type: "percentage", value: 10, length: 4 },
        ]) {
          const res = await failure(api.post("/admin/promocodes/generate", body, admin()))
          expect([JSON.stringify(body).slice(0, 60), res.status]).toEqual([JSON.stringify(body).slice(0, 60), 400])
        }
        expect(await batchCount()).toEqual(before)
      })
    })

    describe("list", () => {
      it("searches, filters by status and type, sorts and pages", async () => {
        const tag = `LST${unique()}`
        const buyer = await registerCustomer(api, app.publishable_key)
        const made = {
          active: await create({ code: `${tag}-A`, type: "percentage", value: 10 }),
          inactive: await create({ code: `${tag}-B`, type: "percentage", value: 10, is_active: false }),
          scheduled: await create({ code: `${tag}-C`, type: "percentage", value: 10, starts_at: "2099-01-01" }),
          expired: await create({ code: `${tag}-D`, type: "fixed", value: 5, currency_code: "rub", ends_at: "2021-01-01" }),
          used_up: await create({ code: `${tag}-E`, type: "fixed", value: 5, currency_code: "rub", usage_limit: 1 }),
        }
        const use = await promocodes().reserve({
          code: `${tag}-E`,
          customer_id: buyer.id,
          variant_id: variants["standard:month"],
          amount: 399,
          currency_code: "rub",
        })
        await promocodes().redeem(use.id)
        const list = async (query: string) => (await api.get(`/admin/promocodes?q=${tag}&${query}`, admin())).data
        const codes = (data: any) => data.promocodes.map((p: any) => p.code)

        const all = await list("order=code")
        expect(all).toEqual(expect.objectContaining({ count: 5, limit: 20, offset: 0 }))
        expect(codes(all)).toEqual(["A", "B", "C", "D", "E"].map((s) => `${tag}-${s}`))
        expect(all.promocodes.map((p: any) => p.status)).toEqual(["active", "inactive", "scheduled", "expired", "used_up"])
        expect(codes(await list("order=-code"))).toEqual(["E", "D", "C", "B", "A"].map((s) => `${tag}-${s}`))
        // search is case-insensitive on the code
        expect((await api.get(`/admin/promocodes?q=${tag.toLowerCase()}-a`, admin())).data.count).toEqual(1)

        for (const status of ["active", "inactive", "scheduled", "expired", "used_up"] as const) {
          const data = await list(`status=${status}`)
          expect([status, codes(data)]).toEqual([status, [made[status].code]])
        }
        expect(codes(await list("status=expired,scheduled&order=code"))).toEqual([made.scheduled.code, made.expired.code])
        expect(codes(await list("status=expired&status=used_up&order=code"))).toEqual([made.expired.code, made.used_up.code])
        expect(codes(await list("type=fixed&order=code"))).toEqual([made.expired.code, made.used_up.code])

        const first = await list("order=code&limit=2")
        const second = await list("order=code&limit=2&offset=2")
        const third = await list("order=code&limit=2&offset=4")
        expect([first.count, second.count, third.count]).toEqual([5, 5, 5])
        expect([...codes(first), ...codes(second), ...codes(third)]).toEqual(codes(all))
        expect((await list("order=code&offset=10")).promocodes).toEqual([])

        const byUse = await list("order=-used_count")
        expect(byUse.promocodes[0]).toEqual(expect.objectContaining({ code: made.used_up.code, used_count: 1 }))
        // newest first by default
        expect(codes(await list(""))[0]).toEqual(made.used_up.code)
        // numbers are JSON numbers
        expect(typeof all.promocodes[3].value).toEqual("number")
      })
    })

    describe("bulk generation", () => {
      it("generates 5,000 codes in the background and exports them as a CSV of 5,000 unique rows", async () => {
        const started = await api.post(
          "/admin/promocodes/generate",
          {
            count: 5000,
            prefix: "gen5k-",
            length: 8,
            type: "percentage",
            value: 15,
            usage_limit: 1,
            ends_at: "2099-01-01T00:00:00Z",
            description: "Five thousand",
          },
          admin()
        )
        expect(started.status).toEqual(202)
        expect(started.data.batch).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^pcbat_/),
            count: 5000,
            prefix: "GEN5K-",
            length: 8,
            error: null,
            created_at: expect.any(String),
          })
        )
        expect(["pending", "running", "completed"]).toContain(started.data.batch.status)
        expect(started.data.batch.progress).toBeGreaterThanOrEqual(0)
        expect(started.data.batch.progress).toBeLessThanOrEqual(1)

        const batch = await waitForBatch(started.data.batch.id)
        expect(batch).toEqual(expect.objectContaining({ status: "completed", generated: 5000, progress: 1, error: null }))

        const listed = await api.get(`/admin/promocodes?batch_id=${batch.id}&limit=100`, admin())
        expect(listed.data.count).toEqual(5000)
        expect(listed.data.promocodes[0]).toEqual(
          expect.objectContaining({ batch_id: batch.id, type: "percentage", value: 15, usage_limit: 1, description: "Five thousand" })
        )
        const batches = await api.get("/admin/promocodes/batches?limit=100", admin())
        expect(batches.data.batches.map((b: any) => b.id)).toContain(batch.id)
        expect(batches.data.count).toBeGreaterThanOrEqual(1)

        const { csv, job } = await exportCsv(batch.id)
        expect(job.total).toEqual(5000)
        expect(csv.status).toEqual(200)
        expect(csv.headers["content-type"]).toMatch(/^text\/csv/)
        expect(csv.headers["content-disposition"]).toMatch(/^attachment; filename="promocodes-pcbat_.*\.csv"$/)
        const rows = parseCsv(csv.data)
        expect(rows[0]).toEqual([
          "code",
          "type",
          "value",
          "currency_code",
          "free_days",
          "starts_at",
          "ends_at",
          "usage_limit",
          "per_customer_limit",
        ])
        const body = rows.slice(1)
        expect(body).toHaveLength(5000)
        const codes = body.map((r) => r[0])
        expect(new Set(codes).size).toEqual(5000)
        for (const code of codes) {
          expect(code).toMatch(/^GEN5K-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/)
        }
        expect(body[0].slice(1)).toEqual(["percentage", "15", "", "", "", "2099-01-01T00:00:00.000Z", "1", "1"])
      })

      it("counts and pages a result larger than the exact-count window (10,000)", async () => {
        const started = await api.post(
          "/admin/promocodes/generate",
          { count: 10050, prefix: "BIG-", type: "percentage", value: 5 },
          admin()
        )
        const batch = await waitForBatch(started.data.batch.id)
        expect(batch.generated).toEqual(10050)
        const page = (query: string) =>
          api.get(`/admin/promocodes?batch_id=${batch.id}&${query}`, admin()).then((r: any) => r.data)
        const first = await page("order=code&limit=100")
        const again = await page("order=code&limit=100&offset=100")
        const last = await page("order=code&limit=100&offset=10000")
        expect([first.count, again.count, last.count]).toEqual([10050, 10050, 10050])
        const codes = [...first.promocodes, ...again.promocodes].map((p: any) => p.code)
        expect(codes).toEqual([...codes].sort())
        expect(new Set(codes).size).toEqual(200)
        expect(last.promocodes).toHaveLength(50)
        expect(last.promocodes[0].code > again.promocodes[99].code).toBe(true)
        // a narrower filter inside the large batch is counted exactly
        const one = await page(`q=${first.promocodes[0].code}`)
        expect([one.count, one.promocodes[0].code]).toEqual([1, first.promocodes[0].code])
      })

      it("neutralises spreadsheet formulas in the export; unknown batches are 404", async () => {
        const started = await api.post(
          "/admin/promocodes/generate",
          { count: 3, prefix: "-INJ", type: "percentage", value: 5 },
          admin()
        )
        const batch = await waitForBatch(started.data.batch.id)
        const { csv } = await exportCsv(batch.id)
        const codes = parseCsv(csv.data).slice(1).map((r) => r[0])
        expect(codes).toHaveLength(3)
        for (const code of codes) {
          expect(code).toMatch(/^'-INJ/)
        }
        expect((await failure(api.post("/admin/promocodes/export", { batch_id: "pcbat_missing" }, admin()))).status).toEqual(404)
        expect((await failure(api.get("/admin/promocodes/batches/pcbat_missing", admin()))).status).toEqual(404)
        expect((await failure(api.post(`/admin/promocodes/batches/${batch.id}/resume`, {}, admin()))).status).toEqual(400)
      })
    })

    describe("exports in the background", () => {
      it("exports every code without a batch through the worker: start, poll, list, download", async () => {
        const made = await create({ code: `ALL-${unique()}`, type: "fixed", value: 50, currency_code: "rub" })
        const total = await codeCount()
        const { csv, job } = await exportCsv()
        expect(job).toEqual(expect.objectContaining({ batch_id: null, total, exported: total }))
        expect(csv.headers["content-type"]).toMatch(/^text\/csv/)
        expect(csv.headers["content-disposition"]).toEqual('attachment; filename="promocodes-all.csv"')
        const rows = parseCsv(csv.data)
        expect(rows[0][0]).toEqual("code")
        expect(rows).toHaveLength(total + 1)
        const codes = rows.slice(1).map((r) => r[0])
        expect(new Set(codes).size).toEqual(total)
        expect(rows.find((r) => r[0] === made.code)?.slice(1, 4)).toEqual(["fixed", "50", "rub"])

        const listed = await api.get("/admin/promocodes/export", admin())
        expect(listed.data.exports[0]).toEqual(expect.objectContaining({ id: job.id, status: "completed" }))
      })

      it("restarts an export whose runner died, from the scheduled job", async () => {
        const dead = await promocodes().createPromocodeExports({
          filename: "promocodes-all.csv",
          status: "running",
          total: 10,
          exported: 4,
        })
        // still fresh: left to its runner
        await resumePromocodeExports(getContainer())
        expect((await api.get(`/admin/promocodes/export/${dead.id}`, admin())).data.export.status).toEqual("running")

        const pgConnection = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        await pgConnection.raw(
          `UPDATE promocode_export SET updated_at = now() - make_interval(secs => ?) WHERE id = ?`,
          [BATCH_STALE_MS / 1000 + 5, dead.id]
        )
        await resumePromocodeExports(getContainer())
        let job = (await api.get(`/admin/promocodes/export/${dead.id}`, admin())).data.export
        for (let i = 0; i < 300 && job.status !== "completed" && job.status !== "failed"; i++) {
          await sleep(200)
          job = (await api.get(`/admin/promocodes/export/${dead.id}`, admin())).data.export
        }
        expect(job).toEqual(expect.objectContaining({ status: "completed", total: await codeCount() }))
        const csv = await api.get(job.download_url, {
          ...admin(),
          responseType: "text",
          transformResponse: (body: string) => body,
        })
        expect(parseCsv(csv.data)).toHaveLength(job.total + 1)
      })

      it("refuses to download an export that is not finished; unknown exports are 404", async () => {
        const pending = await promocodes().createPromocodeExports({ filename: "promocodes-all.csv" })
        const early = await failure(api.get(`/admin/promocodes/export/${pending.id}/download`, admin()))
        expect(early.status).toEqual(400)
        expect(early.data).toEqual(expect.objectContaining({ code: "PROMOCODE_EXPORT_NOT_READY" }))
        const ru = await failure(
          api.get(`/admin/promocodes/export/${pending.id}/download`, admin({ "accept-language": "ru" }))
        )
        expect(ru.data.message).toMatch(/выгрузка/)
        const polled = await api.get(`/admin/promocodes/export/${pending.id}`, admin())
        expect(polled.data.export).toEqual(
          expect.objectContaining({ status: "pending", progress: 0, download_url: null })
        )
        expect((await failure(api.get("/admin/promocodes/export/pcexp_missing", admin()))).status).toEqual(404)
        expect((await failure(api.get("/admin/promocodes/export/pcexp_missing/download", admin()))).status).toEqual(404)
        expect((await failure(api.post("/admin/promocodes/export", { batch: "x" }, admin()))).status).toEqual(400)
      })
    })

    describe("crashed batches", () => {
      it("resumes a failed batch on request and an abandoned one from the scheduled job", async () => {
        const failed = await promocodes().createPromocodeBatches({
          count: 25,
          prefix: "RESUME-",
          length: 6,
          status: "failed",
          error: "worker crashed",
          rules: { type: "percentage", value: 5 },
        })
        const resumed = await api.post(`/admin/promocodes/batches/${failed.id}/resume`, {}, admin())
        expect(resumed.status).toEqual(202)
        expect(resumed.data.batch).toEqual(expect.objectContaining({ status: "pending", error: null }))
        expect(await waitForBatch(failed.id)).toEqual(
          expect.objectContaining({ status: "completed", generated: 25, error: null })
        )

        // recorded, but its event never handled (the process died): the job picks it up
        const abandoned = await promocodes().createPromocodeBatches({
          count: 15,
          prefix: "ABANDON-",
          length: 6,
          rules: { type: "fixed", value: 10, currency_code: "rub" },
        })
        const pgConnection = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        await pgConnection.raw(
          `UPDATE promocode_batch SET created_at = now() - interval '10 minutes' WHERE id = ?`,
          [abandoned.id]
        )
        await resumePromocodeBatches(getContainer())
        const done = await waitForBatch(abandoned.id)
        expect(done).toEqual(expect.objectContaining({ status: "completed", generated: 15 }))
        const { data } = await api.get(`/admin/promocodes?batch_id=${abandoned.id}`, admin())
        expect(data.count).toEqual(15)
        expect(data.promocodes[0]).toEqual(expect.objectContaining({ type: "fixed", value: 10, currency_code: "rub" }))
      })
    })

    describe("stuck batches", () => {
      it("resumes a running batch only once it has been silent for BATCH_STALE_MS", async () => {
        const running = await promocodes().createPromocodeBatches({
          count: 12,
          prefix: "STUCK-",
          length: 6,
          status: "running",
          rules: { type: "percentage", value: 5 },
        })
        const busy = await failure(api.post(`/admin/promocodes/batches/${running.id}/resume`, {}, admin()))
        expect([busy.status, busy.data.code]).toEqual([400, "PROMOCODE_BATCH_RUNNING"])
        // the job leaves it alone too
        await resumePromocodeBatches(getContainer())
        expect((await api.get(`/admin/promocodes/batches/${running.id}`, admin())).data.batch.status).toEqual("running")

        const pgConnection = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        await pgConnection.raw(
          `UPDATE promocode_batch SET updated_at = now() - make_interval(secs => ?) WHERE id = ?`,
          [BATCH_STALE_MS / 1000 + 5, running.id]
        )
        const resumed = await api.post(`/admin/promocodes/batches/${running.id}/resume`, {}, admin())
        expect(resumed.status).toEqual(202)
        expect(await waitForBatch(running.id)).toEqual(
          expect.objectContaining({ status: "completed", generated: 12 })
        )
      })
    })

    describe("journal, usages, report", () => {
      it("shows the journal of a code and of a customer, the stats and the report", async () => {
        const alice = await registerCustomer(api, app.publishable_key, { first_name: "Alice" })
        const bob = await registerCustomer(api, app.publishable_key)
        const code = `RPT-${unique()}`
        const promocode = await create({ code, type: "percentage", value: 20, usage_limit: 10 })
        const buy = (customer: typeof alice, token = "tok_success") =>
          api.post(
            "/store/purchases",
            { variant_id: variants["standard:month"], promocode: code, payment: { token } },
            customer.headers()
          )
        // checkout page views with ?code=: counted on the code, not journaled
        for (const customer of [alice, bob]) {
          const preview = await api.post(
            "/store/purchases/preview",
            { variant_id: variants["standard:month"], promocode: code },
            customer.headers()
          )
          expect(preview.status).toEqual(200)
        }
        expect((await buy(alice)).status).toEqual(201)
        expect((await failure(buy(alice))).data.code).toEqual("PROMOCODE_ALREADY_USED")
        expect((await failure(buy(bob, "tok_declined"))).status).toEqual(402)

        const usages = await api.get(`/admin/promocodes/${promocode.id}/usages`, admin())
        expect(usages.data.count).toEqual(5)
        expect(usages.data.usages.map((u: any) => [u.action, u.customer_id])).toEqual([
          ["released", bob.id],
          ["reserved", bob.id],
          ["rejected", alice.id],
          ["redeemed", alice.id],
          ["reserved", alice.id],
        ])
        const redeemed = usages.data.usages[3]
        expect(redeemed).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^pcjrn_/),
            created_at: expect.any(String),
            reason: null,
            purchase_id: expect.stringMatching(/^pur_/),
            discount_amount: 79.8,
            currency_code: "rub",
            customer: { id: alice.id, email: alice.email, first_name: "Alice", last_name: "Buyer" },
          })
        )
        expect(usages.data.usages[2].reason).toEqual("PROMOCODE_ALREADY_USED")
        expect(usages.data.usages[0].reason).toMatch(/^purchase_failed/)
        const page = await api.get(`/admin/promocodes/${promocode.id}/usages?limit=2&offset=2`, admin())
        expect(page.data).toEqual(expect.objectContaining({ count: 5, limit: 2, offset: 2 }))
        expect(page.data.usages.map((u: any) => u.action)).toEqual(["rejected", "redeemed"])
        const onlyRedeemed = await api.get(`/admin/promocodes/${promocode.id}/usages?action=redeemed`, admin())
        expect(onlyRedeemed.data.usages.map((u: any) => u.action)).toEqual(["redeemed"])
        expect((await failure(api.get(`/admin/promocodes/promo_missing/usages`, admin()))).status).toEqual(404)

        const history = await api.get(`/admin/promocodes/journal?customer_id=${alice.id}`, admin())
        expect(history.data.usages.map((u: any) => [u.action, u.code])).toEqual([
          ["rejected", code],
          ["redeemed", code],
          ["reserved", code],
        ])
        const both = await api.get(
          `/admin/promocodes/journal?customer_id=${bob.id}&promocode_id=${promocode.id}&action=released`,
          admin()
        )
        expect(both.data.count).toEqual(1)

        // the views are counted in memory and written by the next flush
        // (PROMOCODE_VIEWS_FLUSH_MS after the first; here at once)
        await promocodes().flushViews()
        const { data: detail } = await api.get(`/admin/promocodes/${promocode.id}`, admin())
        expect(detail.promocode).toEqual(
          expect.objectContaining({ used_count: 1, reserved_count: 0, validated_count: 2 })
        )
        expect(detail.stats).toEqual(
          expect.objectContaining({
            reserved: 0,
            redeemed: 1,
            released: 1,
            customers: 1,
            remaining: 9,
            discount_given: [{ currency_code: "rub", amount: 79.8 }],
            rejections_by_reason: [{ reason: "PROMOCODE_ALREADY_USED", count: 1 }],
          })
        )

        const today = new Date().toISOString().slice(0, 10)
        const { data } = await api.get(
          `/admin/promocodes/report?from=${today}&to=${today}&promocode_id=${promocode.id}`,
          admin()
        )
        expect(data.report).toEqual(
          expect.objectContaining({
            attempts: 3, // 2 reserved + 1 rejected; the 2 previews are views
            views: 2,
            reservations: 2,
            redemptions: 1,
            releases: 1,
            rejections: 1,
            rejections_by_reason: [{ reason: "PROMOCODE_ALREADY_USED", count: 1 }],
            discount_given: [{ currency_code: "rub", amount: 79.8 }],
            top_codes: [
              {
                promocode_id: promocode.id,
                code,
                redemptions: 1,
                discount_given: [{ currency_code: "rub", amount: 79.8 }],
                revenue: [{ currency_code: "rub", amount: 319.2 }],
              },
            ],
          })
        )
        expect(data.report.by_day).toEqual([expect.objectContaining({ day: today, redemptions: 1, rejections: 1 })])

        // the whole store: this code is among the top codes
        const overall = await api.get(`/admin/promocodes/report?top=100`, admin())
        expect(overall.data.report.top_codes.map((t: any) => t.code)).toContain(code)
        expect(overall.data.report.redemptions).toBeGreaterThanOrEqual(1)

        const csv = await api.get(`/admin/promocodes/report/export?from=${today}&to=${today}&promocode_id=${promocode.id}`, {
          ...admin(),
          responseType: "text",
          transformResponse: (body: string) => body,
        })
        expect(csv.headers["content-type"]).toMatch(/^text\/csv/)
        expect(csv.headers["content-disposition"]).toMatch(/^attachment/)
        const rows = parseCsv(csv.data)
        expect(rows).toEqual([
          ["day", "attempts", "validations", "reservations", "redemptions", "assignments", "releases", "rejections", "discount_rub", "revenue_rub"],
          [today, "3", "0", "2", "1", "0", "1", "1", "79.8", "319.2"],
        ])
        const week = parseCsv(
          (
            await api.get(`/admin/promocodes/report/export?from=2025-01-01&to=2025-01-07`, {
              ...admin(),
              responseType: "text",
              transformResponse: (body: string) => body,
            })
          ).data
        )
        expect(week.slice(1).map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6, 7].map((d) => `2025-01-0${d}`))

        for (const query of [
          "from=2025-02-01&to=2025-01-01",
          "from=2024-01-01&to=2025-06-01",
          "from=yesterday",
          "from=2025-01-01T00:00:00Z&to=2025-01-01T00:00:00Z",
          "top=0",
        ]) {
          const res = await failure(api.get(`/admin/promocodes/report?${query}`, admin()))
          expect([query, res.status]).toEqual([query, 400])
          expect(res.data.message.length).toBeGreaterThan(0)
        }
        const tooLongRu = await failure(
          api.get("/admin/promocodes/report/export?from=2024-01-01&to=2025-06-01", admin({ "accept-language": "ru" }))
        )
        expect([tooLongRu.status, tooLongRu.data.code, tooLongRu.data.message]).toEqual([
          400,
          "PROMOCODE_REPORT_RANGE_TOO_LONG",
          "Период отчёта не может быть длиннее 366 дней.",
        ])
      })
    })

    describe("POST /admin/promocodes/validate", () => {
      it("tells support staff whether a code applies and why not, without journaling", async () => {
        const journalSize = async (code: string) => (await promocodes().listAndCountPromocodeJournals({ code }, { take: 1 }))[1]
        const before = await journalSize("SALE10")
        const validate = (body: object, lang = "en") =>
          api.post("/admin/promocodes/validate", body, admin({ "accept-language": lang })).then((r: any) => r.data)

        const plain = await validate({ code: " sale10 " })
        expect(plain).toEqual(
          expect.objectContaining({ valid: true, checked: { customer: false, plan: false } })
        )
        expect(plain.promocode).toEqual(expect.objectContaining({ code: "SALE10", value: 10 }))
        expect(plain.discount).toBeUndefined()

        const priced = await validate({ code: "SALE10", variant_id: variants["premium:month"] })
        expect(priced.discount).toEqual({
          variant_id: variants["premium:month"],
          original_amount: 699,
          discount_amount: 69.9,
          total: 629.1,
          currency_code: "rub",
        })

        expect(await validate({ code: "EXPIRED2024" })).toEqual(
          expect.objectContaining({
            valid: false,
            error: { code: "PROMOCODE_EXPIRED", message: "This promo code has expired." },
          })
        )
        expect((await validate({ code: "EXPIRED2024" }, "ru")).error).toEqual({
          code: "PROMOCODE_EXPIRED",
          message: "Срок действия этого промокода истёк.",
        })
        expect(await validate({ code: "NOPE-NOPE" })).toEqual(
          expect.objectContaining({ valid: false, promocode: null, error: expect.objectContaining({ code: "PROMOCODE_NOT_FOUND" }) })
        )
        expect((await validate({ code: "<script>" })).error.code).toEqual("PROMOCODE_NOT_FOUND")
        expect((await validate({ code: "FREEMONTH", variant_id: variants["premium:month"] })).error.code).toEqual(
          "PROMOCODE_NOT_APPLICABLE"
        )
        expect((await validate({ code: "FREEMONTH", variant_id: variants["standard:month"] })).discount).toEqual(
          expect.objectContaining({ total: 0, discount_amount: 399 })
        )

        const buyer = await registerCustomer(api, app.publishable_key)
        expect((await validate({ code: "WELCOME100", customer_id: buyer.id })).valid).toEqual(true)
        await api.post("/store/purchases", { variant_id: variants["standard:month"], promocode: "WELCOME100" }, buyer.headers())
        const used = await validate({ code: "WELCOME100", customer_id: buyer.id })
        expect([used.valid, used.error.code, used.checked]).toEqual([
          false,
          "PROMOCODE_ALREADY_USED",
          { customer: true, plan: false },
        ])
        const restricted = await create({ type: "percentage", value: 5, customer_ids: [buyer.id] })
        expect((await validate({ code: restricted.code })).valid).toEqual(true)
        expect((await validate({ code: restricted.code, customer_id: buyer.id })).valid).toEqual(true)
        const stranger = await registerCustomer(api, app.publishable_key)
        expect((await validate({ code: restricted.code, customer_id: stranger.id })).error.code).toEqual(
          "PROMOCODE_NOT_FOR_CUSTOMER"
        )

        expect(await journalSize("SALE10")).toEqual(before)
        expect((await failure(api.post("/admin/promocodes/validate", { code: "SALE10", customer_id: "cus_missing" }, admin()))).status).toEqual(404)
        const plan = await failure(api.post("/admin/promocodes/validate", { code: "SALE10", variant_id: "variant_missing" }, admin()))
        expect([plan.status, plan.data.code]).toEqual([400, "PLAN_NOT_FOUND"])
        for (const body of [{}, { code: 5 }, { code: "SALE10", extra: 1 }, { code: "X".repeat(1001) }]) {
          expect((await failure(api.post("/admin/promocodes/validate", body, admin()))).status).toEqual(400)
        }
      })
    })

    describe("race over HTTP", () => {
      it("200 customers buying at once with a code limited to 50: exactly 50 succeed", async () => {
        const code = `RACE-${unique()}`
        const promocode = await create({ code, type: "percentage", value: 100, usage_limit: 50 })
        const buyers: Awaited<ReturnType<typeof quickCustomer>>[] = []
        for (let i = 0; i < 200; i += 20) {
          buyers.push(...(await Promise.all(Array.from({ length: 20 }, () => quickCustomer(api, app.publishable_key)))))
        }
        const results = await Promise.allSettled(
          buyers.map((buyer) =>
            api.post("/store/purchases", { variant_id: variants["standard:month"], promocode: code }, buyer.headers())
          )
        )
        const ok = results.filter((r) => r.status === "fulfilled") as PromiseFulfilledResult<any>[]
        const failed = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[]
        expect(ok).toHaveLength(50)
        for (const r of ok) {
          expect([r.value.status, r.value.data.purchase.total]).toEqual([201, 0])
        }
        expect(failed.map((r) => [r.reason.response?.status, r.reason.response?.data?.code])).toEqual(
          Array.from({ length: 150 }, () => [400, "PROMOCODE_USED_UP"])
        )
        const { data } = await api.get(`/admin/promocodes/${promocode.id}`, admin())
        expect(data.promocode).toEqual(expect.objectContaining({ used_count: 50, reserved_count: 0, status: "used_up" }))
        expect(data.stats).toEqual(expect.objectContaining({ redeemed: 50, customers: 50, remaining: 0 }))
      })
    })
  },
})
