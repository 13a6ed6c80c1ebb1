// Browser test of the storefront's catalogue: `node --test e2e/` with the backend (seeded)
// and the storefront running. STOREFRONT_URL (default http://localhost:3000) says where the
// storefront is; CHROMIUM_PATH (default /usr/bin/chromium) which Chromium to drive.
// Screenshots go to artifacts/screenshots/ at the repository root.
import assert from "node:assert/strict"
import { test } from "node:test"
import {
  formatPrice,
  normalize,
  screenshot,
  STOREFRONT_URL,
  TEST_TIMEOUT_MS,
  useBrowser,
} from "./lib/browser.mjs"

// What the seed creates (backend/src/scripts/seed/data.ts); the default region is in RUB.
// Titles and descriptions come in the page's language (Medusa's Translation Module).
const TARIFFS = [
  {
    title: { ru: "Пробный", en: "Trial" },
    description: { ru: "7 дней всего каталога бесплатно.", en: "7 days of the whole catalogue for free." },
    amounts: [0],
    periods: { ru: ["7 дней"], en: ["7 days"] },
  },
  {
    title: { ru: "Стандарт", en: "Standard" },
    description: { ru: "Фильмы и сериалы в Full HD на двух экранах.", en: "Films and series in Full HD on two screens." },
    amounts: [399, 3990],
    periods: { ru: ["за месяц", "за год"], en: ["for a month", "for a year"] },
  },
  {
    title: { ru: "Премиум", en: "Premium" },
    description: {
      ru: "Всё в 4K HDR на четырёх экранах, премьеры включены.",
      en: "Everything in 4K HDR on four screens, premieres included.",
    },
    amounts: [699, 6990],
    periods: { ru: ["за месяц", "за год"], en: ["for a month", "for a year"] },
  },
]

const withPage = useBrowser()

const tariffCard = (page, title) => page.getByRole("article", { name: title, exact: true })

async function assertTariffsShown(page, locale) {
  for (const tariff of TARIFFS) {
    const title = tariff.title[locale]
    const card = tariffCard(page, title)
    await card.waitFor({ state: "visible" })
    const text = normalize(await card.innerText())
    assert.ok(text.includes(tariff.description[locale]), `${title} on /${locale}: description in "${text}"`)
    for (const amount of tariff.amounts) {
      const price = normalize(formatPrice(amount, locale))
      assert.ok(text.includes(price), `${title} on /${locale}: expected "${price}" in "${text}"`)
    }
    for (const period of tariff.periods[locale]) {
      assert.ok(text.includes(period), `${title} on /${locale}: expected "${period}" in "${text}"`)
    }
  }
}

test("Intl writes roubles the way the assertions expect", () => {
  // Guards the test itself: a Node without full ICU would format "RUB 399" for ru too.
  const ru = normalize(formatPrice(399, "ru"))
  assert.ok(ru.includes("399") && ru.includes("₽"), `ru formats 399 RUB as "${ru}"`)
  const en = normalize(formatPrice(399, "en"))
  assert.ok(en.includes("399") && en !== ru, `en formats 399 RUB as "${en}"`)
})

for (const locale of ["ru", "en"]) {
  test(`/${locale} lists the seeded tariffs with ${locale} prices`, { timeout: TEST_TIMEOUT_MS }, () =>
    withPage(locale, async (page) => {
      const response = await page.goto(`${STOREFRONT_URL}/${locale}`)
      assert.equal(response?.status(), 200)
      assert.equal(await page.locator("html").getAttribute("lang"), locale)
      await page.getByRole("heading", { level: 1 }).waitFor()

      await assertTariffsShown(page, locale)
      assert.equal(await page.getByRole("main").getByRole("alert").count(), 0, "no error message on the page")

      await screenshot(page, `storefront-${locale}`)
    })
  )
}

test("the RU/EN switch moves between /ru and /en", { timeout: TEST_TIMEOUT_MS }, () =>
  withPage("ru", async (page) => {
    await page.goto(`${STOREFRONT_URL}/ru`)
    const switcher = page.getByRole("navigation", { name: /язык|language/i })

    await switcher.getByRole("link", { name: "EN", exact: true }).click()
    await page.waitForURL(`${STOREFRONT_URL}/en`)
    await assertTariffsShown(page, "en")
    assert.equal(await page.locator("html").getAttribute("lang"), "en")

    await switcher.getByRole("link", { name: "RU", exact: true }).click()
    await page.waitForURL(`${STOREFRONT_URL}/ru`)
    await assertTariffsShown(page, "ru")
    assert.equal(await page.locator("html").getAttribute("lang"), "ru")
  })
)

test("the switch keeps the current path", { timeout: TEST_TIMEOUT_MS }, () =>
  withPage("ru", async (page) => {
    const response = await page.goto(`${STOREFRONT_URL}/ru/no-such-page`)
    assert.equal(response?.status(), 404)
    const switcher = page.getByRole("navigation", { name: /язык|language/i })
    await switcher.getByRole("link", { name: "EN", exact: true }).click()
    await page.waitForURL(`${STOREFRONT_URL}/en/no-such-page`)
    assert.equal(await page.locator("html").getAttribute("lang"), "en")
  })
)

test("the language picked last is kept: / opens it", { timeout: TEST_TIMEOUT_MS }, () =>
  withPage("ru", async (page) => {
    await page.goto(`${STOREFRONT_URL}/`)
    await page.waitForURL(`${STOREFRONT_URL}/ru`)
    await page
      .getByRole("navigation", { name: /язык|language/i })
      .getByRole("link", { name: "EN", exact: true })
      .click()
    await page.waitForURL(`${STOREFRONT_URL}/en`)

    await page.goto(`${STOREFRONT_URL}/`)
    await page.waitForURL(`${STOREFRONT_URL}/en`)
    assert.equal(await page.locator("html").getAttribute("lang"), "en")
  })
)
