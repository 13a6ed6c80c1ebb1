// What every browser test shares: where the storefront is, how Chromium is launched, where
// screenshots go, and how prices are written. Not a test file (node --test runs only
// *.test.mjs).
import assert from "node:assert/strict"
import { accessSync, constants, mkdirSync } from "node:fs"
import { join } from "node:path"
import { after, before } from "node:test"
import { fileURLToPath } from "node:url"
import { chromium } from "playwright-core"

export const STOREFRONT_URL = (process.env.STOREFRONT_URL ?? "http://localhost:3000").replace(/\/+$/, "")
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
]
export const SCREENSHOT_DIR = fileURLToPath(new URL("../../artifacts/screenshots/", import.meta.url))
export const TEST_TIMEOUT_MS = 60_000

export const DESKTOP = { width: 1280, height: 900 }
export const PHONE = { width: 390, height: 844 }

/** How the locale writes a price, as Intl has it (the currency's sign, whole amounts without decimals). */
export function formatPrice(amount, locale, currency = "RUB") {
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    currencyDisplay: "narrowSymbol",
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  }).format(amount)
}

/** Any run of whitespace (spaces, NBSP, narrow NBSP) as one space. */
export const normalize = (text) => text.replace(/\s+/g, " ").trim()

/** The element's visible text, whitespace normalized. */
export async function textOf(locator) {
  return normalize(await locator.innerText())
}

export function assertChromiumInstalled() {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK)
  } catch {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with \`apt-get install -y chromium\` ` +
        "(as root, on Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium binary."
    )
  }
}

export async function assertStorefrontUp() {
  try {
    await fetch(`${STOREFRONT_URL}/ru`, { signal: AbortSignal.timeout(30_000) })
  } catch (error) {
    throw new Error(
      `The storefront is not reachable at ${STOREFRONT_URL} (${error.cause?.code ?? error.message}). ` +
        "Start it (and the backend) first, or set STOREFRONT_URL."
    )
  }
}

/**
 * Registers the file's before/after hooks: checks Chromium and the storefront, launches
 * the browser once. Returns `withPage`, which runs `fn` in a fresh browser context (its
 * own cookies, so tests never share a signed-in customer) and fails the test if any page
 * opened a JavaScript dialog (an injected `<script>` would).
 */
export function useBrowser() {
  let browser

  before(async () => {
    assertChromiumInstalled()
    await assertStorefrontUp()
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
    })
  })

  after(async () => {
    await browser?.close()
  })

  return async function withPage(locale, fn, { viewport = DESKTOP } = {}) {
    const context = await browser.newContext({
      locale: locale === "ru" ? "ru-RU" : "en-US",
      viewport,
    })
    const dialogs = []
    context.on("page", (page) =>
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message())
        dialog.dismiss().catch(() => {})
      })
    )
    const page = await context.newPage()
    try {
      await fn(page)
      assert.deepEqual(dialogs, [], "no page opened a JavaScript dialog")
    } finally {
      await context.close()
    }
  }
}

/** A full-page screenshot in artifacts/screenshots/<name>.png. */
export async function screenshot(page, name) {
  // From the top, so the sticky header is where it belongs in the full-page image.
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}
