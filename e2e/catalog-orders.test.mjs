// Browser test of issue 14's shopper and order polish: the catalog in the page's language,
// prices that fit their plan box on a phone in both languages, and tariff orders that read
// fulfilled and paid in the admin's Orders page (a free activation too). `node --test e2e/`
// with the backend (admin enabled, freshly seeded) and the storefront running; see
// lib/browser.mjs and lib/admin.mjs for the environment. Screenshots:
// artifacts/screenshots/tariffs-phone-{ru,en}.png, checkout-phone-ru.png, admin-orders-settled.png.
import assert from "node:assert/strict"
import { test } from "node:test"
import {
  ADMIN_TEST_TIMEOUT_MS,
  adminUrl,
  buyPlan,
  findPlan,
  registerCustomer,
  screenshot as adminScreenshot,
  signIn,
  uniqueEmail,
  useAdminBrowser,
} from "./lib/admin.mjs"
import { normalize, PHONE, screenshot, STOREFRONT_URL, TEST_TIMEOUT_MS, useBrowser } from "./lib/browser.mjs"
import { openCheckout, register, uniqueEmail as shopperEmail } from "./lib/shopper.mjs"

const withPage = useBrowser()
const newAdminPage = useAdminBrowser()

const TITLES = { ru: ["Пробный", "Стандарт", "Премиум"], en: ["Trial", "Standard", "Premium"] }

/**
 * Every plan box of the tariffs page with its price: the price's rendered width and right
 * edge against the box's inner width and right edge (padding excluded).
 */
async function measurePlanPrices(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("article ul > li")].map((box) => {
      const price = box.querySelector("p > span")
      const style = getComputedStyle(box)
      const boxRect = box.getBoundingClientRect()
      const innerRight = boxRect.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth)
      const innerWidth = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
      const range = document.createRange()
      range.selectNodeContents(price)
      const text = range.getBoundingClientRect()
      return {
        price: price.textContent,
        textWidth: text.width,
        boxWidth: innerWidth,
        overflowRight: text.right - innerRight,
      }
    })
  )
}

for (const locale of ["ru", "en"]) {
  test(`/${locale} on a phone (390×844): the catalog in ${locale}, every price inside its plan box`, { timeout: TEST_TIMEOUT_MS }, () =>
    withPage(
      locale,
      async (page) => {
        const response = await page.goto(`${STOREFRONT_URL}/${locale}`)
        assert.equal(response?.status(), 200)
        // the catalog streams in after the first bytes (allInnerTexts does not wait)
        await page.getByRole("article").first().waitFor()
        const headings = await page.getByRole("article").getByRole("heading", { level: 2 }).allInnerTexts()
        assert.deepEqual(headings.map(normalize), TITLES[locale])

        const boxes = await measurePlanPrices(page)
        assert.equal(boxes.length, 5, `five plan boxes, got ${JSON.stringify(boxes)}`)
        for (const box of boxes) {
          assert.ok(
            box.textWidth <= box.boxWidth && box.overflowRight <= 0.5,
            `"${box.price}" on /${locale}: ${box.textWidth.toFixed(1)} px of text in a ${box.boxWidth.toFixed(1)} px box ` +
              `(${box.overflowRight.toFixed(1)} px past its edge)`
          )
        }
        const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth)
        assert.ok(pageWidth <= PHONE.width, `the page scrolls sideways: ${pageWidth} px wide`)
        // the ruble sign in both languages, never the ISO code
        assert.ok(boxes.every((b) => b.price.includes("₽") && !b.price.includes("RUB")), JSON.stringify(boxes))
        await screenshot(page, `tariffs-phone-${locale}`)
      },
      { viewport: PHONE }
    )
  )
}

test("the checkout names the tariff in the page's language", { timeout: TEST_TIMEOUT_MS }, () =>
  withPage(
    "ru",
    async (page) => {
      await register(page, "ru", { firstName: "Зритель", email: shopperEmail("catalog-ru") })
      await openCheckout(page, "ru", "Стандарт", "за месяц")
      const main = normalize(await page.getByRole("main").innerText())
      assert.ok(main.includes("Стандарт"), `the Russian title in "${main}"`)
      assert.ok(!/\bStandard\b/.test(main), `an English title on /ru: "${main}"`)
      await screenshot(page, "checkout-phone-ru")
    },
    { viewport: PHONE }
  )
)

test("the admin's Orders page shows a tariff order and a free activation fulfilled and paid", { timeout: ADMIN_TEST_TIMEOUT_MS }, async () => {
  // The Orders list names a customer by name: a name of their own finds their row.
  const tag = Date.now().toString(36)
  const paid = { ...(await registerCustomer({ email: uniqueEmail("orders-paid"), firstName: "Paid", lastName: tag })), name: `Paid ${tag}` }
  const free = { ...(await registerCustomer({ email: uniqueEmail("orders-free"), firstName: "Free", lastName: tag })), name: `Free ${tag}` }
  const { plan } = await findPlan("Standard", "Monthly")
  await buyPlan(paid, plan.variant_id, "WELCOME100")
  await buyPlan(free, plan.variant_id, "FREEMONTH")

  const page = await newAdminPage()
  await signIn(page)
  for (const customer of [paid, free]) {
    // newest first: the orders just recorded are on the first page
    await page.goto(adminUrl("/orders"))
    // the order is recorded by a subscriber just after the purchase: reload until it shows
    const row = page.getByRole("row").filter({ hasText: customer.name })
    for (let attempt = 0; attempt < 10 && !(await row.count()); attempt++) {
      await page.waitForTimeout(1000)
      await page.reload()
    }
    await row.first().waitFor({ timeout: 60_000 })
    const text = normalize(await row.first().innerText())
    assert.ok(text.includes("Captured"), `payment status in "${text}"`)
    assert.ok(text.includes("Fulfilled") && !text.includes("Not fulfilled"), `fulfillment status in "${text}"`)
  }
  await page.goto(adminUrl("/orders"))
  await page.getByRole("row").filter({ hasText: free.name }).first().waitFor()
  await adminScreenshot(page, "orders-settled")
  assert.deepEqual(page.pageErrors, [])
})
