// Browser test of our admin pages in the admin user's language (issue 14): the
// admin picks Russian, and the promo code pages, the reports (promo codes, subscriptions) and the customer
// widget speak Russian, write dates, money and times the Russian way (times in
// the viewer's zone, named), and the customer widget sits in the side column,
// its tables inside it at 1366 px. Same environment as e2e/admin.test.mjs;
// screenshots in artifacts/screenshots/admin-ru-*.png.
import assert from "node:assert/strict"
import { test } from "node:test"
import {
  ADMIN_TEST_TIMEOUT_MS,
  BACKEND_URL,
  adminUrl,
  buyPlan,
  call,
  download,
  findPlan,
  parseCsv,
  pickLanguage,
  registerCustomer,
  screenshot,
  signIn,
  uniqueCode,
  uniqueEmail,
  useAdminBrowser,
} from "./lib/admin.mjs"

const newAdminPage = useAdminBrowser()

// "17:17 MSK": a time in the viewer's zone (Moscow here), with the zone's name
const TIME_WITH_ZONE = /\d{1,2}:\d{2} (MSK|GMT\+3)/
const RU_DATE = /\d{2}\.\d{2}\.\d{4}/

async function createCode(page, body) {
  const response = await page.request.post(`${BACKEND_URL}/admin/promocodes`, { data: body })
  assert.ok([200, 201].includes(response.status()), await response.text())
  return (await response.json()).promocode
}

test("admin in Russian: promo code pages, reports and customer widget", { timeout: 10 * 60_000 }, async (t) => {
  const page = await newAdminPage({
    locale: "ru-RU",
    timezoneId: "Europe/Moscow",
    viewport: { width: 1366, height: 900 },
  })
  const made = {}

  await t.test("the admin signs in, picks Russian, and a shopper makes some history", { timeout: ADMIN_TEST_TIMEOUT_MS }, async () => {
    await signIn(page)
    await pickLanguage(page, "ru")

    made.code = uniqueCode("RU")
    made.declinedCode = uniqueCode("RUD")
    made.promocode = await createCode(page, { code: made.code, type: "percentage", value: 10, usage_limit: 100 })
    await createCode(page, { code: made.declinedCode, type: "percentage", value: 5 })
    made.customer = await registerCustomer({ email: uniqueEmail("ru") })
    const { plan } = await findPlan("Standard", "Monthly")

    // a declined card: the reserved use of the code is given back with the reason
    const declined = await call("POST", "/store/purchases", {
      token: made.customer.token,
      headers: { "idempotency-key": uniqueCode("K") },
      body: { variant_id: plan.variant_id, promocode: made.declinedCode, payment: { token: "tok_declined" } },
    })
    assert.equal(declined.status, 402, declined.text)
    // a checkout page view with ?code=: counted, not journaled
    const preview = await call("POST", "/store/purchases/preview", {
      token: made.customer.token,
      body: { variant_id: plan.variant_id, promocode: made.code },
    })
    assert.equal(preview.status, 200, preview.text)
    await buyPlan(made.customer, plan.variant_id, made.code)
    // the same code again: refused, with its reason in the journal
    const again = await call("POST", "/store/purchases", {
      token: made.customer.token,
      headers: { "idempotency-key": uniqueCode("K") },
      body: { variant_id: plan.variant_id, promocode: made.code, payment: { token: "tok_success" } },
    })
    assert.equal(again.json?.code, "PROMOCODE_ALREADY_USED", again.text)
  })

  await t.test("the list speaks Russian", { timeout: ADMIN_TEST_TIMEOUT_MS }, async () => {
    await page.goto(adminUrl("/promocodes"))
    await page.getByRole("heading", { level: 1, name: "Промокоды" }).waitFor({ timeout: 60_000 })
    const sidebar = page.getByRole("navigation").filter({ has: page.getByRole("link", { name: "Заказы" }) })
    assert.equal(await sidebar.getByRole("link", { name: "Промокоды", exact: true }).count(), 1, "sidebar link")
    for (const header of ["Код", "Вид", "Значение", "Статус", "Создан"]) {
      await page.getByRole("columnheader", { name: header, exact: true }).first().waitFor()
    }
    await page.getByPlaceholder("Поиск кодов").fill(made.code)
    const row = page.getByRole("row").filter({ hasText: made.code })
    await row.waitFor()
    const text = await row.innerText()
    assert.match(text, /Процент/)
    assert.match(text, /Активен/)
    assert.match(text, /1 \/ 100/)
    assert.match(text, RU_DATE, "the date in the Russian format")
    await screenshot(page, "ru-list")
  })

  await t.test("a code's page: journal with reasons as sentences and times with the zone", { timeout: ADMIN_TEST_TIMEOUT_MS }, async () => {
    await page.goto(adminUrl(`/promocodes/${made.promocode.id}`))
    await page.getByRole("heading", { level: 1, name: new RegExp(made.code) }).waitFor()
    await page.getByRole("heading", { name: "Журнал использования" }).waitFor()
    const journal = page.getByRole("row").filter({ hasText: made.customer.email })
    await journal.filter({ hasText: "Использован" }).first().waitFor()
    const rejected = journal.filter({ hasText: "Отклонён" }).first()
    assert.match(await rejected.innerText(), /Клиент уже использовал этот промокод\./)
    assert.match(await rejected.innerText(), TIME_WITH_ZONE)
    // no journal row for the page view: it is a number on the code
    assert.equal(await journal.filter({ hasText: "Проверен" }).count(), 0, "no journal row for a view")
    const views = page.getByText("Проверок на оформлении (за всё время)").locator("xpath=..")
    assert.match(await views.innerText(), /\b1\b/)
    await screenshot(page, "ru-detail")
  })

  await t.test("the report: numbers, money with its currency, views", { timeout: ADMIN_TEST_TIMEOUT_MS }, async () => {
    await page.goto(adminUrl("/promocodes/report"))
    await page.getByRole("heading", { level: 1, name: "Отчёт по промокодам" }).waitFor()
    const stat = (id) => page.locator(`[data-stat="${id}"]`)
    await stat("attempts").waitFor()
    assert.match(await stat("discount_given").innerText(), /₽/, "discount given with its currency")
    assert.ok(Number((await stat("views").innerText()).replace(/\s/g, "")) >= 1, "views counted")
    const top = page.getByRole("table", { name: "Лучшие коды" }).getByRole("row").filter({ hasText: made.code })
    await top.waitFor()
    const cells = await top.getByRole("cell").allInnerTexts()
    assert.match(cells.at(-1), /₽/, "revenue with its currency")
    await page.getByRole("button", { name: "Последние 7 дней" }).waitFor()
    await screenshot(page, "ru-report")
  })

  await t.test("the subscription report: a tab of the report, charts in Russian, MRR in rubles", { timeout: ADMIN_TEST_TIMEOUT_MS }, async () => {
    await page.getByRole("navigation", { name: "Отчёты" }).getByRole("link", { name: "Подписки" }).click()
    await page.getByRole("heading", { level: 1, name: "Отчёт о подписках" }).waitFor()
    const live = page.locator('[data-stat="live"]')
    await live.waitFor()
    assert.ok(Number((await live.innerText()).replace(/\s/g, "")) >= 1, "the shopper's subscription is live")
    assert.match(await page.locator('[data-stat="mrr"]').innerText(), /₽/, "MRR with its currency")
    const statuses = page.getByRole("img", { name: /^Подписчики по статусам/ })
    assert.match(await statuses.getAttribute("aria-label"), /Активна: [1-9]/)
    assert.match(await page.getByTestId("mrr-chart").getAttribute("aria-label"), /₽/)
    await page.getByTestId("success-chart").waitFor()
    await page.getByTestId("churn-chart").waitFor()
    await page.getByRole("button", { name: "Месяц" }).click()
    await page.waitForURL(/interval=month/)
    await page.getByRole("button", { name: "Месяц", pressed: true }).waitFor()
    await screenshot(page, "ru-subscription-report")
  })

  await t.test("validation names the refusal in Russian", { timeout: ADMIN_TEST_TIMEOUT_MS }, async () => {
    await page.goto(adminUrl("/promocodes/validate"))
    await page.getByRole("heading", { level: 1, name: "Проверка промокода" }).waitFor()
    await page.getByLabel("Код", { exact: true }).fill("expired2024")
    await page.getByRole("button", { name: "Проверить" }).click()
    await page
      .getByRole("status")
      .filter({ hasText: "Будет отклонён: Срок действия промокода истёк." })
      .waitFor()
    await screenshot(page, "ru-validate")
  })

  await t.test("the customer widget: first thing in the side column, in Russian, inside its column", { timeout: ADMIN_TEST_TIMEOUT_MS }, async () => {
    await page.goto(adminUrl(`/customers/${made.customer.id}`))
    const widget = page.getByRole("region", { name: "Подписка и промокоды" })
    await widget.getByTestId("current-subscription").getByText("Активна").waitFor()
    const purchases = widget.getByRole("table", { name: "Покупки" })
    const failed = purchases.getByRole("row").filter({ hasText: "Не удалась" })
    await failed.waitFor()
    assert.match(await failed.innerText(), /Карта отклонена\./)
    const history = widget.getByRole("table", { name: "История промокодов" })
    const released = history.getByRole("row").filter({ hasText: made.declinedCode }).filter({ hasText: "Возвращён" })
    assert.match(await released.innerText(), /Покупка не состоялась: карта отклонена\./)
    assert.match(await released.innerText(), TIME_WITH_ZONE)

    // where an admin looks first: on the first screen, beside the customer's details
    const box = await widget.boundingBox()
    const general = await page.getByRole("heading", { level: 1 }).first().boundingBox()
    assert.ok(box.y < 900, `the widget starts on the first screen (at ${box.y}px)`)
    assert.ok(box.x > general.x + 300, "the widget is in the side column")
    // nothing wider than the column
    const overflow = await widget.evaluate((root) =>
      [root, ...root.querySelectorAll("table")]
        .map((el) => {
          const box = el === root ? el : el.parentElement
          return { tag: el.tagName, scroll: el.scrollWidth, width: box.clientWidth }
        })
        .filter(({ scroll, width }) => scroll > width + 1)
    )
    assert.deepEqual(overflow, [], "no table wider than the widget's column")
    await screenshot(page, "ru-customer")
  })

  await t.test("the subscriptions page speaks Russian", { timeout: ADMIN_TEST_TIMEOUT_MS }, async () => {
    await page.goto(adminUrl("/subscriptions"))
    await page.getByRole("heading", { level: 1, name: "Подписки" }).waitFor()
    const sidebar = page.getByRole("navigation").filter({ has: page.getByRole("link", { name: "Заказы" }) })
    assert.equal(await sidebar.getByRole("link", { name: "Подписки", exact: true }).count(), 1, "sidebar link")
    await page.getByRole("columnheader", { name: "Текущий период" }).waitFor()
    const row = page.getByRole("row").filter({ hasText: made.customer.email })
    await row.waitFor()
    const text = await row.innerText()
    assert.match(text, /Активна/)
    assert.match(text, RU_DATE, "the period in the Russian date format")
    await screenshot(page, "ru-subscriptions")
  })

  await t.test("back to English: the same pages in English", { timeout: ADMIN_TEST_TIMEOUT_MS }, async () => {
    await pickLanguage(page, "en")
    await page.goto(adminUrl("/promocodes/report"))
    await page.getByRole("heading", { level: 1, name: "Promo code report" }).waitFor()
    assert.match(await page.locator('[data-stat="discount_given"]').innerText(), /₽/)

    await page.goto(adminUrl("/promocodes/report/subscriptions?interval=week"))
    await page.getByRole("heading", { level: 1, name: "Subscription report" }).waitFor()
    await page.getByRole("img", { name: /^Subscribers by status/ }).waitFor()
    assert.match(await page.getByTestId("mrr-chart").getAttribute("aria-label"), /₽/)
    await page.getByRole("button", { name: "Week", pressed: true }).waitFor()
    const csv = parseCsv(await download(page, page.getByRole("link", { name: "Export CSV" }))).filter((row) => row.length > 1)
    assert.deepEqual(csv[0], [
      "start",
      "trialing",
      "active",
      "past_due",
      "mrr_rub",
      "renewal_attempts",
      "renewals_paid",
      "renewal_success_rate",
      "live_at_start",
      "ended",
      "churn_rate",
    ])
    assert.ok(csv.length >= 2, "a row per week")
    const thisWeek = csv.at(-1)
    assert.ok(Number(thisWeek[1]) + Number(thisWeek[2]) + Number(thisWeek[3]) >= 1, "live subscribers this week")
    await screenshot(page, "en-subscription-report")
  })

  assert.deepEqual(page.pageErrors, [], "no uncaught error in the admin")
})
