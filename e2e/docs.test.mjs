// The API reference at the backend's /docs: swagger-ui renders the OpenAPI document of
// our routes, with everything served by the backend itself (no CDN), no key, no sign-in.
import assert from "node:assert/strict"
import { mkdirSync } from "node:fs"
import { after, before, test } from "node:test"
import { chromium } from "playwright-core"
import { assertChromiumInstalled, CHROMIUM_ARGS, CHROMIUM_PATH, DESKTOP, SCREENSHOT_DIR, screenshot } from "./lib/browser.mjs"

const BACKEND_URL = (process.env.BACKEND_URL ?? "http://localhost:9000").replace(/\/+$/, "")

let browser

before(async () => {
  assertChromiumInstalled()
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true })
})

after(async () => {
  await browser?.close()
})

test("the API reference renders our routes, their schemas and error codes", { timeout: 120_000 }, async () => {
  const context = await browser.newContext({ viewport: DESKTOP })
  const page = await context.newPage()
  const requested = []
  const errors = []
  page.on("request", (request) => requested.push(request.url()))
  page.on("pageerror", (error) => errors.push(error.message))
  try {
    const response = await page.goto(`${BACKEND_URL}/docs`)
    assert.equal(response.status(), 200)
    await page.locator(".swagger-ui .info .title").filter({ hasText: "Cinema tariffs and promo codes API" }).waitFor()

    // every route of the document is listed, grouped by tag
    const spec = await (await fetch(`${BACKEND_URL}/docs/openapi.json`)).json()
    const operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`)
    )
    const shown = await page.locator(".opblock").evaluateAll((blocks) =>
      blocks.map((block) => {
        const method = block.querySelector(".opblock-summary-method")?.textContent?.trim()
        const path = block.querySelector(".opblock-summary-path")?.getAttribute("data-path")
        return `${method} ${path}`
      })
    )
    assert.ok(operations.length > 20, `the document lists our routes (${operations.length})`)
    assert.deepEqual([...new Set(shown)].sort(), [...new Set(operations)].sort())
    for (const tag of ["store", "admin: promo codes"]) {
      assert.ok(await page.locator(".opblock-tag", { hasText: tag }).first().isVisible(), `the ${tag} group`)
    }

    // a route opened: its request body, its 201 and the 402 of a declined payment
    const purchase = page.locator(".opblock-post").filter({
      has: page.locator('.opblock-summary-path[data-path="/store/purchases"]'),
    })
    await purchase.locator(".opblock-summary").click()
    const statuses = purchase.locator(".responses-table .response-col_status")
    await statuses.first().waitFor()
    const codes = (await statuses.allInnerTexts()).map((text) => text.trim().split(/\s/)[0])
    for (const status of ["201", "400", "401", "402", "404", "409"]) {
      assert.ok(codes.includes(status), `POST /store/purchases documents ${status} (${codes.join(", ")})`)
    }
    const details = await purchase.innerText()
    assert.match(details, /PROMOCODE_EXPIRED/, "the error codes are in the reference")
    assert.match(details, /Idempotency-Key/)
    await screenshot(page, "api-reference")

    assert.deepEqual(errors, [], "no script error on the page")
    const foreign = requested.filter((url) => !url.startsWith(`${BACKEND_URL}/`) && !url.startsWith("data:"))
    assert.deepEqual(foreign, [], "everything comes from the backend (no CDN)")
  } finally {
    await context.close()
  }
})
