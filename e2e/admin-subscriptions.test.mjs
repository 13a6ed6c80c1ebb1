// Browser test of the admin's subscription pages (issue 11): the Subscriptions page lists
// every customer's subscription with a status filter and cancels one at the period end
// after a confirmation; the customer widget cancels now with a prorated refund and its
// purchases show their kind and period. Same environment as admin.test.mjs.
import assert from "node:assert/strict"
import { test } from "node:test"
import {
  ADMIN_TEST_TIMEOUT_MS,
  adminUrl,
  buyPlan,
  findPlan,
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
