// Buying a plan in the browser: promo codes (accepted, refused, removed), the emulated
// payment (declined, then paid), the result page, the account and the tariffs page after
// it. Uses the seed's demo codes: WELCOME100 (100 RUB off), EXPIRED2024 (expired).
import assert from "node:assert/strict"
import { test } from "node:test"
import { formatPrice, normalize, PHONE, screenshot, TEST_TIMEOUT_MS, textOf, useBrowser } from "./lib/browser.mjs"
import {
  applyCode,
  assertTotal,
  chooseCard,
  openCheckout,
  pay,
  promoMessage,
  register,
  summary,
  UI,
  uniqueEmail,
  url,
} from "./lib/shopper.mjs"

const withPage = useBrowser()

const STANDARD_MONTHLY = { ru: ["Стандарт", "за месяц"], en: ["Standard", "for a month"] }
const switchTo = (page, locale) =>
  page
    .getByRole("navigation", { name: /язык|language/i })
    .getByRole("link", { name: locale.toUpperCase(), exact: true })
    .click()

test("buy Standard monthly with WELCOME100: 299 ₽, then the tariff is on the account", { timeout: 90_000 }, () =>
  withPage("ru", async (page) => {
    const ui = UI.ru
    await register(page, "ru", { firstName: "Покупатель", email: uniqueEmail("buy") })
    await screenshot(page, "account-empty-ru")

    await openCheckout(page, "ru", ...STANDARD_MONTHLY.ru)
    await assertTotal(page, "ru", 399)
    await screenshot(page, "checkout-ru")

    await applyCode(page, "ru", "WELCOME100")
    const applied = await promoMessage(page, "status")
    assert.ok(applied.startsWith(ui.applied("WELCOME100")), `"${applied}"`)
    const text = await assertTotal(page, "ru", 299)
    // The original price is struck through, the discount shown.
    const struck = normalize(await summary(page, "ru").locator("s").innerText())
    assert.ok(struck.endsWith(normalize(formatPrice(399, "ru"))), `struck "${struck}"`)
    assert.ok(text.includes(normalize(`−${formatPrice(100, "ru")}`)), `discount in "${text}"`)
    assert.ok((await textOf(page.getByRole("main"))).includes(ui.emulated), "the payment is said to be emulated")
    await screenshot(page, "checkout-ru-code")

    await chooseCard(page, "ru", "tok_success")
    await pay(page, "ru")
    await page.waitForURL(/\/ru\/purchases\//)
    const result = page.getByRole("main")
    await result.getByRole("heading", { level: 1, name: ui.successTitle }).waitFor()
    const receipt = await textOf(result)
    assert.ok(receipt.includes("Стандарт"), `tariff in "${receipt}"`)
    const paid = await textOf(result.getByRole("definition").filter({ has: page.locator("strong") }))
    assert.ok(paid.endsWith(normalize(`${formatPrice(399, "ru")} ${formatPrice(299, "ru")}`)), `amount paid "${paid}"`)
    await screenshot(page, "result-ru")
    await switchTo(page, "en")
    await page.getByRole("heading", { level: 1, name: UI.en.successTitle }).waitFor()
    await screenshot(page, "result-en")
    await switchTo(page, "ru")
    await page.getByRole("heading", { level: 1, name: ui.successTitle }).waitFor()

    await page.getByRole("link", { name: "В личный кабинет" }).click()
    await page.getByRole("heading", { level: 1, name: ui.accountTitle }).waitFor()
    const subscription = await textOf(page.getByRole("region", { name: "Подписка" }))
    assert.ok(subscription.includes("Стандарт"), `Стандарт in "${subscription}"`)
    assert.ok(subscription.includes(ui.activeUntil), `end date in "${subscription}"`)
    assert.match(subscription, /остал(ось|ся) \d+ (день|дня|дней)/)
    const history = await textOf(page.getByRole("region", { name: "История покупок" }))
    assert.ok(history.includes("WELCOME100") && history.includes("Оплачено"), `history "${history}"`)
    assert.ok(history.includes(normalize(formatPrice(299, "ru"))), `amount in "${history}"`)
    await screenshot(page, "account-ru")
    await switchTo(page, "en")
    await page.getByRole("heading", { level: 1, name: UI.en.accountTitle }).waitFor()
    await screenshot(page, "account-en")

    // The tariffs page marks the plan bought.
    await page.goto(url("/ru"))
    const card = page.getByRole("article", { name: "Стандарт", exact: true })
    assert.ok((await textOf(card)).includes(ui.yourPlan), "Standard is marked as the current tariff")
    assert.ok(!(await textOf(page.getByRole("article", { name: "Премиум", exact: true }))).includes(ui.yourPlan))
    await screenshot(page, "tariffs-ru-current")
  })
)

for (const [first, second] of [["ru", "en"], ["en", "ru"]]) {
  test(`an expired and an unknown code each get their message, /${first} then /${second}`, { timeout: TEST_TIMEOUT_MS }, () =>
    withPage(first, async (page) => {
      await register(page, first, { firstName: "Promo", email: uniqueEmail(`codes-${first}`) })
      await openCheckout(page, first, ...STANDARD_MONTHLY[first])

      await applyCode(page, first, "EXPIRED2024")
      assert.equal(await promoMessage(page, "error"), `${UI[first].expired("EXPIRED2024")}`)
      await assertTotal(page, first, 399)
      assert.equal(await page.getByLabel(UI[first].promoLabel, { exact: true }).getAttribute("aria-invalid"), "true")
      await screenshot(page, `checkout-${first}-expired`)

      // The other language shows the same refusal in its words (the code stays in the URL).
      await switchTo(page, second)
      await page.waitForURL((current) => current.pathname.startsWith(`/${second}/`))
      assert.equal(await promoMessage(page, "error"), `${UI[second].expired("EXPIRED2024")}`)

      const unknown = `NOPE${Date.now().toString(36).toUpperCase()}`
      await applyCode(page, second, unknown)
      const message = await promoMessage(page, "error")
      assert.ok(message.startsWith(UI[second].unknown(unknown)), `"${message}" says the code does not exist`)
      await assertTotal(page, second, 399)
      await screenshot(page, `checkout-${second}-unknown`)
    })
  )
}

test("removing the code restores the price", { timeout: TEST_TIMEOUT_MS }, () =>
  withPage("en", async (page) => {
    await register(page, "en", { firstName: "Undo", email: uniqueEmail("remove") })
    await openCheckout(page, "en", ...STANDARD_MONTHLY.en)
    // By keyboard: type the code (any case, stray spaces) and press Enter.
    await page.getByLabel(UI.en.promoLabel, { exact: true }).focus()
    await page.keyboard.type("welcome100 ")
    await page.keyboard.press("Enter")
    await page.waitForURL((current) => current.searchParams.get("code") === "welcome100")
    await assertTotal(page, "en", 299)
    await screenshot(page, "checkout-en-code")
    await page.getByRole("button", { name: UI.en.removeCode }).click()
    await page.waitForURL((current) => !current.searchParams.has("code"))
    await assertTotal(page, "en", 399)
    assert.equal(await summary(page, "en").locator("s").count(), 0, "nothing struck through")
    assert.equal(await page.getByLabel(UI.en.promoLabel, { exact: true }).inputValue(), "")
  })
)

test("a declined card shows the reason, and a retry with a success card goes through", { timeout: 90_000 }, () =>
  withPage("en", async (page) => {
    const ui = UI.en
    await register(page, "en", { firstName: "Retry", email: uniqueEmail("decline") })
    await openCheckout(page, "en", ...STANDARD_MONTHLY.en)
    await applyCode(page, "en", "WELCOME100")
    await assertTotal(page, "en", 299)

    await chooseCard(page, "en", "tok_declined")
    await pay(page, "en")
    const alert = page.getByRole("main").getByRole("alert")
    await alert.getByText(ui.declinedTitle).waitFor()
    const text = await textOf(alert)
    assert.ok(text.includes(ui.cardDeclined), `reason in "${text}"`)
    assert.ok(text.includes(ui.codeStillApplied("WELCOME100")), `code kept in "${text}"`)
    await assertTotal(page, "en", 299)
    await screenshot(page, "checkout-en-declined")

    await chooseCard(page, "en", "tok_success")
    await pay(page, "en", { again: true })
    await page.waitForURL(/\/en\/purchases\//)
    await page.getByRole("heading", { level: 1, name: ui.successTitle }).waitFor()
    const receipt = await textOf(page.getByRole("main"))
    assert.ok(receipt.includes(normalize(formatPrice(299, "en"))), `the code still applied: "${receipt}"`)

    await page.goto(url("/en/account"))
    const history = await textOf(page.getByRole("region", { name: "Purchase history" }))
    assert.ok(history.includes("Declined") && history.includes("Paid"), `both attempts in "${history}"`)
  })
)

test("a double click on the buy button buys once", { timeout: TEST_TIMEOUT_MS }, () =>
  withPage("ru", async (page) => {
    await register(page, "ru", { firstName: "Double", email: uniqueEmail("double") })
    await openCheckout(page, "ru", ...STANDARD_MONTHLY.ru)
    await page.getByRole("button", { name: UI.ru.pay }).dblclick()
    await page.waitForURL(/\/ru\/purchases\//)
    await page.goto(url("/ru/account"))
    const rows = page.getByRole("region", { name: "История покупок" }).getByRole("row")
    await rows.first().waitFor()
    assert.equal(await rows.count(), 2, "a header row and one purchase")
  })
)

test("the checkout is usable on a phone", { timeout: TEST_TIMEOUT_MS }, () =>
  withPage(
    "ru",
    async (page) => {
      await register(page, "ru", { firstName: "Phone", email: uniqueEmail("phone") })
      await openCheckout(page, "ru", ...STANDARD_MONTHLY.ru)
      await applyCode(page, "ru", "WELCOME100")
      await assertTotal(page, "ru", 299)
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      assert.ok(width <= PHONE.width, `no horizontal scrolling (page is ${width}px wide)`)
      await screenshot(page, "checkout-ru-phone")
    },
    { viewport: PHONE }
  )
)
