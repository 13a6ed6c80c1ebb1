import { medusaIntegrationTestRunner } from "../helpers/contract"
import { failure, registerCustomer, signIn } from "../helpers/auth"
import { parseCsv } from "../helpers/csv"
import { seedDemo, SeededApp } from "../helpers/seed"

jest.setTimeout(300 * 1000)

// The renewal pass runs "as of" moments a month ahead (the test clock).
process.env.SUBSCRIPTION_TEST_CLOCK = "true"

const DAY = 86400000
const MINUTE = 60000
const at = (from: string | Date, ms: number) => new Date(new Date(from).getTime() + ms).toISOString()
const dayOf = (when: string | Date) => new Date(when).toISOString().slice(0, 10)

medusaIntegrationTestRunner({
  inApp: true,
  env: { SUBSCRIPTION_TEST_CLOCK: "true" },
  testSuite: ({ api, getContainer }) => {
    let app: SeededApp
    let admin: (headers?: Record<string, string>) => { headers: Record<string, string> }

    beforeAll(async () => {
      app = await seedDemo(getContainer())
    })
    beforeEach(async () => {
      const token = await signIn(api, "user", app.admin.email, app.admin.password)
      admin = (headers = {}) => ({ headers: { authorization: `Bearer ${token}`, ...headers } })
    })

    type Buyer = Awaited<ReturnType<typeof registerCustomer>>
    const buy = async (plan: string, extra: object = {}) => {
      const buyer: Buyer = await registerCustomer(api, app.publishable_key)
      const res = await api.post("/store/purchases", { variant_id: app.variants[plan], ...extra }, buyer.headers())
      expect(res.status).toEqual(201)
      return res.data.subscription as { id: string; ends_at: string; starts_at: string }
    }
    const run = (asOf: string) => api.post("/admin/subscriptions/renewals/run", { as_of: asOf }, admin())
    const report = async (query: string) => (await api.get(`/admin/subscriptions/report?${query}`, admin())).data.report

    it("reports statuses, MRR, renewal success and churn of a known history, and the same as CSV", async () => {
      // renews once; declines every renewal (past_due, then expired after 3 retries); cancelled today;
      // a 7-day Trial that converts to Standard monthly at its end
      const renewing = await buy("standard:month")
      const declining = await buy("standard:month", { payment: { token: "tok_renewal_declined" } })
      const cancelled = await buy("premium:month")
      const trial = await buy("trial:day", { payment: { token: "tok_success" } })
      const cancel = await api.post(`/admin/subscriptions/${cancelled.id}/cancel`, { at: "now" }, admin())
      expect(cancel.data.subscription.status).toEqual("canceled")

      const end = [renewing.ends_at, declining.ends_at].sort()[1]
      expect((await run(at(end, MINUTE))).data).toEqual(expect.objectContaining({ renewed: 2, failed: 1 }))
      await run(at(end, DAY + MINUTE))
      await run(at(end, 3 * DAY + MINUTE))
      expect((await run(at(end, 5 * DAY + MINUTE))).data.expired).toEqual(1)

      const today = dayOf(renewing.starts_at)
      const conversionDay = dayOf(trial.ends_at)
      const renewalDay = dayOf(end)
      const expiryDay = dayOf(at(end, 5 * DAY + MINUTE))
      const lastDay = dayOf(at(end, 7 * DAY))
      const daily = await report(`from=${today}&to=${lastDay}&interval=day`)
      expect(daily).toEqual(expect.objectContaining({ interval: "day", currency_code: "rub" }))
      const points = daily.points as any[]
      expect(points[0].start).toEqual(today)
      expect(points[points.length - 1].start).toEqual(lastDay)
      const point = (day: string) => points.find((p) => p.start === day)

      // today: three live at the day's end, each headed for a 399 ₽ renewal (the Trial: its
      // conversion to Standard); the cancelled one ended
      expect(point(today)).toEqual({
        start: today,
        trialing: 1,
        active: 2,
        past_due: 0,
        mrr: 1197,
        renewal_attempts: 0,
        renewals_paid: 0,
        renewal_success_rate: null,
        live_at_start: 0,
        ended: 1,
        churn_rate: null,
      })
      // the Trial's end: converted, paid
      expect(point(conversionDay)).toEqual(
        expect.objectContaining({ trialing: 0, active: 3, mrr: 1197, renewal_attempts: 1, renewals_paid: 1, renewal_success_rate: 1 })
      )
      // the renewal day: one renewed, one declined (its retries are dated by the period they renew
      // under the test clock: the attempts ran "before" it in real time), so 1 paid of 4 + 1 attempts
      expect(point(renewalDay)).toEqual(
        expect.objectContaining({
          active: 2,
          past_due: 1,
          mrr: 1197,
          renewal_attempts: 5,
          renewals_paid: 1,
          renewal_success_rate: 0.2,
          live_at_start: 3,
          ended: 0,
          churn_rate: 0,
        })
      )
      // the day the retries ran out: one of the two live at its start ended
      expect(point(expiryDay)).toEqual(
        expect.objectContaining({ active: 2, past_due: 0, mrr: 798, live_at_start: 3, ended: 1, churn_rate: 0.3333 })
      )
      expect(point(lastDay)).toEqual(expect.objectContaining({ active: 2, past_due: 0, mrr: 798, ended: 0 }))
      expect(points.reduce((sum, p) => sum + p.ended, 0)).toEqual(2)
      expect(points.reduce((sum, p) => sum + p.renewal_attempts, 0)).toEqual(6)

      // one month bucket holding the renewal day: its attempts, and the conversion's if in the same month
      const monthly = await report(`from=${renewalDay}&to=${renewalDay}&interval=month`)
      const withConversion = conversionDay.slice(0, 7) === renewalDay.slice(0, 7) ? 1 : 0
      expect(monthly.points).toHaveLength(1)
      expect(monthly.points[0]).toEqual(
        expect.objectContaining({
          start: `${renewalDay.slice(0, 7)}-01`,
          renewal_attempts: 5 + withConversion,
          renewals_paid: 1 + withConversion,
        })
      )

      const csv = await api.get(`/admin/subscriptions/report/export?from=${today}&to=${lastDay}&interval=day`, {
        ...admin(),
        responseType: "text",
        transformResponse: (body: string) => body,
      })
      expect(csv.headers["content-type"]).toMatch(/^text\/csv/)
      expect(csv.headers["content-disposition"]).toMatch(/^attachment; filename="subscription-report-day-/)
      const rows = parseCsv(csv.data)
      expect(rows[0]).toEqual([
        "start",
        "trialing",
        "active",
        "past_due",
        "mrr_rub",
        "renewal_attempts",
        "renewals_paid",
        "renewal_success_rate",
        "live_at_start",
        "ended",
        "churn_rate",
      ])
      expect(rows).toHaveLength(points.length + 1)
      expect(rows.find((r) => r[0] === today)).toEqual([today, "1", "2", "0", "1197", "0", "0", "", "0", "1", ""])
      expect(rows.find((r) => r[0] === renewalDay)).toEqual([renewalDay, "0", "2", "1", "1197", "5", "1", "0.2", "3", "0", "0"])
    })

    it("refuses a bad range or interval with a code, in the admin's language", async () => {
      for (const [query, code] of [
        ["from=2025-02-01&to=2025-01-01", "SUBSCRIPTION_REPORT_RANGE_INVALID"],
        ["from=2024-01-01&to=2025-06-01", "SUBSCRIPTION_REPORT_RANGE_TOO_LONG"],
        ["interval=hour", "INVALID_REQUEST"],
        ["from=yesterday", "INVALID_REQUEST"],
        ["limit=5", "INVALID_REQUEST"],
      ]) {
        for (const path of ["/admin/subscriptions/report", "/admin/subscriptions/report/export"]) {
          const res = await failure(api.get(`${path}?${query}`, admin()))
          expect([path, query, res.status, res.data.code ?? res.data.type]).toEqual([path, query, 400, code])
        }
      }
      const ru = await failure(api.get("/admin/subscriptions/report?from=2024-01-01&to=2025-06-01", admin({ "accept-language": "ru" })))
      expect(ru.data.message).toEqual("Период отчёта не может быть длиннее 366 дней.")
      const anonymous = await failure(api.get("/admin/subscriptions/report"))
      expect(anonymous.status).toEqual(401)
    })
  },
})
