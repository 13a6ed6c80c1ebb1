// Browser test of the admin's promo code pages and widgets (issue 6): `node --test e2e/`
// with the backend running, its admin enabled and a freshly seeded database.
// BACKEND_URL (default http://localhost:9000) says where the backend and its /app are,
// ADMIN_EMAIL / ADMIN_PASSWORD (default the seed's admin) who signs in, PUBLISHABLE_KEY
// the seed's store key (for the purchase the test makes), CHROMIUM_PATH which Chromium.
// Screenshots go to artifacts/screenshots/admin-*.png at the repository root.
import assert from "node:assert/strict"
import { test } from "node:test"
import {
  ADMIN_TEST_TIMEOUT_MS,
  adminUrl,
  buyPlan,
  download,
  findPlan,
  parseCsv,
  registerCustomer,
  screenshot,
  signIn,
  typeDateTime,
  uniqueCode,
  uniqueEmail,
  useAdminBrowser,
} from "./lib/admin.mjs"

const newAdminPage = useAdminBrowser()
const DAY_MS = 24 * 60 * 60 * 1000

/** The admin API as the signed-in page sees it (its session cookie). */
async function adminApi(page, path) {
  const response = await page.request.get(`${adminUrl().replace(/\/app$/, "")}${path}`)
  assert.equal(response.status(), 200, `GET ${path}: ${response.status()} ${await response.text()}`)
  return response.json()
}

async function openList(page) {
  await page.goto(adminUrl("/promocodes"))
  await page.getByRole("heading", { level: 1, name: "Promo codes" }).waitFor()
}

/** Searches the list for a code and returns its row, once the list shows the search's result. */
async function findRow(page, code) {
  await page.getByPlaceholder("Search codes").fill(code)
  await page.waitForURL((url) => url.searchParams.get("q") === code)
  const row = page.getByRole("row").filter({ hasText: code })
  await row.first().waitFor()
  // the previous page stays on screen until the search's page arrives
  const texts = await eventually(
    () => dataRows(page).allInnerTexts(),
    (rows) => rows.length > 0 && rows.every((text) => text.includes(code))
  )
  assert.equal(texts.length, 1, `one row for ${code}: ${texts.join(" | ")}`)
  return row
}

/** Calls `read` until `done(value)` holds (or 15 s pass) and returns the last value. */
async function eventually(read, done, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs
  let value = await read()
  while (!done(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 250))
    value = await read()
  }
  return value
}

/** The "…" menu of a list row. */
async function rowAction(page, row, action) {
  await row.locator('button[aria-haspopup="menu"]').click()
  await page.getByRole("menuitem", { name: action }).click()
}

/** The data rows of the table on the page (not the header). */
const dataRows = (page) => page.getByRole("row").filter({ hasNot: page.getByRole("columnheader") })


test("admin: promo codes from creation to the report, assignment and widgets", { timeout: 15 * 60_000 }, async (t) => {
  const page = await newAdminPage()
  // what the steps hand to each other
  const made = { code: uniqueCode("E2E"), id: null, customer: null }
  const requests = []
  page.on("request", (request) => requests.push(`${request.method()} ${new URL(request.url()).pathname}`))

  await t.test("the admin signs in and sees the promo codes in the sidebar", { timeout: ADMIN_TEST_TIMEOUT_MS }, async () => {
    await signIn(page)
    await page.getByRole("link", { name: "Promo codes", exact: true }).first().click()
    await page.getByRole("heading", { level: 1, name: "Promo codes" }).waitFor()
    // the seed's demo codes are listed with their kind, value and status
    const row = await findRow(page, "WELCOME100")
    assert.match(await row.innerText(), /Fixed amount[\s\S]*100[\s\S]*Active/)
    const sidebar = page.getByRole("navigation").filter({ has: page.getByRole("link", { name: "Orders" }) })
    for (const label of ["Report", "Validate a code", "Generate codes"]) {
      assert.equal(await sidebar.getByRole("link", { name: label, exact: true }).count(), 1, `sidebar link "${label}"`)
    }
    await screenshot(page, "promocodes")
  })

  await t.test("filters the list by status and sorts it by code", { timeout: ADMIN_TEST_TIMEOUT_MS }, async () => {
    await openList(page)
    const main = page.getByRole("main")
    // the first menu button of the table's toolbar is the filter menu
    await main.locator('button[aria-haspopup="menu"]').first().click()
    await page.getByRole("menuitem", { name: "Status" }).click()
    await page.getByRole("button", { name: "Expired", exact: true }).click()
    await page.keyboard.press("Escape")
    await page.waitForURL((url) => url.searchParams.get("status") === "expired")
    await page.getByRole("row").filter({ hasText: "EXPIRED2024" }).waitFor()
    // the unfiltered page stays on screen until the filtered one arrives
    const rows = await eventually(
      () => dataRows(page).allInnerTexts(),
      (texts) => texts.every((text) => /Expired/.test(text))
    )
    for (const text of rows) {
      assert.match(text, /Expired/, `only expired codes: ${text}`)
    }

    await openList(page)
    await page.getByRole("button", { name: "Code", exact: true }).click()
    await page.waitForURL((url) => url.searchParams.get("order") === "code")
    const { promocodes } = await adminApi(page, "/admin/promocodes?order=code&limit=20")
    const expected = promocodes.map((p) => p.code)
    // the previous page stays on screen until the sorted one arrives
    const shownCodes = async () => (await dataRows(page).allInnerTexts()).map((text) => text.trim().split(/\s/)[0])
    const shown = await eventually(shownCodes, (codes) => codes.join() === expected.join())
    assert.deepEqual(shown, expected, "the page shows the codes in the server's order")
  })

  await t.test("creates a percentage code with a window and a limit", { timeout: ADMIN_TEST_TIMEOUT_MS }, async () => {
    await openList(page)
    await page.getByRole("button", { name: "Create", exact: true }).click()
    const dialog = page.getByRole("dialog")
    await dialog.getByRole("heading", { name: "Create a promo code" }).waitFor()

    // checked before sending: a percentage over 100 never reaches the server
    const sentBefore = requests.filter((r) => r === "POST /admin/promocodes").length
    await dialog.getByLabel("Code", { exact: true }).fill(made.code)
    await dialog.getByLabel("Percent off").fill("150")
    await dialog.getByRole("button", { name: "Create", exact: true }).click()
    await dialog.getByText("Enter a percentage greater than 0 and at most 100.").waitFor()
    assert.equal(await dialog.getByLabel("Percent off").getAttribute("aria-invalid"), "true")
    assert.equal(requests.filter((r) => r === "POST /admin/promocodes").length, sentBefore, "nothing sent")
    await screenshot(page, "create-invalid")

    // refused by the server: the message is shown at the field it is about
    await dialog.getByLabel("Code", { exact: true }).fill("SALE10")
    await dialog.getByLabel("Percent off").fill("15")
    await dialog.getByRole("button", { name: "Create", exact: true }).click()
    await dialog.getByText(/already exists/).waitFor()
    assert.equal(await dialog.getByLabel("Code", { exact: true }).getAttribute("aria-invalid"), "true")

    const startsAt = new Date(Math.floor((Date.now() - DAY_MS) / 60_000) * 60_000)
    const endsAt = new Date(startsAt.getTime() + 31 * DAY_MS)
    await dialog.getByLabel("Code", { exact: true }).fill(made.code.toLowerCase())
    await typeDateTime(dialog.getByRole("group", { name: "Starts" }), startsAt)
    await typeDateTime(dialog.getByRole("group", { name: "Ends" }), endsAt)
    await dialog.getByLabel("Total uses").fill("100")
    await dialog.getByLabel("Description").fill("Created by the admin browser test")
    await dialog.getByRole("button", { name: "Create", exact: true }).click()
    await dialog.waitFor({ state: "hidden" })

    const row = await findRow(page, made.code)
    const text = await row.innerText()
    assert.match(text, /Percentage/)
    assert.match(text, /15%/)
    assert.match(text, /0 \/ 100/)
    assert.match(text, /Active/)
    assert.match(text, / – /, "the window is shown")
    await screenshot(page, "promocode-created")

    const { promocodes } = await adminApi(page, `/admin/promocodes?q=${made.code}`)
    const saved = promocodes.find((p) => p.code === made.code)
    assert.ok(saved, `${made.code} is stored in capitals`)
    assert.equal(saved.type, "percentage")
    assert.equal(Number(saved.value), 15)
    assert.equal(saved.usage_limit, 100)
    assert.equal(new Date(saved.starts_at).getTime(), startsAt.getTime())
    assert.equal(new Date(saved.ends_at).getTime(), endsAt.getTime())
    made.id = saved.id
  })

  await t.test("generates a batch of 1,000 codes and downloads its CSV", { timeout: ADMIN_TEST_TIMEOUT_MS }, async () => {
    const prefix = `${uniqueCode("B")}-`
    await openList(page)
    await page.getByRole("link", { name: "Generate codes" }).first().click()
    await page.getByRole("heading", { level: 1, name: "Generate promo codes" }).waitFor()
    await page.getByLabel("How many").fill("1000")
    await page.getByLabel("Prefix").fill(prefix)
    await page.getByLabel("Percent off").fill("5")
    await page.getByRole("button", { name: "Generate", exact: true }).click()

    const progress = page.getByRole("progressbar", { name: "Generation progress" })
    await progress.waitFor()
    await page.getByText("1,000 of 1,000 codes generated.").waitFor({ timeout: 120_000 })
    assert.equal(await progress.getAttribute("aria-valuenow"), "100")
    await screenshot(page, "generate")

    // the export runs in the background; its link appears when the file is ready
    await page.getByRole("button", { name: "Export CSV" }).click()
    const link = page.getByRole("link", { name: /^Download CSV/ })
    await link.waitFor({ timeout: 60_000 })
    const csv = parseCsv(await download(page, link))
    const [header, ...rows] = csv.filter((r) => r.some((field) => field !== ""))
    assert.equal(header[0], "code", `the first column is the code: ${header.join(",")}`)
    assert.equal(rows.length, 1000, "1,000 rows")
    const codes = rows.map((r) => r[0])
    assert.equal(new Set(codes).size, 1000, "all codes differ")
    for (const code of codes) {
      assert.ok(code.startsWith(prefix.toUpperCase()), `${code} starts with ${prefix}`)
      assert.match(code.slice(prefix.length), /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/)
    }

    await page.getByRole("link", { name: "View the codes" }).click()
    await page.getByRole("heading", { level: 1, name: "Promo codes" }).waitFor()
    await page.getByText(/of 1,?000 results/).waitFor()
  })

  await t.test("sees a purchase made with the code in its journal and in the report", { timeout: ADMIN_TEST_TIMEOUT_MS }, async () => {
    assert.ok(made.id, "the code of the creation step exists")
    const customer = await registerCustomer({ email: uniqueEmail("buyer"), firstName: "Journal", lastName: "Buyer" })
    const { plan } = await findPlan("Standard", "Monthly")
    const { purchase } = await buyPlan(customer, plan.variant_id, made.code)
    assert.equal(purchase.status, "completed")
    assert.equal(Number(purchase.discount_amount), 59.85, "15% of 399")

    await openList(page)
    const row = await findRow(page, made.code)
    await row.getByText(made.code).click()
    await page.waitForURL((url) => url.pathname.endsWith(`/promocodes/${made.id}`))
    await page.getByRole("heading", { level: 1, name: new RegExp(made.code) }).waitFor()

    const journal = page.getByRole("row").filter({ hasText: customer.email })
    await journal.filter({ hasText: "Redeemed" }).first().waitFor()
    const redeemed = journal.filter({ hasText: "Redeemed" }).first()
    assert.match(await redeemed.innerText(), /59[.,]85/, "the discount is in the journal")
    assert.equal(await redeemed.getByTitle(purchase.id).count(), 1, "the purchase is in the journal")
    const link = redeemed.getByRole("link", { name: new RegExp(customer.email) })
    assert.equal(await link.getAttribute("href"), `/app/customers/${customer.id}`)
    await page.getByText(/^1 \/ 100$/).first().waitFor()
    await screenshot(page, "promocode-detail")

    // the customer's page lists the purchase with the code
    await link.click()
    await page.waitForURL((url) => url.pathname.endsWith(`/customers/${customer.id}`))
    const widget = page.getByRole("region", { name: "Subscription and promo codes" })
    await widget.getByRole("row").filter({ hasText: made.code }).first().waitFor()

    await page.goto(adminUrl("/promocodes/report"))
    await page.getByRole("heading", { level: 1, name: "Promo code report" }).waitFor()
    const top = page.getByRole("table", { name: "Top codes" }).getByRole("row").filter({ hasText: made.code })
    await top.waitFor()
    assert.match(await top.innerText(), /\b1\b/, "one redemption of the code")
    assert.match(await top.innerText(), /59[.,]85/, "its discount")
    assert.match(await top.innerText(), /339[.,]15/, "its revenue")
    const chart = page.getByRole("img", { name: /Redemptions and rejections per day/ })
    assert.match(await chart.getAttribute("aria-label"), /Redemptions: [1-9]\d*/)
    await screenshot(page, "report")

    const reportCsv = parseCsv(await download(page, page.getByRole("link", { name: "Export CSV" })))
    assert.ok(reportCsv.length >= 2, "the report CSV has a header and rows")
  })

  // The seed's demo customer (a fresh seed: FREEMONTH is one per customer).
  await t.test("assigns FREEMONTH to the demo customer and sees the subscription in the customer widget", { timeout: ADMIN_TEST_TIMEOUT_MS }, async () => {
    const demoEmail = process.env.DEMO_CUSTOMER_EMAIL || "viewer@cinema.local"
    const { customers } = await adminApi(page, `/admin/customers?q=${encodeURIComponent(demoEmail)}`)
    const customer = customers.find((c) => c.email === demoEmail)
    assert.ok(customer, `the demo customer ${demoEmail} is not in the database`)
    await openList(page)
    const row = await findRow(page, "FREEMONTH")
    await row.getByText("FREEMONTH").click()
    await page.getByRole("heading", { level: 1, name: /FREEMONTH/ }).waitFor()

    await page.getByLabel("Customer", { exact: true }).fill(customer.email)
    await page.getByRole("button", { name: new RegExp(customer.email.replace(/[.+]/g, "\\$&")) }).click()
    await page.getByRole("button", { name: "Assign FREEMONTH" }).click()
    const result = page.getByRole("status").filter({ hasText: "Plan granted" })
    await result.waitFor()
    assert.match(await result.innerText(), new RegExp(customer.email.replace(/[.+]/g, "\\$&")))
    await screenshot(page, "assign")

    await page.goto(adminUrl(`/customers/${customer.id}`))
    const widget = page.getByRole("region", { name: "Subscription and promo codes" })
    const current = widget.getByTestId("current-subscription")
    await current.getByText("Standard · Monthly").waitFor()
    assert.match(await current.innerText(), /Active/)
    await widget.getByRole("row").filter({ hasText: "FREEMONTH" }).first().waitFor()
    await widget.scrollIntoViewIfNeeded()
    await screenshot(widget, "customer-widget")
  })

  await t.test("support checks codes on the validation page", { timeout: ADMIN_TEST_TIMEOUT_MS }, async () => {
    await page.goto(adminUrl("/promocodes/validate"))
    await page.getByRole("heading", { level: 1, name: "Validate a promo code" }).waitFor()
    await page.getByLabel("Code", { exact: true }).fill("expired2024")
    await page.getByRole("button", { name: "Check" }).click()
    await page.getByRole("status").filter({ hasText: "Would be refused: The code has expired." }).waitFor()

    await page.getByLabel("Code", { exact: true }).fill(made.code)
    await page.getByRole("button", { name: "Check" }).click()
    await page.getByRole("status").filter({ hasText: `${made.code} would apply` }).waitFor()
    await screenshot(page, "validate")
  })

  await t.test("a tariff's page shows the plan terms of its variants", { timeout: ADMIN_TEST_TIMEOUT_MS }, async () => {
    const { tariff } = await findPlan("Standard", "Monthly")
    await page.goto(adminUrl(`/products/${tariff.id}`))
    const widget = page.getByRole("region", { name: "Plan terms" })
    const table = widget.getByRole("table", { name: "Plan terms" })
    await table.getByRole("row").filter({ hasText: "Monthly" }).filter({ hasText: "every month" }).waitFor()
    await table.getByRole("row").filter({ hasText: "Yearly" }).filter({ hasText: "every year" }).waitFor()
    await widget.scrollIntoViewIfNeeded()
    await screenshot(widget, "product-plan-terms")

    // editable: a trial of 3 days on the monthly plan, checked, then put back
    const monthly = table.getByRole("row").filter({ hasText: "Monthly" })
    const before = (await monthly.getByRole("cell").last().innerText()).trim()
    const setTrial = async (days) => {
      await widget.getByRole("button", { name: "Edit" }).click()
      const drawer = page.getByRole("dialog", { name: "Edit plan terms" })
      const monthlyTerms = drawer.getByRole("group", { name: "Monthly" })
      await monthlyTerms.getByLabel("Trial days").fill(String(days))
      await drawer.getByRole("button", { name: "Save" }).click()
      await drawer.waitFor({ state: "hidden" })
      await monthly.getByRole("cell").last().getByText(String(days), { exact: true }).waitFor()
    }
    await setTrial(3)
    await setTrial(Number(before))
  })

  await t.test("edits, deactivates and deletes codes from the list", { timeout: ADMIN_TEST_TIMEOUT_MS }, async () => {
    const code = uniqueCode("DEL")
    const created = await page.request.post(`${adminUrl().replace(/\/app$/, "")}/admin/promocodes`, {
      data: { code, type: "fixed", value: 50, currency_code: "rub" },
    })
    assert.ok([200, 201].includes(created.status()), await created.text())

    await openList(page)
    let row = await findRow(page, code)
    await rowAction(page, row, "Edit")
    const dialog = page.getByRole("dialog")
    await dialog.getByRole("heading", { name: `Edit ${code}` }).waitFor()
    assert.equal(await dialog.getByLabel("Amount off").inputValue(), "50")
    await dialog.getByLabel("Total uses").fill("5")
    await dialog.getByRole("button", { name: "Save", exact: true }).click()
    await dialog.waitFor({ state: "hidden" })
    await row.getByText("0 / 5").waitFor()

    await rowAction(page, row, "Deactivate")
    await page.getByRole("alertdialog").getByRole("button", { name: "Deactivate" }).click()
    await row.getByText("Inactive").waitFor()

    await rowAction(page, row, "Delete")
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click()
    await page.getByText(`${code} deleted`).waitFor()
    await row.waitFor({ state: "detached" })

    // a code with uses is kept (deactivated) so that its journal stays
    await openList(page)
    row = await findRow(page, made.code)
    await rowAction(page, row, "Delete")
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click()
    await page.getByText(`${made.code} was used, so it was deactivated instead of deleted`).waitFor()
    await row.getByText("Inactive").waitFor()
  })

  assert.deepEqual(page.pageErrors, [], "no uncaught error in the admin")
})
