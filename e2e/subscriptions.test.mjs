// The subscription lifecycle as a shopper sees it (issue 11, docs/ARCHITECTURE.md "Subscription
// lifecycle"): an upgrade shows the credit for unused time and what is charged now; a
// cheaper plan is scheduled for the period end with nothing charged; cancel (confirmed,
// with the day access ends) and resume; a Trial once, then shown unavailable with the
// reason; a promo code on an upgrade takes its share of the charge, not of the price. Each
// in Russian and English, on a desktop and on a phone. The customer and the
// plan they already have are made over the store API; the cookie the storefront's sign-in
// would set carries the same token.
import assert from "node:assert/strict"
import { test } from "node:test"
import { buyPlan, registerCustomer, storeTariffs, BACKEND_URL, PUBLISHABLE_KEY } from "./lib/admin.mjs"
import { formatPrice, normalize, PHONE, screenshot, STOREFRONT_URL, textOf, useBrowser } from "./lib/browser.mjs"
import { applyCode, uniqueEmail, url } from "./lib/shopper.mjs"

const withPage = useBrowser()

const DESKTOP = { width: 1366, height: 900 }
const TIMEOUT_MS = 120_000
/** The storefront shows dates in the cinema's time zone (storefront/src/i18n/request.ts). */
const STORE_TIME_ZONE = "Europe/Moscow"

/** What the shopper reads, per language (storefront/messages/*.json). */
const UI = {
  ru: {
    // tariff titles as the catalog shows them on /ru (Medusa's Translation Module)
    title: { Trial: "Пробный", Standard: "Стандарт", Premium: "Премиум" },
    month: "за месяц",
    upgradeLink: (title) => `Повысить до ${title} за месяц`,
    switchLink: (title) => `Перейти на ${title} за месяц`,
    chooseLink: (title, period) => `Выбрать ${title} ${period}`,
    trialPeriod: "за 7 дней",
    summary: "Ваш заказ",
    credit: "Зачёт неиспользованного времени",
    discountWithCode: (code) => `Скидка (${code})`,
    chargedNow: "Списываем сейчас",
    total: "Итого",
    upgradeNote: "Вступает в силу сразу",
    scheduledNote: (date) => `Запланировано на ${date}, сейчас ничего не списываем.`,
    switchFrom: (date) => `С ${date}, когда закончится текущий период`,
    schedule: "Запланировать переход",
    pay: /^Оплатить /,
    activate: "Подключить бесплатно",
    paidTitle: "Оплата прошла",
    activatedTitle: "Активировано",
    kindUpgrade: "Повышение",
    subscription: "Подписка",
    history: "История покупок",
    activated: "Активировано",
    paid: "Оплачено",
    scheduledChange: (date) => `Премиум до ${date}, затем Стандарт`,
    activeUntil: (date) => `Действует до ${date}`,
    trialUntil: (date) => `Пробный период до ${date}`,
    cancel: "Отменить подписку",
    cancelTitle: "Отменить подписку?",
    cancelText: (date) => `Доступ сохранится до ${date}, затем подписка закончится`,
    cancelConfirm: "Да, отменить",
    canceledUntil: (date) => `Отменена: доступ до ${date}`,
    resume: "Возобновить подписку",
    extend: "Продлить",
    yourPlan: "Ваш тариф",
    currentPlan: "Текущий тариф",
    unavailable: "Недоступно",
    trialUsed: "Вы уже воспользовались пробным периодом.",
    hadPaidPlan: "Пробный период — для новых подписчиков, а у вашего аккаунта уже был платный тариф.",
    trialUnavailableTitle: "Пробный период недоступен",
    paymentSuccessful: "Оплата прошла",
  },
  en: {
    title: { Trial: "Trial", Standard: "Standard", Premium: "Premium" },
    month: "for a month",
    upgradeLink: (title) => `Upgrade to ${title} for a month`,
    switchLink: (title) => `Switch to ${title} for a month`,
    chooseLink: (title, period) => `Choose ${title} ${period}`,
    trialPeriod: "for 7 days",
    summary: "Your order",
    credit: "Credit for unused time",
    discountWithCode: (code) => `Discount (${code})`,
    chargedNow: "Charged now",
    total: "Total",
    upgradeNote: "Takes effect now",
    scheduledNote: (date) => `Scheduled for ${date}, nothing charged now.`,
    switchFrom: (date) => `From ${date}, when your current period ends`,
    schedule: "Schedule the switch",
    pay: /^Pay /,
    activate: "Activate for free",
    paidTitle: "Payment successful",
    activatedTitle: "Activated",
    kindUpgrade: "Upgrade",
    subscription: "Subscription",
    history: "Purchase history",
    activated: "Activated",
    paid: "Paid",
    scheduledChange: (date) => `Premium until ${date}, then Standard`,
    activeUntil: (date) => `Active until ${date}`,
    trialUntil: (date) => `Free trial until ${date}`,
    cancel: "Cancel subscription",
    cancelTitle: "Cancel the subscription?",
    cancelText: (date) => `Your access lasts until ${date}, then the subscription ends`,
    cancelConfirm: "Yes, cancel",
    canceledUntil: (date) => `Cancelled: access until ${date}`,
    resume: "Resume subscription",
    extend: "Extend",
    yourPlan: "Your plan",
    currentPlan: "Current plan",
    unavailable: "Not available",
    trialUsed: "You have already used your free trial.",
    hadPaidPlan: "The free trial is for new subscribers, and your account has had a paid plan.",
    trialUnavailableTitle: "The free trial is not available",
    paymentSuccessful: "Payment successful",
  },
}

const RUNS = [
  { locale: "ru", device: "desktop", viewport: DESKTOP },
  { locale: "en", device: "desktop", viewport: DESKTOP },
  { locale: "ru", device: "phone", viewport: PHONE },
  { locale: "en", device: "phone", viewport: PHONE },
]

// ── helpers ────────────────────────────────────────────────────────────────────────────

/** A date as the storefront writes it (next-intl's dateTime with the store's time zone). */
const day = (iso, locale, dateStyle) =>
  new Intl.DateTimeFormat(locale, { dateStyle, timeZone: STORE_TIME_ZONE }).format(new Date(iso))

/** "398,99 ₽" / "RUB 398.99" → 398.99. */
function parseMoney(text, locale) {
  const compact = normalize(text).replace(/\s/g, "")
  const plain = locale === "ru" ? compact.replace(/,/g, ".") : compact.replace(/,/g, "")
  const match = plain.match(/\d+(\.\d+)?/)
  assert.ok(match, `no amount in "${text}"`)
  return Number(match[0])
}

/** The seeded plans by tariff and interval: `plans.Standard.month.variant_id`. */
async function seededPlans() {
  const plans = {}
  for (const tariff of await storeTariffs()) {
    plans[tariff.title] = Object.fromEntries(tariff.plans.map((p) => [p.interval === "day" ? "trial" : p.interval, p]))
  }
  return plans
}

async function storeGet(path, token) {
  const response = await fetch(`${BACKEND_URL}${path}`, {
    headers: { "x-publishable-api-key": PUBLISHABLE_KEY, authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(30_000),
  })
  assert.equal(response.status, 200, `GET ${path}: ${response.status}`)
  return response.json()
}

/** The customer's live subscription, from the store API. */
async function liveSubscription(customer) {
  const { subscriptions } = await storeGet("/store/subscriptions", customer.token)
  const live = subscriptions.filter((s) => ["trialing", "active", "past_due"].includes(s.status))
  assert.equal(live.length, 1, `one live subscription: ${JSON.stringify(subscriptions)}`)
  return live[0]
}

/** A new customer over the API, signed in in this browser context (the storefront's cookie). */
async function signedInCustomer(page, tag) {
  const customer = await registerCustomer({ email: uniqueEmail(`subs-${tag}`), firstName: "Sub", lastName: "Scriber" })
  await page.context().addCookies([
    { name: "_cinema_jwt", value: customer.token, url: STOREFRONT_URL, httpOnly: true, sameSite: "Lax" },
  ])
  return customer
}

const card = (page, title) => page.getByRole("article", { name: title, exact: true })
const summaryOf = (page, locale) => page.getByRole("region", { name: UI[locale].summary })

async function assertNoHorizontalScroll(page, viewport) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= viewport.width, `no horizontal scrolling (page is ${width}px wide, viewport ${viewport.width})`)
}

// ── tests ──────────────────────────────────────────────────────────────────────────────

for (const { locale, device, viewport } of RUNS) {
  const ui = UI[locale]
  const name = `${locale}-${device}`

  test(`upgrade Standard → Premium shows the credit, the charge and that it starts now (${name})`, { timeout: TIMEOUT_MS }, () =>
    withPage(
      locale,
      async (page) => {
        const plans = await seededPlans()
        const customer = await signedInCustomer(page, `upgrade-${name}`)
        await buyPlan(customer, plans.Standard.month.variant_id)

        await page.goto(url(`/${locale}`))
        // A paid plan rules out the Trial, and the card says why.
        const trial = await textOf(card(page, ui.title.Trial))
        assert.ok(trial.includes(ui.unavailable) && trial.includes(ui.hadPaidPlan), `"${trial}"`)
        const premium = card(page, ui.title.Premium)
        await premium.getByRole("link", { name: ui.upgradeLink(ui.title.Premium), exact: true }).click()
        await page.waitForURL(/\/checkout\//)
        const summary = summaryOf(page, locale)
        await summary.waitFor()

        const credit = summary.getByRole("definition").filter({ hasText: "−" }).first()
        const creditLine = await textOf(summary.locator("div").filter({ hasText: ui.credit }).last())
        const creditAmount = parseMoney(creditLine.replace(ui.credit, ""), locale)
        assert.ok(creditAmount > 0 && creditAmount < 399, `a credit for the unused Standard month: "${creditLine}"`)
        assert.ok(normalize(await credit.innerText()).startsWith("−"), "the credit is taken off")
        const chargeLine = await textOf(summary.locator("div").filter({ hasText: ui.chargedNow }).last())
        const charge = parseMoney(chargeLine.replace(ui.chargedNow, ""), locale)
        assert.ok(
          Math.abs(creditAmount + charge - 699) < 0.005,
          `credit ${creditAmount} + charged now ${charge} make Premium's 699 ("${creditLine}", "${chargeLine}")`
        )
        const note = await textOf(summary.getByRole("note"))
        assert.ok(note.startsWith(ui.upgradeNote), `when it takes effect: "${note}"`)

        // A promo code applies to what is charged now, after the credit.
        await applyCode(page, locale, "SALE10")
        await summary.getByText(ui.discountWithCode("SALE10")).waitFor()
        const discountLine = await textOf(summary.locator("div").filter({ hasText: ui.discountWithCode("SALE10") }).last())
        const discount = parseMoney(discountLine.replace(ui.discountWithCode("SALE10"), ""), locale)
        const chargedLine = await textOf(summary.locator("div").filter({ hasText: ui.chargedNow }).last())
        const charged = parseMoney(chargedLine.replace(ui.chargedNow, ""), locale)
        const credited = parseMoney(
          (await textOf(summary.locator("div").filter({ hasText: ui.credit }).last())).replace(ui.credit, ""),
          locale
        )
        assert.ok(Math.abs(discount - (699 - credited) / 10) < 0.011, `10 % of ${699 - credited}, not of 699: "${discountLine}"`)
        assert.ok(Math.abs(credited + discount + charged - 699) < 0.005, `credit + discount + charge = 699 ("${chargedLine}")`)
        await assertNoHorizontalScroll(page, viewport)
        await screenshot(page, `subs-upgrade-checkout-${name}`)

        await page.getByRole("button", { name: ui.pay }).click()
        await page.waitForURL(/\/purchases\//)
        await page.getByRole("heading", { level: 1, name: ui.paidTitle }).waitFor()
        const receipt = await textOf(page.getByRole("main"))
        assert.ok(receipt.includes(ui.kindUpgrade), `the receipt says it was an upgrade: "${receipt}"`)
        await screenshot(page, `subs-upgrade-result-${name}`)

        const live = await liveSubscription(customer)
        assert.equal(live.variant_id, plans.Premium.month.variant_id, "Premium now")
        await page.goto(url(`/${locale}/account`))
        const panel = await textOf(page.getByRole("region", { name: ui.subscription }))
        assert.ok(panel.includes(ui.title.Premium), `Premium on the account: "${panel}"`)
      },
      { viewport }
    )
  )

  test(`a cheaper plan is scheduled for the period end, nothing charged, and the account says so (${name})`, { timeout: TIMEOUT_MS }, () =>
    withPage(
      locale,
      async (page) => {
        const plans = await seededPlans()
        const customer = await signedInCustomer(page, `downgrade-${name}`)
        await buyPlan(customer, plans.Premium.month.variant_id)
        const before = await liveSubscription(customer)
        const endMedium = day(before.current_period_end, locale, "medium")
        const endLong = day(before.current_period_end, locale, "long")

        await page.goto(url(`/${locale}`))
        const standard = card(page, ui.title.Standard)
        assert.ok((await textOf(standard)).includes(ui.switchFrom(endMedium)), "the card says when the switch happens")
        await standard.getByRole("link", { name: ui.switchLink(ui.title.Standard), exact: true }).click()
        await page.waitForURL(/\/checkout\//)
        const summary = summaryOf(page, locale)
        await summary.waitFor()
        const text = await textOf(summary)
        assert.ok(text.includes(normalize(`${ui.chargedNow} ${formatPrice(0, locale)}`)), `nothing charged now: "${text}"`)
        const note = await textOf(summary.getByRole("note"))
        assert.ok(note.startsWith(ui.scheduledNote(endLong)), `"${note}" says it is scheduled for ${endLong}`)
        assert.equal(await page.getByRole("radio").count(), 0, "no card to pick: nothing is charged")
        assert.equal(await page.getByRole("textbox").count(), 0, "no promo code field: nothing is charged now")
        await assertNoHorizontalScroll(page, viewport)
        await screenshot(page, `subs-downgrade-checkout-${name}`)

        await page.getByRole("button", { name: ui.schedule, exact: true }).click()
        await page.waitForURL((current) => current.pathname === `/${locale}/account`)
        const panel = page.getByRole("region", { name: ui.subscription })
        await panel.getByText(ui.scheduledChange(endMedium)).waitFor()
        await screenshot(page, `subs-downgrade-account-${name}`)

        const after = await liveSubscription(customer)
        assert.equal(after.variant_id, plans.Premium.month.variant_id, "Premium stays until the period end")
        assert.equal(after.pending_variant_id, plans.Standard.month.variant_id, "Standard is scheduled")
        assert.equal(after.current_period_end, before.current_period_end, "the period is unchanged")
        const { purchases } = await storeGet("/store/purchases", customer.token)
        const charged = purchases.filter((p) => p.status === "completed" && Number(p.total) > 0)
        assert.equal(charged.length, 1, "only the Premium purchase was charged")
      },
      { viewport }
    )
  )

  test(`cancel states the day access ends, and resume takes it back (${name})`, { timeout: TIMEOUT_MS }, () =>
    withPage(
      locale,
      async (page) => {
        const plans = await seededPlans()
        const customer = await signedInCustomer(page, `cancel-${name}`)
        await buyPlan(customer, plans.Standard.month.variant_id)
        const live = await liveSubscription(customer)
        const endLong = day(live.current_period_end, locale, "long")

        await page.goto(url(`/${locale}/account`))
        const panel = page.getByRole("region", { name: ui.subscription })
        await panel.getByText(ui.activeUntil(endLong)).waitFor()
        await panel.getByRole("button", { name: ui.cancel, exact: true }).click()
        const dialog = page.getByRole("dialog", { name: ui.cancelTitle })
        await dialog.waitFor()
        assert.ok((await textOf(dialog)).includes(ui.cancelText(endLong)), "the confirmation says when access ends")
        await screenshot(page, `subs-cancel-confirm-${name}`)
        await dialog.getByRole("button", { name: ui.cancelConfirm, exact: true }).click()
        await dialog.waitFor({ state: "hidden" })
        await panel.getByText(ui.canceledUntil(endLong)).waitFor()
        assert.equal((await liveSubscription(customer)).cancel_at_period_end, true, "cancelled at the period end")
        await assertNoHorizontalScroll(page, viewport)
        await screenshot(page, `subs-canceled-${name}`)

        await panel.getByRole("button", { name: ui.resume, exact: true }).click()
        await panel.getByText(ui.activeUntil(endLong)).waitFor()
        await panel.getByRole("button", { name: ui.cancel, exact: true }).waitFor()
        const resumed = await liveSubscription(customer)
        assert.equal(resumed.cancel_at_period_end, false, "resumed")
        assert.equal(resumed.current_period_end, live.current_period_end, "the same period")
        await screenshot(page, `subs-resumed-${name}`)
      },
      { viewport }
    )
  )

  test(`the Trial is activated once, shown as the current plan, then unavailable with the reason (${name})`, { timeout: TIMEOUT_MS }, () =>
    withPage(
      locale,
      async (page) => {
        const plans = await seededPlans()
        const customer = await signedInCustomer(page, `trial-${name}`)

        await page.goto(url(`/${locale}`))
        await card(page, ui.title.Trial).getByRole("link", { name: ui.chooseLink(ui.title.Trial, ui.trialPeriod), exact: true }).click()
        await page.waitForURL(/\/checkout\//)
        await page.getByRole("button", { name: ui.activate, exact: true }).click()
        await page.waitForURL(/\/purchases\//)
        await page.getByRole("heading", { level: 1, name: ui.activatedTitle }).waitFor()
        assert.ok(!(await textOf(page.getByRole("main"))).includes(ui.paymentSuccessful), "no payment is claimed for a free Trial")
        await screenshot(page, `subs-trial-activated-${name}`)

        // The Trial is the current plan: no "Extend", no second Trial.
        await page.goto(url(`/${locale}`))
        const trial = card(page, ui.title.Trial)
        const trialText = await textOf(trial)
        assert.ok(trialText.includes(ui.yourPlan) && trialText.includes(ui.currentPlan), `"${trialText}"`)
        assert.equal(await trial.getByRole("link").count(), 0, "nothing to buy on the current Trial")
        assert.ok(!trialText.includes(ui.extend), "no Extend on a Trial")
        await page.goto(url(`/${locale}/account`))
        const history = await textOf(page.getByRole("region", { name: ui.history }))
        assert.ok(history.includes(ui.activated) && !history.includes(ui.paid), `the Trial is "activated", not "paid": "${history}"`)

        // After a paid plan the Trial is unavailable, and says why.
        await buyPlan(customer, plans.Standard.month.variant_id)
        await page.goto(url(`/${locale}`))
        const unavailable = await textOf(card(page, ui.title.Trial))
        assert.ok(unavailable.includes(ui.unavailable) && unavailable.includes(ui.trialUsed), `"${unavailable}"`)
        assert.equal(await card(page, ui.title.Trial).getByRole("link").count(), 0, "no buy button on an unavailable Trial")
        await assertNoHorizontalScroll(page, viewport)
        await screenshot(page, `subs-trial-unavailable-${name}`)

        // The checkout refuses it too (a link kept from before).
        await page.goto(url(`/${locale}/checkout/${encodeURIComponent(plans.Trial.trial.variant_id)}`))
        await page.getByRole("heading", { level: 1, name: ui.trialUnavailableTitle }).waitFor()
        assert.ok((await textOf(page.getByRole("main"))).includes(ui.trialUsed), "the checkout says why")
        assert.equal(await page.getByRole("button", { name: ui.activate }).count(), 0)
      },
      { viewport }
    )
  )
}

test("the home page promises what exists: change and cancel, no automatic renewal", { timeout: TIMEOUT_MS }, () =>
  withPage("en", async (page) => {
    for (const locale of ["ru", "en"]) {
      await page.goto(url(`/${locale}`))
      const lead = await textOf(page.getByRole("main").locator("p").first())
      assert.match(lead, locale === "ru" ? /отменяйте/ : /cancel/, `cancelling is offered: "${lead}"`)
      assert.doesNotMatch(lead, /renew|автоматическ|продлева/i, `no renewal is promised: "${lead}"`)
      const text = await textOf(page.getByRole("main"))
      assert.doesNotMatch(text, /per month|per year|в месяц|в год/, "prices are for a period, not per period")
    }
  })
)
