import Ajv2020 from "ajv/dist/2020"
import addFormats from "ajv-formats"
import { contractViolation } from "../../../../integration-tests/helpers/contract-check"
import { matchTemplate, routeFiles } from "../../../../integration-tests/helpers/route-files"
import { PROMOCODE_ERROR_CODES } from "../../../modules/promocode/lib/errors"
import { buildOpenApiDocument, openApiPath } from "../document"
import { API_ROUTES, findRoute } from "../registry"

const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`

describe("the route registry (the OpenAPI document's source)", () => {
  const files = routeFiles()

  it("finds the route files (a scan that finds nothing proves nothing)", () => {
    expect(files.length).toBeGreaterThan(20)
    expect(files).toContainEqual(
      expect.objectContaining({ method: "DELETE", path: "/admin/promocodes/:id" })
    )
  })

  it("has an entry for every method of every route file under src/api", () => {
    const missing = files.filter((f) => !findRoute(f.method, f.path)).map((f) => `${key(f)} (${f.file})`)
    expect(missing).toEqual([])
  })

  it("has no entry without a route behind it, and no entry twice", () => {
    const stale = API_ROUTES.filter((r) => !files.some((f) => key(f) === key(r))).map(key)
    expect(stale).toEqual([])
    expect(new Set(API_ROUTES.map(key)).size).toBe(API_ROUTES.length)
  })
})

describe("the OpenAPI document", () => {
  const document = buildOpenApiDocument()

  it("is OpenAPI 3.1 with every route and method of the registry", () => {
    expect(document.openapi).toBe("3.1.0")
    for (const route of API_ROUTES) {
      expect(document.paths[openApiPath(route.path)]).toHaveProperty(route.method.toLowerCase())
    }
  })

  it("has schemas that compile as JSON Schema 2020-12", () => {
    const ajv = new Ajv2020({ strict: false })
    addFormats(ajv as unknown as Parameters<typeof addFormats>[0])
    let compiled = 0
    for (const operations of Object.values(document.paths)) {
      for (const operation of Object.values(operations) as any[]) {
        const bodies = [
          operation.requestBody,
          ...Object.values(operation.responses),
        ].filter(Boolean) as { content: Record<string, { schema: object }> }[]
        for (const body of bodies) {
          for (const { schema } of Object.values(body.content)) {
            ajv.compile(schema)
            compiled++
          }
        }
      }
    }
    expect(compiled).toBeGreaterThan(API_ROUTES.length)
  })

  it("lists every promo code rejection on the preview, and the 402 of a declined payment", () => {
    const preview = document.paths["/store/purchases/preview"].post as any
    const codes = [400, 404].flatMap(
      (status) => preview.responses[status].content["application/json"].schema.properties.code.enum
    )
    expect(codes).toEqual(expect.arrayContaining([...PROMOCODE_ERROR_CODES]))
    const purchase = document.paths["/store/purchases"].post as any
    const declined = purchase.responses[402].content["application/json"].schema
    expect(declined.required).toEqual(expect.arrayContaining(["code", "purchase_id"]))
  })

  it("documents query parameters with what they require", () => {
    const list = (document.paths["/admin/promocodes"].get as any).parameters
    expect(list).toContainEqual(expect.objectContaining({ name: "limit", in: "query", required: false }))
    const plans = (document.paths["/admin/subscription-plans"].get as any).parameters
    expect(plans).toContainEqual(expect.objectContaining({ name: "variant_id", required: true }))
  })
})

describe("the contract check", () => {
  const response = (over: object) => ({
    method: "GET",
    url: "/store/tariffs?region_id=reg_1",
    status: 200,
    contentType: "application/json; charset=utf-8",
    data: { tariffs: [], region: { id: "reg_1", currency_code: "rub" } },
    ...over,
  })

  it("accepts a response the document describes", () => {
    expect(contractViolation(response({}))).toBeNull()
  })

  it("rejects a body that does not match, an undocumented status, an undocumented code", () => {
    expect(contractViolation(response({ data: { tariffs: "none" } }))).toMatch(/does not match/)
    expect(contractViolation(response({ data: { tariffs: [], region: { id: "r", currency_code: "rub" }, extra: 1 } }))).toMatch(
      /does not match/
    )
    expect(contractViolation(response({ status: 418 }))).toMatch(/status is not in the document/)
    expect(
      contractViolation(
        response({ status: 400, data: { type: "invalid_data", code: "SOMETHING_NEW", message: "x" } })
      )
    ).toMatch(/does not match/)
  })

  it("checks the content type of what is not JSON", () => {
    const asset = (contentType: string) =>
      contractViolation(response({ url: "/docs/assets/swagger-ui.css", contentType, data: "body{}" }))
    expect(asset("text/css; charset=utf-8")).toBeNull()
    expect(asset("text/html; charset=utf-8")).toMatch(/content type/)
    expect(contractViolation(response({ url: "/docs/openapi.json", data: { openapi: "3.1.0" } }))).toBeNull()
  })

  it("leaves Medusa's own routes alone", () => {
    expect(contractViolation(response({ url: "/store/customers/me", data: {} }))).toBeNull()
    expect(contractViolation(response({ method: "POST", url: "/auth/customer/emailpass", data: {} }))).toBeNull()
  })

  it("matches static segments before parameters", () => {
    const templates = ["/admin/promocodes/:id", "/admin/promocodes/export"]
    expect(matchTemplate(templates, "/admin/promocodes/export")).toBe("/admin/promocodes/export")
    expect(matchTemplate(templates, "/admin/promocodes/promo_1")).toBe("/admin/promocodes/:id")
    expect(matchTemplate(templates, "/admin/promocodes/promo_1/usages")).toBeUndefined()
  })
})
