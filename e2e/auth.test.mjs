// Accounts in the browser: register, sign out, sign in; the form's messages; a signed-out
// visit to a protected page. Every test registers its own customer.
import assert from "node:assert/strict"
import { test } from "node:test"
import { PHONE, screenshot, STOREFRONT_URL, TEST_TIMEOUT_MS, textOf, useBrowser } from "./lib/browser.mjs"
import { PASSWORD, register, signOut, submitSignIn, UI, uniqueEmail, url, waitForPath } from "./lib/shopper.mjs"

const withPage = useBrowser()

test("register, sign out and sign in again", { timeout: TEST_TIMEOUT_MS }, () =>
  withPage("ru", async (page) => {
    const ui = UI.ru
    const email = uniqueEmail("auth")
    await page.goto(url("/ru/register"))
    await screenshot(page, "register-ru")
    await register(page, "ru", { firstName: "Анна", lastName: "Зрительница", email })

    const main = page.getByRole("main")
    const account = await textOf(main)
    assert.ok(account.includes(ui.greeting("Анна Зрительница")), `greeting in "${account}"`)
    assert.ok(account.includes(email), "the account page shows the email")

    await signOut(page, "ru")
    assert.equal(await page.getByRole("banner").getByRole("button", { name: ui.signOut }).count(), 0)

    await page.getByRole("banner").getByRole("link", { name: ui.signInLink, exact: true }).click()
    await waitForPath(page, "/ru/sign-in")
    await screenshot(page, "sign-in-ru")
    await submitSignIn(page, "ru", email)
    await waitForPath(page, "/ru/account")
    await page.getByRole("heading", { level: 1, name: ui.accountTitle }).waitFor()
  })
)

test("the forms say what is wrong: empty fields, taken email, wrong password", { timeout: TEST_TIMEOUT_MS }, () =>
  withPage("en", async (page) => {
    const ui = UI.en
    await page.goto(url("/en/register"))
    await page.getByRole("button", { name: ui.registerSubmit, exact: true }).click()
    const alert = page.getByRole("main").getByRole("alert")
    await alert.waitFor()
    assert.equal(await textOf(alert), "Please correct the highlighted fields.")
    const firstName = page.getByLabel(ui.firstName, { exact: true })
    assert.equal(await firstName.getAttribute("aria-invalid"), "true")
    const form = await textOf(page.getByRole("main"))
    for (const message of ["Enter your first name.", "Enter your email.", "Enter your password."]) {
      assert.ok(form.includes(message), `"${message}" in "${form}"`)
    }
    await screenshot(page, "register-en-errors")

    // A short password and a malformed email, with what was typed kept.
    await firstName.fill("Eve")
    await page.getByLabel(ui.email, { exact: true }).fill("eve-at-example")
    await page.getByLabel(ui.password, { exact: true }).fill("short")
    await page.getByRole("button", { name: ui.registerSubmit, exact: true }).click()
    await page.getByText("Enter an email like name@example.com.").waitFor()
    await page.getByText("The password must have at least 8 characters.").waitFor()
    assert.equal(await firstName.inputValue(), "Eve")

    // The same email twice.
    const email = uniqueEmail("taken")
    await register(page, "en", { firstName: "Eve", email })
    await signOut(page, "en")
    await page.goto(url("/en/register"))
    await page.getByLabel(ui.firstName, { exact: true }).fill("Eve")
    await page.getByLabel(ui.email, { exact: true }).fill(email)
    await page.getByLabel(ui.password, { exact: true }).fill(PASSWORD)
    await page.getByRole("button", { name: ui.registerSubmit, exact: true }).click()
    await page.getByRole("main").getByRole("alert").getByText("An account with this email already exists.").waitFor()
    assert.ok((await textOf(page.getByRole("main"))).includes("This email is already registered."))

    // A wrong password.
    await page.goto(url("/en/sign-in"))
    await screenshot(page, "sign-in-en")
    await submitSignIn(page, "en", email, "not-the-password")
    await page.getByRole("main").getByRole("alert").getByText("Wrong email or password.").waitFor()
    await screenshot(page, "sign-in-en-wrong-password")
    assert.equal(await page.getByLabel(ui.email, { exact: true }).inputValue(), email)
  })
)

for (const locale of ["en", "ru"]) {
  test(`a signed-out visit to /${locale}/account lands on sign-in and comes back`, { timeout: TEST_TIMEOUT_MS }, () =>
    withPage(locale, async (page) => {
      const ui = UI[locale]
      const email = uniqueEmail(`back-${locale}`)
      await register(page, locale, { firstName: "Returning", email })
      await signOut(page, locale)

      await page.goto(url(`/${locale}/account`))
      await waitForPath(page, `/${locale}/sign-in?next=%2Faccount`)
      await page.getByRole("heading", { level: 1, name: ui.signInTitle }).waitFor()
      await screenshot(page, `sign-in-${locale}-return`)

      await submitSignIn(page, locale, email)
      await waitForPath(page, `/${locale}/account`)
      await page.getByRole("heading", { level: 1, name: ui.accountTitle }).waitFor()
    })
  )
}

test("a token the backend refuses sends the shopper to sign in, without a redirect loop", { timeout: TEST_TIMEOUT_MS }, () =>
  withPage("en", async (page) => {
    // A well-formed JWT that has not ended but that no backend signed.
    const now = Math.floor(Date.now() / 1000)
    const part = (value) => Buffer.from(JSON.stringify(value)).toString("base64url")
    const forged = `${part({ alg: "HS256", typ: "JWT" })}.${part({ actor_id: "cus_forged", actor_type: "customer", iat: now, exp: now + 3600 })}.c2lnbmF0dXJl`
    await page.context().addCookies([{ name: "_cinema_jwt", value: forged, url: STOREFRONT_URL }])

    await page.goto(url("/en/account"))
    await waitForPath(page, "/en/sign-in?next=%2Faccount")
    await page.getByRole("heading", { level: 1, name: UI.en.signInTitle }).waitFor()

    const email = uniqueEmail("forged")
    await register(page, "en", { firstName: "Fresh", email })
    assert.ok((await textOf(page.getByRole("main"))).includes(email), "signed in as the new customer")
  })
)

test("the language switch on sign-in keeps the way back", { timeout: TEST_TIMEOUT_MS }, () =>
  withPage("en", async (page) => {
    await page.goto(url("/en/checkout/any-plan"))
    await waitForPath(page, "/en/sign-in?next=%2Fcheckout%2Fany-plan")
    await page
      .getByRole("navigation", { name: /язык|language/i })
      .getByRole("link", { name: "RU", exact: true })
      .click()
    await waitForPath(page, "/ru/sign-in?next=%2Fcheckout%2Fany-plan")
    await page.getByRole("heading", { level: 1, name: UI.ru.signInTitle }).waitFor()
  })
)

test("the sign-in page is usable on a phone", { timeout: TEST_TIMEOUT_MS }, () =>
  withPage(
    "ru",
    async (page) => {
      await page.goto(`${STOREFRONT_URL}/ru/sign-in`)
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      assert.ok(width <= 390, `no horizontal scrolling (page is ${width}px wide)`)
      await screenshot(page, "sign-in-ru-phone")
    },
    { viewport: PHONE }
  )
)
