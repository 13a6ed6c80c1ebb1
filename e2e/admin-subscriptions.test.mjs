// Browser test of the admin's subscription pages (issues 11, 12): the Subscriptions page lists
// every customer's subscription with a status filter and cancels one at the period end
// after a confirmation; the customer widget cancels now with a prorated refund and its
// purchases show their kind and period. The list searches by email and shows MRR; a
// subscription's page shows its details and timeline and takes actions, in English and
// Russian. Same environment as admin.test.mjs.
import assert from "node:assert/strict"
import { test } from "node:test"
import {
  ADMIN_TEST_TIMEOUT_MS,
  adminUrl,
  buyPlan,
  call,
  findPlan,
  pickLanguage,
  registerCustomer,
  screenshot,
  signIn,
  uniqueEmail,
  useAdminBrowser,
} from "./lib/admin.mjs"

const newAdminPage = useAdminBrowser()

/** The admin API as the signed-in page sees it (its session cookie). */
async function adminApi(page, path) {
  const response = await page.request.get(`${adminUrl().replace(/\/app$/, "")}${path}`)
  assert.equal(response.status(), 200, `GET ${path}: ${response.status()} ${await response.text()}`)
  return response.json()
}

const subscriptionOf = async (page, customer) =>
  (await adminApi(page, `/admin/subscriptions?customer_id=${customer.id}`)).subscriptions[0]

/** How the admin writes a date (lib/format.ts: en-GB, medium). */
// the admin's date in English (the date pickers' format), in the browser context's zone
const adminDate = (iso) =>
  new Intl.DateTimeFormat("en", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" }).format(new Date(iso))

test("admin: cancel at the period end from the Subscriptions page, now with a refund from the customer widget", { timeout: ADMIN_TEST_TIMEOUT_MS * 2 }, async () => {
  const page = await newAdminPage()
  // first, so that the development server has built the admin before the API calls
  await signIn(page)
  const { plan: standard } = await findPlan("Standard", "Monthly")
  const { plan: premium } = await findPlan("Premium", "Monthly")
  const later = await registerCustomer({ email: uniqueEmail("subs-later"), firstName: "Later" })
  const now = await registerCustomer({ email: uniqueEmail("subs-now"), firstName: "Now" })
  await buyPlan(later, standard.variant_id)
  await buyPlan(now, premium.variant_id)

  // The Subscriptions page: the row of the first customer, cancelled at the period end.
  await page.goto(adminUrl("/subscriptions"))
  await page.getByRole("heading", { level: 1, name: "Subscriptions" }).waitFor()
  const row = page.getByRole("row").filter({ hasText: later.email })
  await row.waitFor()
  assert.match(await row.innerText(), /Standard · Monthly[\s\S]*Active/)
  const before = await subscriptionOf(page, later)
  const end = adminDate(before.current_period_end)

  await row.locator('button[aria-haspopup="menu"]').click()
  await page.getByRole("menuitem", { name: "Cancel…" }).click()
  const prompt = page.getByRole("alertdialog")
  await prompt.getByText("Cancel the subscription?").waitFor()
  assert.match(await prompt.innerText(), new RegExp(`Access continues until ${end}`), "the prompt says when access ends")
  await screenshot(page, "subscriptions-cancel-prompt")
  await prompt.getByRole("button", { name: `Cancel on ${end}` }).click()
  await page.getByText(`Subscription ends on ${end}`).waitFor()
  await row.getByText("ends at period end").waitFor()
  const canceled = await subscriptionOf(page, later)
  assert.equal(canceled.cancel_at_period_end, true)
  assert.equal(canceled.status, "active", "access lasts to the period end")
  await screenshot(page, "subscriptions")

  // The customer widget: the second customer's Premium, cancelled now with a refund.
  await page.goto(adminUrl(`/customers/${now.id}`))
  const widget = page.getByRole("region", { name: "Subscription and promo codes" })
  const current = widget.getByTestId("current-subscription")
  await current.getByText("Premium · Monthly").waitFor()
  await widget.getByRole("button", { name: "Cancel subscription" }).click()
  const widgetPrompt = page.getByRole("alertdialog")
  await widgetPrompt.getByRole("radio", { name: /^Now/ }).click()
  await widgetPrompt.getByRole("checkbox", { name: "Refund the unused part (prorated)" }).click()
  await screenshot(page, "customer-cancel-now-prompt")
  await widgetPrompt.getByRole("button", { name: "Cancel now" }).click()
  // 699 for a month, cancelled minutes later: nearly all of it comes back
  const toast = page.getByText(/^Subscription canceled now, .+ refunded$/)
  await toast.waitFor()
  const refunded = Number((await toast.innerText()).match(/(\d[\d,]*(?:\.\d+)?)/)[1].replace(/,/g, ""))
  assert.ok(refunded > 690 && refunded < 699, `a prorated refund of the 699 paid: ${await toast.innerText()}`)
  await current.getByText("No live subscription.").waitFor()
  const ended = await subscriptionOf(page, now)
  assert.equal(ended.status, "canceled")

  // Purchases carry their kind and period.
  const purchase = widget.getByRole("row").filter({ hasText: "Premium · Monthly" }).first()
  await purchase.waitFor()
  const text = await purchase.innerText()
  assert.match(text, /New/, `the kind in "${text}"`)
  assert.match(text, / – /, `the period in "${text}"`)
  await widget.scrollIntoViewIfNeeded()
  await screenshot(widget, "customer-widget-canceled")

  // The status filter (in the URL): canceled shows the second customer, not the first.
  await page.goto(adminUrl("/subscriptions?status=canceled"))
  await page.getByRole("row").filter({ hasText: now.email }).waitFor()
  assert.equal(await page.getByRole("row").filter({ hasText: later.email }).count(), 0, "the active one is filtered out")

  assert.deepEqual(page.pageErrors, [], "no uncaught error in the admin")
})

/** What the pages say, per language (i18n/en-subscriptions.ts, ru-subscriptions.ts). */
const TEXTS = {
  en: {
    heading: "Subscriptions",
    search: "Search by customer email",
    active: "Active",
    canceled: "Canceled",
    mrrTotal: /MRR of the filtered subscriptions: .*399/,
    bought: /Bought: new, .*399/,
    timeline: "Timeline",
    cancelledNow: "Cancelled now",
  },
  ru: {
    heading: "Подписки",
    search: "Поиск по email покупателя",
    active: "Активна",
    canceled: "Отменена",
    mrrTotal: /MRR отфильтрованных подписок: .*399/,
    bought: /Покупка: новая, .*399/,
    timeline: "История",
    cancelledNow: "Отменена сразу",
  },
}

/**
 * Two customers of one tag: one Standard (active), one Premium cancelled now. The list
 * finds both by the tag and shows the MRR of what will renew; the status filter keeps the
 * cancelled one; the active one's page shows its card, MRR and timeline.
 */
async function listAndOpen(page, lang) {
  const text = TEXTS[lang]
  const tag = uniqueEmail(`mrr${lang}`).split("@")[0]
  const { plan: standard } = await findPlan("Standard", "Monthly")
  const { plan: premium } = await findPlan("Premium", "Monthly")
  const staying = await registerCustomer({ email: `${tag}-stays@example.com` })
  const leaving = await registerCustomer({ email: `${tag}-leaves@example.com` })
  await buyPlan(staying, standard.variant_id)
  const left = await buyPlan(leaving, premium.variant_id)
  const ended = await page.request.post(`${adminUrl().replace(/\/app$/, "")}/admin/subscriptions/${left.subscription.id}/cancel`, {
    data: { at: "now" },
  })
  assert.equal(ended.status(), 200, await ended.text())

  // search by part of the email
  await page.goto(adminUrl("/subscriptions"))
  await page.getByRole("heading", { level: 1, name: text.heading }).waitFor()
  await page.getByPlaceholder(text.search).fill(tag)
  await page.waitForURL((url) => url.searchParams.get("q") === tag)
  const stays = page.getByRole("row").filter({ hasText: staying.email })
  const leaves = page.getByRole("row").filter({ hasText: leaving.email })
  await stays.waitFor()
  await leaves.waitFor()
  // the rows of the last answer (the list keeps the previous page until the search's arrives)
  for (let i = 0; i < 40 && (await page.getByRole("row").count()) !== 3; i++) {
    await page.waitForTimeout(250)
  }
  assert.equal(await page.getByRole("row").count(), 3, "a header and the two rows of the tag")
  assert.match(await stays.innerText(), new RegExp(`Standard · Monthly[\\s\\S]*${text.active}[\\s\\S]*399`))
  await page.getByTestId("mrr-total").filter({ hasText: text.mrrTotal }).waitFor()

  // a status filter on top of the search (in the URL, as the filter menu writes it)
  await page.goto(adminUrl(`/subscriptions?q=${encodeURIComponent(tag)}&status=canceled,expired`))
  await leaves.waitFor()
  assert.match(await leaves.innerText(), new RegExp(text.canceled))
  assert.equal(await stays.count(), 0, "the active one is filtered out")
  await screenshot(page, `subscriptions-search-${lang}`)

  // the active one's page
  await page.goto(adminUrl(`/subscriptions?q=${encodeURIComponent(tag)}`))
  await stays.click()
  await page.waitForURL(/\/subscriptions\/sub_/)
  const details = page.getByTestId("subscription-details")
  await details.getByText("visa ·4242").waitFor()
  assert.match(await details.innerText(), /399/)
  const timeline = page.getByTestId("subscription-timeline")
  await timeline.locator('li[data-type="purchase"]').filter({ hasText: text.bought }).waitFor()
  return { staying, timeline }
}

test("admin: search, filter, open a subscription, refund part of a payment (English)", { timeout: ADMIN_TEST_TIMEOUT_MS * 2 }, async () => {
  const page = await newAdminPage()
  await signIn(page)
  const { staying, timeline } = await listAndOpen(page, "en")
  await page.getByRole("heading", { level: 1, name: `Standard · Monthly of ${staying.email}` }).waitFor()

  await page.getByRole("button", { name: "Refund…" }).click()
  const prompt = page.getByRole("alertdialog")
  await prompt.getByText("Refund a payment").waitFor()
  await prompt.getByLabel("Amount").fill("100")
  assert.match(await prompt.innerText(), /₽100 goes back to the customer's card/, "the prompt says how much")
  await screenshot(page, "subscription-refund-prompt")
  await prompt.getByRole("button", { name: "Refund ₽100" }).click()
  await page.getByText("₽100 refunded").waitFor()
  await timeline.locator('li[data-type="refund"]').filter({ hasText: "Refunded ₽100" }).waitFor()
  await screenshot(page, "subscription-detail")
  assert.deepEqual(page.pageErrors, [], "no uncaught error in the admin")
})

test("admin in Russian: search, filter, open a subscription, cancel it now", { timeout: ADMIN_TEST_TIMEOUT_MS * 2 }, async () => {
  const page = await newAdminPage({ locale: "ru-RU", timezoneId: "Europe/Moscow" })
  await signIn(page)
  await pickLanguage(page, "ru")
  const { staying, timeline } = await listAndOpen(page, "ru")
  await page.getByRole("heading", { level: 1, name: `Standard · Monthly: ${staying.email}` }).waitFor()

  await page.getByRole("button", { name: "Отменить…" }).click()
  const prompt = page.getByRole("alertdialog")
  await prompt.getByRole("radio", { name: /^Сейчас/ }).click()
  await prompt.getByRole("button", { name: "Отменить сейчас" }).click()
  await page.getByText("Подписка отменена сейчас").waitFor()
  await timeline.locator('li[data-type="canceled_now"]').filter({ hasText: TEXTS.ru.cancelledNow }).waitFor()
  await page.getByTestId("subscription-details").getByText("Отменена", { exact: true }).waitFor()
  await screenshot(page, "subscription-detail-ru")
  assert.deepEqual(page.pageErrors, [], "no uncaught error in the admin")
})
