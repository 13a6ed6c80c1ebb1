// Renewals as a shopper sees them (issue 12, README "Renewals"): the account page shows the
// next charge (date and amount) and the saved card (brand, last 4); after a declined renewal
// a past-due banner with "update card", and the renewal history with the decline reason as a
// sentence; a new card chosen on the page is charged at once and the subscription is active
// again. The checkout: a paid plan renews automatically by default ("renews on <date> for
// <amount>"), off saves no card; the Trial says which paid plan it becomes and when, and is
// activated with a card and that plan. In Russian and English. The purchase and the renewal pass go through the API: the
// pass runs as of the period end (POST /admin/subscriptions/renewals/run { as_of }), which
// needs the backend's SUBSCRIPTION_TEST_CLOCK=true (scripts/test.mjs sets it for e2e).
import assert from "node:assert/strict"
import { randomBytes } from "node:crypto"
import { test } from "node:test"
import { ADMIN_EMAIL, ADMIN_PASSWORD, call, findPlan, registerCustomer } from "./lib/admin.mjs"
import { formatPrice, normalize, screenshot, STOREFRONT_URL, textOf, useBrowser } from "./lib/browser.mjs"
import { uniqueEmail, url } from "./lib/shopper.mjs"

const withPage = useBrowser()

const TIMEOUT_MS = 180_000
/** The storefront shows dates in the cinema's time zone (storefront/src/i18n/request.ts). */
const STORE_TIME_ZONE = "Europe/Moscow"

/** What the shopper reads, per language (storefront/messages/*.json). */
const UI = {
  ru: {
    nextCharge: (amount, date) => `Следующее списание ${date}: ${amount}`,
    card: (brand, last4) => `Карта: ${brand} •••• ${last4}`,
    pastDue: "Просрочен платёж",
    updateCard: "Обновить карту",
    renewsPass: "Продления проходят",
    saveCard: "Сохранить карту",
    renewals: "Продления",
    failed: (amount) => `Продление за ${amount} не прошло.`,
    declined: "Банк отклонил карту.",
    paid: (amount, date) => `Продлено за ${amount} до ${date}.`,
    standardMonthly: "Стандарт за месяц",
    autoRenew: "Продлевать автоматически с этой карты",
    renewsOn: (date, amount) => `Продлится ${date} за ${amount}, отменить можно в любой момент.`,
    endsOn: (date) => `Закончится ${date}, больше ничего не спишем.`,
    trialConverts: (plan, date, amount) =>
      `${date} пробный период сменится на ${plan} за ${amount} с оплатой с карты, если вы не отмените его раньше.`,
    pay: /^Оплатить /,
    activate: "Подключить бесплатно",
  },
  en: {
    nextCharge: (amount, date) => `Next charge on ${date}: ${amount}`,
    card: (brand, last4) => `Card: ${brand} •••• ${last4}`,
    pastDue: "Payment overdue",
    updateCard: "Update card",
    renewsPass: "Renewals pass",
    saveCard: "Save card",
    renewals: "Renewals",
    failed: (amount) => `Renewal for ${amount} failed.`,
    declined: "The bank declined the card.",
    paid: (amount, date) => `Renewed for ${amount} until ${date}.`,
    standardMonthly: "Standard for a month",
    autoRenew: "Renew automatically with this card",
    renewsOn: (date, amount) => `Renews on ${date} for ${amount}, cancel any time.`,
    endsOn: (date) => `Ends on ${date}; nothing more is charged.`,
    trialConverts: (plan, date, amount) =>
      `On ${date} the trial becomes ${plan} for ${amount}, charged to the card, unless you cancel before.`,
    pay: /^Pay /,
    activate: "Activate for free",
  },
}

const longDate = (iso, locale) =>
  normalize(new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: STORE_TIME_ZONE }).format(new Date(iso)))

async function adminToken() {
  const { status, json, text } = await call("POST", "/auth/user/emailpass", {
    body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
  })
  assert.equal(status, 200, `admin sign-in: ${status} ${text}`)
  return json.token
}

async function subscriptionOf(customer) {
  const { status, json, text } = await call("GET", "/store/subscriptions", { token: customer.token })
  assert.equal(status, 200, `GET /store/subscriptions: ${status} ${text}`)
  return json.subscriptions[0]
}

/** The brand as the card line writes it: "visa" → "Visa". */
const brandName = (brand) => brand.charAt(0).toUpperCase() + brand.slice(1)

/** `from` plus whole months, a day past the month's end clamped (as the backend counts). */
function addMonths(from, months) {
  const index = from.getUTCFullYear() * 12 + from.getUTCMonth() + months
  const year = Math.floor(index / 12)
  const month = index - year * 12
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  const result = new Date(from.getTime())
  result.setUTCFullYear(year, month, Math.min(from.getUTCDate(), last))
  return result
}

/** A new customer with nothing bought, signed in in this browser context. */
async function newCustomer(page, locale) {
  const customer = await registerCustomer({ email: uniqueEmail(`renew-co-${locale}`), firstName: "Check", lastName: "Out" })
  await page.context().addCookies([
    { name: "_cinema_jwt", value: customer.token, url: STOREFRONT_URL, httpOnly: true, sameSite: "Lax" },
  ])
  return customer
}

/** A customer with Standard monthly bought over the API with `card`, signed in in this browser context. */
async function subscriber(page, locale, card) {
  const customer = await registerCustomer({ email: uniqueEmail(`renew-${locale}`), firstName: "Re", lastName: "Newer" })
  const { plan } = await findPlan("Standard", "Monthly")
  const bought = await call("POST", "/store/purchases", {
    token: customer.token,
    headers: { "idempotency-key": randomBytes(8).toString("hex") },
    body: { variant_id: plan.variant_id, payment: { token: card } },
  })
  assert.equal(bought.status, 201, `POST /store/purchases: ${bought.status} ${bought.text}`)
  await page.context().addCookies([
    { name: "_cinema_jwt", value: customer.token, url: STOREFRONT_URL, httpOnly: true, sameSite: "Lax" },
  ])
  return customer
}

for (const locale of ["ru", "en"]) {
  const ui = UI[locale]

  test(`the account shows the next charge and card; a declined renewal: past-due banner, history, update card (${locale})`, { timeout: TIMEOUT_MS }, () =>
    withPage(locale, async (page) => {
      const customer = await subscriber(page, locale, "tok_renewal_declined")
      const before = await subscriptionOf(customer)
      assert.ok(before.payment_method, `the card is saved: ${JSON.stringify(before)}`)
      assert.ok(before.next_charge, `a next charge: ${JSON.stringify(before)}`)
      const amount = normalize(formatPrice(before.next_charge.amount, locale, before.next_charge.currency_code.toUpperCase()))

      // active: next charge and card
      await page.goto(url(`/${locale}/account`))
      const panel = page.getByRole("region", { name: locale === "ru" ? "Подписка" : "Subscription" })
      const active = await textOf(panel)
      assert.ok(active.includes(ui.nextCharge(amount, longDate(before.next_charge.at, locale))), `next charge in: "${active}"`)
      const { brand, last4 } = before.payment_method
      assert.match(last4, /^\d{4}$/)
      assert.ok(active.includes(ui.card(brandName(brand), last4)), `card in: "${active}"`)
      assert.equal(await page.getByRole("alert").filter({ hasText: ui.pastDue }).count(), 0, "no past-due banner yet")
      assert.equal(await page.getByRole("region", { name: ui.renewals }).count(), 0, "no renewals yet")
      await screenshot(page, `renewals-account-active-${locale}`)

      // the renewal pass at the period end: the card declines
      const asOf = new Date(Date.parse(before.current_period_end) + 60_000).toISOString()
      const run = await call("POST", "/admin/subscriptions/renewals/run", { token: await adminToken(), body: { as_of: asOf } })
      assert.equal(run.status, 200, `renewal pass: ${run.status} ${run.text} (needs SUBSCRIPTION_TEST_CLOCK=true)`)
      const pastDue = await subscriptionOf(customer)
      assert.equal(pastDue.status, "past_due")

      await page.reload()
      const banner = page.getByRole("alert").filter({ hasText: ui.pastDue })
      await banner.waitFor()
      const history = page.getByRole("region", { name: ui.renewals })
      const declined = await textOf(history)
      assert.ok(declined.includes(ui.failed(amount)), `failed renewal in: "${declined}"`)
      assert.ok(declined.includes(ui.declined), `the reason as a sentence in: "${declined}"`)
      await screenshot(page, `renewals-account-past-due-${locale}`)

      // a new card: charged at once, the subscription active again
      await banner.getByRole("button", { name: ui.updateCard }).click()
      await page.getByRole("radio", { name: ui.renewsPass }).check()
      await page.getByRole("button", { name: ui.saveCard }).click()
      await banner.waitFor({ state: "detached" })
      const after = await subscriptionOf(customer)
      assert.equal(after.status, "active")
      assert.notEqual(after.payment_method.id, before.payment_method.id, "the card was replaced")
      const renewed = await textOf(history)
      assert.ok(
        renewed.includes(ui.paid(amount, longDate(after.current_period_end, locale))),
        `paid renewal in: "${renewed}"`
      )
      assert.ok(renewed.includes(ui.declined), `the declined attempt stays in: "${renewed}"`)
      const panelAfter = await textOf(panel)
      assert.ok(panelAfter.includes(ui.card(brandName(after.payment_method.brand), after.payment_method.last4)), `new card in: "${panelAfter}"`)
      await screenshot(page, `renewals-account-recovered-${locale}`)
    })
  )
}

for (const locale of ["ru", "en"]) {
  const ui = UI[locale]

  test(`checkout: a paid plan renews automatically by default, says when and for how much; off means no card saved (${locale})`, { timeout: TIMEOUT_MS }, () =>
    withPage(locale, async (page) => {
      const customer = await newCustomer(page, locale)
      const { plan } = await findPlan("Standard", "Monthly")
      await page.goto(url(`/${locale}/checkout/${plan.variant_id}`))
      const amount = normalize(formatPrice(plan.price.amount, locale, plan.price.currency_code.toUpperCase()))
      const date = longDate(addMonths(new Date(), 1).toISOString(), locale)
      const toggle = page.getByRole("checkbox", { name: ui.autoRenew })
      assert.equal(await toggle.isChecked(), true, "auto-renew is on by default")
      const main = page.getByRole("main")
      assert.ok((await textOf(main)).includes(ui.renewsOn(date, amount)), `the renewal terms in: "${await textOf(main)}"`)
      await screenshot(page, `renewals-checkout-auto-renew-${locale}`)

      await toggle.uncheck()
      assert.ok((await textOf(main)).includes(ui.endsOn(date)), `the end without renewal in: "${await textOf(main)}"`)
      await page.getByRole("button", { name: ui.pay }).click()
      await page.waitForURL(/\/purchases\//)
      const subscription = await subscriptionOf(customer)
      assert.equal(subscription.auto_renew, false)
      assert.equal(subscription.payment_method, null, "no card saved")
      assert.equal(subscription.next_charge, null, "nothing will be charged")
    })
  )

  test(`checkout: the Trial says which paid plan it converts to and when; activated with a card it is set up to (${locale})`, { timeout: TIMEOUT_MS }, () =>
    withPage(locale, async (page) => {
      const customer = await newCustomer(page, locale)
      const { plan: trial } = await findPlan("Trial", "7 days")
      const { plan: standard } = await findPlan("Standard", "Monthly")
      await page.goto(url(`/${locale}/checkout/${trial.variant_id}`))
      const amount = normalize(formatPrice(standard.price.amount, locale, standard.price.currency_code.toUpperCase()))
      const date = longDate(new Date(Date.now() + 7 * 24 * 60 * 60 * 1000).toISOString(), locale)
      const main = page.getByRole("main")
      // the checkout streams in behind a loading state: read it once the button is there
      await page.getByRole("button", { name: ui.activate }).waitFor()
      const text = await textOf(main)
      assert.ok(text.includes(ui.trialConverts(ui.standardMonthly, date, amount)), `the conversion in: "${text}"`)
      await screenshot(page, `renewals-checkout-trial-${locale}`)

      await page.getByRole("button", { name: ui.activate }).click()
      await page.waitForURL(/\/purchases\//)
      const subscription = await subscriptionOf(customer)
      assert.equal(subscription.status, "trialing")
      assert.ok(subscription.payment_method, `the card is saved: ${JSON.stringify(subscription)}`)
      assert.equal(subscription.convert_to_variant_id, standard.variant_id, "converts to Standard monthly")
    })
  )
}
