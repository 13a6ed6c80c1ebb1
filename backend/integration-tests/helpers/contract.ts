import { medusaIntegrationTestRunner as medusaRunner } from "@medusajs/test-utils"
import { contractViolation, type Recorded } from "./contract-check"

/*
 * The contract test: every response our routes give the HTTP suites is
 * checked against the OpenAPI document (GET /docs/openapi.json). Suites use
 * this runner instead of Medusa's; it hands them an `api` that records each
 * response of a custom route, and after each test checks them: the route and
 * its status must be in the document and the body must match its schema.
 * Medusa's own routes (/auth, /store/customers, ...) are not ours and are not
 * checked.
 */

type Runner = Parameters<typeof medusaRunner>[0]

type Api = Record<string, (...args: any[]) => Promise<any>>

/** An api that records every response (successes and HTTP errors) into `log`. */
function recording(api: Api, log: Recorded[]): Api {
  const record = (method: string, url: string, res: any) =>
    res &&
    log.push({
      method,
      url,
      status: res.status,
      contentType: String(res.headers?.["content-type"] ?? ""),
      data: res.data,
    })
  const wrap =
    (method: string) =>
    async (url: string, ...rest: unknown[]) => {
      try {
        const res = await api[method.toLowerCase()](url, ...rest)
        record(method, url, res)
        return res
      } catch (error: any) {
        record(method, url, error?.response)
        throw error
      }
    }
  return new Proxy(api, {
    get(target, prop) {
      if (typeof prop === "string" && ["get", "post", "put", "patch", "delete"].includes(prop)) {
        return wrap(prop.toUpperCase())
      }
      return target[prop as string]
    },
  })
}

/** Medusa's integration test runner, with every custom route's response checked against the document. */
export function medusaIntegrationTestRunner(options: Runner) {
  return medusaRunner({
    ...options,
    testSuite: (suite) => {
      const log: Recorded[] = []
      const check = () => {
        const problems = log.splice(0).map(contractViolation).filter((p): p is string => !!p)
        if (problems.length) {
          throw new Error(`API contract (OpenAPI document) violated:\n${[...new Set(problems)].join("\n")}`)
        }
      }
      afterEach(check)
      afterAll(check)
      options.testSuite({ ...suite, api: recording(suite.api, log) })
    },
  })
}
