import { buildOpenApiDocument } from "../../src/api/openapi/document"
import { failure } from "../helpers/auth"
import { medusaIntegrationTestRunner } from "../helpers/contract"

jest.setTimeout(120 * 1000)

// The API reference: open to anyone (no publishable key, no sign-in), served
// by the app itself, assets from the installed swagger-ui-dist.
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api }) => {
    it("serves the OpenAPI document generated from the registry, with no key and no sign-in", async () => {
      const res = await api.get("/docs/openapi.json")
      expect(res.status).toBe(200)
      expect(res.headers["content-type"]).toMatch(/^application\/json/)
      expect(res.data).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())))
      expect(Object.keys(res.data.paths)).toEqual(
        expect.arrayContaining(["/store/tariffs", "/store/purchases", "/admin/promocodes/{id}"])
      )
    })

    it("serves the reference page and its scripts and styles from swagger-ui-dist", async () => {
      const page = await api.get("/docs")
      expect(page.headers["content-type"]).toMatch(/^text\/html/)
      expect(page.data).toContain('<div id="swagger-ui"></div>')
      const scripts = [...String(page.data).matchAll(/(?:src|href)="(\/docs\/assets\/[^"]+)"/g)].map((m) => m[1])
      expect(scripts).toEqual(expect.arrayContaining(["/docs/assets/swagger-ui-bundle.js", "/docs/assets/swagger-ui.css"]))
      for (const asset of scripts) {
        const res = await api.get(asset)
        expect([asset, res.status]).toEqual([asset, 200])
        expect(String(res.data).length).toBeGreaterThan(10)
      }
      const init = await api.get("/docs/assets/init.js")
      expect(init.data).toContain("/docs/openapi.json")
    })

    it("serves no other file", async () => {
      for (const file of ["package.json", "..%2Fpackage.json", "index.html"]) {
        const res = await failure(api.get(`/docs/assets/${file}`))
        expect([file, res.status]).toEqual([file, 404])
      }
    })
  },
})
