// Browser test of the production run (issue 13): the admin of the BUILT
// backend (backend/.medusa/server, NODE_ENV=production, started by the code
// `make start` uses), served over plain http with COOKIE_SECURE=false, signs
// in and stays signed in (with Medusa's default Secure cookie the login loops
// back to the login page). Run by `node scripts/test.mjs production-login`;
// named *.spec.mjs so that the e2e step (`node --test e2e/`) does not pick it up.
import assert from "node:assert/strict"
import { test } from "node:test"
import { adminUrl, BACKEND_URL, screenshot, signIn, useAdminBrowser } from "../lib/admin.mjs"

const newAdminPage = useAdminBrowser()

test("the production admin signs in over http and stays signed in", { timeout: 300_000 }, async () => {
  assert.ok(BACKEND_URL.startsWith("http://"), `over plain http: ${BACKEND_URL}`)
  const page = await newAdminPage()
  await signIn(page)

  // the dashboard, not the login form
  await page.getByRole("link", { name: "Orders" }).first().waitFor({ timeout: 60_000 })
  assert.doesNotMatch(new URL(page.url()).pathname, /\/login$/)

  const cookies = await page.context().cookies(BACKEND_URL)
  const session = cookies.find((c) => c.name === "connect.sid")
  assert.ok(session, `a session cookie: ${cookies.map((c) => c.name).join(", ")}`)
  assert.equal(session.secure, false)
  assert.equal(session.httpOnly, true)

  // a fresh load keeps the session (the bug: back on the login page)
  await page.goto(adminUrl("/promocodes"))
  await page.getByRole("heading", { level: 1, name: "Promo codes" }).waitFor({ timeout: 60_000 })
  assert.doesNotMatch(new URL(page.url()).pathname, /\/login$/)

  // the production build serves the built dashboard, not Vite's dev server
  const index = await fetch(adminUrl("/")).then((r) => r.text())
  assert.doesNotMatch(index, /@vite\/client/)
  await screenshot(page, "production-admin-signed-in")
  assert.deepEqual(page.pageErrors, [])
})
