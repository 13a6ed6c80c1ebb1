// What a shopper types is shown as text, never run as HTML: a name and a promo code with
// `<script>` in them. `useBrowser` also fails the test if any dialog opened.
import assert from "node:assert/strict"
import { test } from "node:test"
import { screenshot, TEST_TIMEOUT_MS, textOf, useBrowser } from "./lib/browser.mjs"
import { applyCode, openCheckout, promoMessage, register, UI, uniqueEmail } from "./lib/shopper.mjs"

const withPage = useBrowser()

const NAME = `<script>alert("name")</script>`
const LAST_NAME = `<img src=x onerror=alert("img")>`
const CODE = `<script>alert(1)</script>`

/** Script elements whose code came from the shopper (Next.js's own scripts do not say alert). */
const injectedScripts = (page) =>
  page.evaluate(() => [...document.querySelectorAll("script, img")].filter((el) =>
    (el.textContent ?? "").includes("alert(") || el.getAttribute("onerror")
  ).length)

test("a name and a promo code with <script> in them show as text", { timeout: TEST_TIMEOUT_MS }, () =>
  withPage("en", async (page) => {
    await register(page, "en", { firstName: NAME, lastName: LAST_NAME, email: uniqueEmail("xss") })
    const account = await textOf(page.getByRole("main"))
    assert.ok(account.includes(UI.en.greeting(`${NAME} ${LAST_NAME}`)), `the name as typed in "${account}"`)
    assert.equal(await injectedScripts(page), 0, "no element made from the name")
    await screenshot(page, "account-en-script-name")

    await openCheckout(page, "en", "Standard", "for a month")
    await applyCode(page, "en", CODE)
    const message = await promoMessage(page, "error")
    assert.ok(
      message.startsWith(UI.en.unknown(CODE)) || message === UI.en.invalid(CODE),
      `the code as typed in "${message}"`
    )
    assert.equal(await injectedScripts(page), 0, "no element made from the code")
    await screenshot(page, "checkout-en-script-code")
  })
)
