// What the admin browser tests share: where the backend (and its admin at /app) is, the
// admin's login, the store API calls that make customers and purchases, and CSV reading.
// Chromium is launched exactly like the storefront tests (./browser.mjs). Not a test
// file (node --test runs only *.test.mjs).
import assert from "node:assert/strict"
import { randomBytes } from "node:crypto"
import { readFile } from "node:fs/promises"
import { mkdirSync } from "node:fs"
import { join } from "node:path"
import { after, before } from "node:test"
import { chromium } from "playwright-core"
import { assertChromiumInstalled, CHROMIUM_ARGS, CHROMIUM_PATH, SCREENSHOT_DIR } from "./browser.mjs"

export const BACKEND_URL = (process.env.BACKEND_URL ?? "http://localhost:9000").replace(/\/+$/, "")
export const ADMIN_EMAIL = process.env.ADMIN_EMAIL ?? "admin@cinema.local"
export const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD ?? "admin12345"
export const PUBLISHABLE_KEY = process.env.PUBLISHABLE_KEY ?? ""
export const ADMIN_TEST_TIMEOUT_MS = 180_000

export const adminUrl = (path = "") => `${BACKEND_URL}/app${path}`

/** Fails with what to do when the backend or its admin is not there. */
export async function assertAdminUp() {
  let response
  try {
    response = await fetch(adminUrl("/login"), { signal: AbortSignal.timeout(60_000) })
  } catch (error) {
    throw new Error(
      `The backend is not reachable at ${BACKEND_URL} (${error.cause?.code ?? error.message}). ` +
        "Start it first (with the admin enabled), or set BACKEND_URL."
    )
  }
  if (!response.ok) {
    throw new Error(
      `The admin is not served at ${adminUrl()} (HTTP ${response.status}). ` +
        "Run the backend with the admin enabled (ADMIN_DISABLED unset; `medusa build` first for `medusa start`)."
    )
  }
  assert.ok(
    PUBLISHABLE_KEY,
    "PUBLISHABLE_KEY is not set: the test buys a plan over the store API and needs the seed's publishable key."
  )
}

/**
 * Registers the file's before/after hooks: checks Chromium and the admin, launches
 * the browser once. Returns `newAdminPage`, a page in its own context (its own
 * cookies), and fails a test whose page raised an uncaught error.
 */
export function useAdminBrowser() {
  let browser
  const contexts = []

  before(async () => {
    assertChromiumInstalled()
    await assertAdminUp()
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true })
  })

  after(async () => {
    for (const context of contexts) {
      await context.close().catch(() => {})
    }
    await browser?.close()
  })

  /** `options` override the context's (locale, timezoneId, viewport). */
  return async function newAdminPage(options = {}) {
    const context = await browser.newContext({
      locale: "en-US",
      timezoneId: "UTC",
      viewport: { width: 1440, height: 1000 },
      acceptDownloads: true,
      ...options,
    })
    contexts.push(context)
    const page = await context.newPage()
    page.pageErrors = []
    page.on("pageerror", (error) => page.pageErrors.push(error.message))
    page.on("dialog", (dialog) => {
      page.pageErrors.push(`unexpected dialog: ${dialog.message()}`)
      dialog.dismiss().catch(() => {})
    })
    return page
  }
}

/**
 * What the dashboard does when the admin picks a language in the profile
 * (i18next `changeLanguage`): it keeps the choice in the `lng` cookie and in
 * localStorage, read back on every start.
 */
export async function pickLanguage(page, lng) {
  await page.context().addCookies([{ name: "lng", value: lng, url: BACKEND_URL }])
  await page.evaluate((value) => window.localStorage.setItem("lng", value), lng)
}

/** Signs in through the admin's own login form. */
export async function signIn(page, email = ADMIN_EMAIL, password = ADMIN_PASSWORD) {
  // the first request of a development server compiles the admin: be patient
  await page.goto(adminUrl("/login"), { timeout: 120_000 })
  // the login form has placeholders, not labels
  await page.getByPlaceholder("Email").fill(email, { timeout: 90_000 })
  await page.getByPlaceholder("Password").fill(password)
  await page.getByRole("button", { name: "Continue with Email" }).click()
  await page.waitForURL((url) => !url.pathname.endsWith("/login"), { timeout: 60_000 })
}

/** A screenshot of the page (or of one element) in artifacts/screenshots/admin-<name>.png. */
export async function screenshot(target, name) {
  const path = join(SCREENSHOT_DIR, `admin-${name}.png`)
  if (typeof target.goto === "function") {
    // the dashboard scrolls inside its layout, not the window: make the window as
    // tall as the content for the picture, then put it back
    const viewport = target.viewportSize()
    const tallest = await target.evaluate(() =>
      Math.max(...[...document.querySelectorAll("*")].map((el) => el.scrollHeight - el.clientHeight + window.innerHeight))
    )
    await target.setViewportSize({ width: viewport.width, height: Math.min(6000, Math.max(viewport.height, tallest)) })
    await target.waitForTimeout(200)
    await target.screenshot({ path, fullPage: true })
    await target.setViewportSize(viewport)
  } else {
    await target.screenshot({ path })
  }
}

/** A fresh address per call, so every test has its own customer. */
export function uniqueEmail(tag) {
  return `e2e-admin-${tag}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}@example.com`
}

/** A code nobody else has: letters and digits only. */
export function uniqueCode(prefix) {
  return `${prefix}${Date.now().toString(36).toUpperCase()}${randomBytes(2).toString("hex").toUpperCase()}`
}

/** A store or auth API call with the seed's publishable key (and a customer's token). */
export async function call(method, path, { body, token, headers = {} } = {}) {
  const response = await fetch(`${BACKEND_URL}${path}`, {
    method,
    headers: {
      "content-type": "application/json",
      ...(PUBLISHABLE_KEY ? { "x-publishable-api-key": PUBLISHABLE_KEY } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  })
  const text = await response.text()
  let json = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    json = null
  }
  return { status: response.status, json, text }
}

/** A new customer account over the store API; returns its id and a signed-in token. */
export async function registerCustomer({ email, password = "admin-e2e-42", firstName = "Admin", lastName = "Test" }) {
  const registered = await call("POST", "/auth/customer/emailpass/register", { body: { email, password } })
  assert.equal(registered.status, 200, `register ${email}: ${registered.status} ${registered.text}`)
  const created = await call("POST", "/store/customers", {
    token: registered.json.token,
    body: { email, first_name: firstName, last_name: lastName },
  })
  assert.equal(created.status, 200, `create customer ${email}: ${created.status} ${created.text}`)
  const login = await call("POST", "/auth/customer/emailpass", { body: { email, password } })
  assert.equal(login.status, 200, `sign in ${email}: ${login.status} ${login.text}`)
  return { id: created.json.customer.id, email, token: login.json.token }
}

/** The seeded tariffs with their plans (`GET /store/tariffs`). */
export async function storeTariffs() {
  const { status, json, text } = await call("GET", "/store/tariffs")
  assert.equal(status, 200, `GET /store/tariffs: ${status} ${text}`)
  return json.tariffs
}

/** The plan (variant) of a tariff by titles, e.g. ("Standard", "Monthly"). */
export async function findPlan(tariffTitle, planTitle) {
  const tariff = (await storeTariffs()).find((t) => t.title === tariffTitle)
  assert.ok(tariff, `no tariff "${tariffTitle}" in the store`)
  const plan = tariff.plans.find((p) => p.title === planTitle)
  assert.ok(plan, `no plan "${planTitle}" in tariff "${tariffTitle}"`)
  return { tariff, plan }
}

/** Buys a plan with a promo code over the store API (the emulator approves `tok_success`). */
export async function buyPlan(customer, variantId, promocode) {
  const { status, json, text } = await call("POST", "/store/purchases", {
    token: customer.token,
    headers: { "idempotency-key": randomBytes(8).toString("hex") },
    body: { variant_id: variantId, promocode, payment: { token: "tok_success" } },
  })
  assert.equal(status, 201, `POST /store/purchases: ${status} ${text}`)
  return json
}

/** Rows of a CSV text (quoted fields with commas, quotes and line breaks handled). */
export function parseCsv(text) {
  const rows = []
  let row = []
  let field = ""
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') {
        quoted = false
      } else {
        field += c
      }
    } else if (c === '"') {
      quoted = true
    } else if (c === ",") {
      row.push(field)
      field = ""
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") {
        i++
      }
      row.push(field)
      rows.push(row)
      row = []
      field = ""
    } else {
      field += c
    }
  }
  if (field !== "" || row.length) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

/**
 * Types a date and time into a @medusajs/ui DatePicker (react-aria segments,
 * en-US order: month, day, year, hour, minute, AM/PM).
 */
export async function typeDateTime(group, date) {
  const pad = (n) => String(n).padStart(2, "0")
  const hours = date.getUTCHours()
  const hour12 = hours % 12 === 0 ? 12 : hours % 12
  await group.getByRole("spinbutton").first().click()
  await group.page().keyboard.type(
    `${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${date.getUTCFullYear()}` +
      `${pad(hour12)}${pad(date.getUTCMinutes())}${hours < 12 ? "A" : "P"}`
  )
}

/** Downloads what a link points at and returns the file's text. */
export async function download(page, link) {
  const [file] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), link.click()])
  const failure = await file.failure()
  assert.equal(failure, null, `download of ${file.suggestedFilename()} failed: ${failure}`)
  return readFile(await file.path(), "utf8")
}
