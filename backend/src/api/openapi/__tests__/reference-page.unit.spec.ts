import { referenceAsset } from "../reference-page"

describe("the reference page's assets", () => {
  it("serves the page's files of swagger-ui-dist and its init script", () => {
    expect(referenceAsset("swagger-ui.css")).toMatchObject({ contentType: "text/css; charset=utf-8" })
    expect(String(referenceAsset("swagger-ui.css")!.body).length).toBeGreaterThan(1000)
    expect(referenceAsset("init.js")?.body).toContain("/docs/openapi.json")
  })

  it("knows no other name, the object's inherited ones included (a 404, not a 500)", () => {
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty", "package.json", "../package.json"]) {
      expect(referenceAsset(name)).toBeNull()
    }
  })
})
