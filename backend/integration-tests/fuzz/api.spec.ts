import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import fc from "fast-check"
import { requestLanguage } from "../../src/lib/i18n"
import { registerCustomer, signIn } from "../helpers/auth"
import { contractViolation } from "../helpers/contract-check"
import { seedDemo } from "../helpers/seed"
import { bodies, entries, LANGUAGES, pathSegments, toQuery, values } from "./inputs"
import { customRoutes, type FuzzRoute, validatorFieldNames, validatorFiles } from "./routes"

/**
 * Property-based probe of every custom route (src/api/**\/route.ts) with bad
 * input in the path, the query and the body: each answer is a 2xx, or a 4xx
 * with a code and a message in the asked language; never a 5xx, a stack
 * trace or SQL; the answer is one the OpenAPI document describes (status,
 * code, body); the server stays healthy. Fixed seed, fixed budget
 * (FUZZ_SEED, FUZZ_RUNS runs per route and method).
 */
const SEED = Number(process.env.FUZZ_SEED || 20261129)
const RUNS = Number(process.env.FUZZ_RUNS || 30)

/** What must never reach a client: stack frames, SQL, database object names. */
const LEAK =
  /\bat [\w.<>]+ \(|\.(?:ts|js):\d+:\d+|node_modules|\bselect\b[^"]{0,200}\bfrom\b|\binsert into\b|\bviolates\b|\bconstraint\b|\bcolumn "|\brelation "|syntax error|invalid input syntax|MikroORM|knex/i

jest.setTimeout(30 * 60 * 1000)

const routes = customRoutes()
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fieldNames = validatorFieldNames(validatorFiles().map((file) => require(file)))

medusaIntegrationTestRunner({
  inApp: true,
  env: {
    // the limiter answers 429 with a code too, but would hide the routes behind it
    PROMOCODE_ATTEMPTS_PER_CUSTOMER: "1000000",
    PROMOCODE_ATTEMPTS_PER_IP: "1000000",
  },
  testSuite: ({ api, getContainer }) => {
    const known: string[] = []
    let headersFor: (path: string) => Record<string, string>

    beforeAll(async () => {
      const app = await seedDemo(getContainer())
      const adminToken = await signIn(api, "user", app.admin.email, app.admin.password)
      const admin = { authorization: `Bearer ${adminToken}` }
      const buyer = await registerCustomer(api, app.publishable_key)
      const customer = buyer.headers().headers
      headersFor = (path) => (path.startsWith("/admin") ? admin : path.startsWith("/store") ? customer : {})

      // real ids, so that some requests get past "not found" into the rules
      const variant = app.variants["standard:month"]
      const code = (await api.post("/admin/promocodes", { type: "percentage", value: 5 }, { headers: admin })).data.promocode
      const batch = (
        await api.post("/admin/promocodes/generate", { count: 3, type: "percentage", value: 5 }, { headers: admin })
      ).data.batch
      const purchase = (await api.post("/store/purchases", { variant_id: variant }, { headers: customer })).data.purchase
      known.push(...Object.values(app.variants), buyer.id, code.id, code.code, batch.id, purchase.id, app.region_ids.rub ?? "")
    })

    it("enumerates the custom routes and the validators' fields", () => {
      const listed = routes.map((route) => `${route.method} ${route.path}`)
      expect(listed).toEqual(expect.arrayContaining(["POST /store/purchases/preview", "GET /store/purchases/[id]", "POST /admin/promocodes"]))
      expect(fieldNames).toEqual(expect.arrayContaining(["variant_id", "promocode", "starts_at", "count", "token"]))
    })

    it.each(routes.map((route) => [`${route.method} ${route.path}`, route] as const))(
      "%s answers bad input with a 4xx, a code and a message, never a 5xx",
      async (_name, route: FuzzRoute) => {
        const violations = new Set<string>()
        const params = route.segments.filter((segment) => "param" in segment)
        const request = fc.record({
          params: fc.tuple(...params.map(() => pathSegments(known))),
          query: entries(fieldNames, values(known, fieldNames)),
          body: bodies(known, fieldNames),
          lang: LANGUAGES,
        })
        await fc.assert(
          fc.asyncProperty(request, async (input) => {
            let next = 0
            const url =
              route.segments
                .map((segment) => ("param" in segment ? input.params[next++] : segment.literal))
                .reduce((path, segment) => `${path}/${segment}`, "") + (input.query.entries.length ? `?${toQuery(input.query)}` : "")
            const withBody = route.method !== "GET"
            const headers: Record<string, string> = { ...headersFor(route.path), "accept-language": input.lang }
            if (withBody && input.body.contentType) headers["content-type"] = input.body.contentType
            const res = await api.request({
              method: route.method,
              url,
              data: withBody ? input.body.text : undefined,
              headers,
              transformRequest: [(data: unknown) => data],
              transformResponse: [(data: unknown) => data],
              responseType: "text",
              maxContentLength: Infinity,
              validateStatus: () => true,
            })
            judge(route, url, input, res.status, String(res.data ?? ""))
            const violation = contractViolation({
              method: route.method,
              url,
              status: res.status,
              contentType: String(res.headers["content-type"] ?? ""),
              data: parsed(String(res.data ?? "")),
              headers: { ...res.headers },
            })
            if (violation) violations.add(violation.split("\n")[0])
          }),
          { seed: SEED, numRuns: RUNS, endOnFailure: true }
        )
        // every answer, bad input included, is one the OpenAPI document describes
        expect([...violations]).toEqual([])
        const health = await api.get("/health", { validateStatus: () => true })
        expect(health.status).toEqual(200)
      }
    )
  },
})

function parsed(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function judge(route: FuzzRoute, url: string, input: { lang: string; body: { text: string } }, status: number, text: string) {
  const where = () =>
    `${route.method} ${url.slice(0, 300)} [${input.lang}] body ${JSON.stringify(input.body.text.slice(0, 300))} → ${status} ${text.slice(0, 500)}`
  if (status >= 500) {
    throw new Error(`server error: ${where()}`)
  }
  if (LEAK.test(text)) {
    throw new Error(`internal detail in the answer: ${where()}`)
  }
  if (status < 400) {
    return
  }
  let body: any
  try {
    body = JSON.parse(text)
  } catch {
    throw new Error(`a client error that is not JSON: ${where()}`)
  }
  if (typeof body?.code !== "string" || !body.code || typeof body.message !== "string" || !body.message) {
    throw new Error(`a client error without a code and a message: ${where()}`)
  }
  if (requestLanguage(input.lang) === "ru" && !/[А-Яа-яЁё]/.test(body.message)) {
    throw new Error(`a client error not in Russian for a Russian request: ${where()}`)
  }
}
