// Crash test: the server dies between the promo code reservation and the
// payment (a slow emulated gateway holds the purchase there), comes back, and
// within the reservation timeout the code is usable again; the dead purchase
// has no subscription and no payment, and is recorded as failed.
// Run by `node scripts/test.mjs crash` (needs DATABASE_URL of a fresh database).
import assert from "node:assert/strict"
import { randomUUID } from "node:crypto"
import { after, test } from "node:test"
import pg from "pg"
import { migrateAndSeed, startBackend } from "../../../scripts/lib/app.mjs"
import { stopServices } from "../../../scripts/lib/proc.mjs"

const DATABASE_URL = process.env.CRASH_DATABASE_URL
const PORT = Number(process.env.CRASH_BACKEND_PORT || 9030)
const BASE = `http://localhost:${PORT}`
const TTL_MS = 6000
const env = {
  ADMIN_DISABLED: "true",
  JWT_SECRET: "crash-test",
  COOKIE_SECRET: "crash-test",
  PROMOCODE_RESERVATION_TTL_MS: String(TTL_MS),
  PROMOCODE_RELEASE_INTERVAL_SECONDS: "1",
  PURCHASE_ABANDON_CHECK_SECONDS: "2",
  LOG_LEVEL: "error",
}

const db = new pg.Client({ connectionString: DATABASE_URL })
after(async () => {
  await stopServices()
  await db.end().catch(() => {})
})

async function call(path, { method = "GET", body, token, key, headers = {} } = {}) {
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers: {
      "content-type": "application/json",
      ...(key ? { "x-publishable-api-key": key } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
  })
  return { status: res.status, data: await res.json().catch(() => null) }
}

async function until(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

test("a purchase killed between reservation and payment gives its code back", { timeout: 300000 }, async () => {
  assert.ok(DATABASE_URL, "CRASH_DATABASE_URL must point at a fresh database")
  const seed = await migrateAndSeed(DATABASE_URL, `/tmp/crash-seed-${process.pid}.json`)
  await db.connect()
  const key = seed.publishable_key

  // A gateway that takes 5 minutes: the purchase sits between reserve and pay.
  let server = await startBackend({
    databaseUrl: DATABASE_URL,
    port: PORT,
    mode: "start",
    env: { ...env, PAYMENT_EMULATOR_DELAY_MS: "300000" },
  })

  const email = `crash-${randomUUID()}@test.local`
  const reg = await call("/auth/customer/emailpass/register", { method: "POST", body: { email, password: "secret-pass" } })
  await call("/store/customers", { method: "POST", token: reg.data.token, key, body: { email, first_name: "Crash" } })
  const { data: { token } } = await call("/auth/customer/emailpass", { method: "POST", body: { email, password: "secret-pass" } })
  const { data: { tariffs } } = await call("/store/tariffs", { key })
  const variant_id = tariffs.find((t) => t.handle === "standard").plans[0].variant_id

  // Start the purchase and do not wait for it: it hangs in the gateway.
  const doomed = call("/store/purchases", {
    method: "POST",
    token,
    key,
    body: { variant_id, promocode: "WELCOME100", payment: { token: "tok_success" } },
  }).catch(() => null)

  const usage = await until(
    "the reservation",
    async () => (await db.query(`select id, expires_at from promocode_usage where status = 'reserved' and customer_id = (select id from customer where email = $1)`, [email])).rows[0],
    60000
  )
  const purchase = await until(
    "the pending purchase",
    async () => (await db.query(`select id, payment_collection_id from purchase where status = 'pending' and customer_id = (select id from customer where email = $1)`, [email])).rows[0],
    60000
  )

  // Kill the whole server (no chance to compensate).
  process.kill(-server.pid, "SIGKILL")
  await until("the server to die", () => server.exitCode !== null || server.signalCode !== null, 10000)
  await doomed

  server = await startBackend({ databaseUrl: DATABASE_URL, port: PORT, mode: "start", env })
  const upAt = Date.now()

  // Once the reservation has expired (or the server is back, if that is later)
  // the release job (every second) frees it: the code is usable again.
  const expiresAt = new Date(usage.expires_at).getTime()
  const deadline = Math.max(expiresAt, upAt) + 5000
  const preview = await until(
    "the code to be usable again",
    async () => {
      const res = await call("/store/purchases/preview", { method: "POST", token, key, body: { variant_id, promocode: "WELCOME100" } })
      return res.status === 200 ? res : null
    },
    TTL_MS + 60000
  )
  assert.equal(preview.data.preview.total, 299)
  const late = Date.now() - deadline
  assert.ok(late <= 0, `usable ${late} ms after the expiry + 5 s`)

  const released = await db.query(`select status, release_reason from promocode_usage where id = $1`, [usage.id])
  assert.equal(released.rows[0].status, "released")

  // The dead purchase left no subscription and no payment.
  const subs = await db.query(`select id from subscription where last_purchase_id = $1`, [purchase.id])
  assert.equal(subs.rowCount, 0)
  const payments = await db.query(
    `select p.id from payment p join payment_session s on s.id = p.payment_session_id
     where s.data->>'purchase_id' = $1`,
    [purchase.id]
  )
  assert.equal(payments.rowCount, 0)

  // And the customer can buy with the code now.
  const bought = await call("/store/purchases", {
    method: "POST",
    token,
    key,
    body: { variant_id, promocode: "WELCOME100", payment: { token: "tok_success" } },
  })
  assert.equal(bought.status, 201, JSON.stringify(bought.data))
  assert.equal(bought.data.purchase.total, 299)

  // The abandoned purchase is recorded as failed by its job.
  const failed = await until(
    "the dead purchase to be recorded as failed",
    async () => (await db.query(`select failure_reason from purchase where id = $1 and status = 'failed'`, [purchase.id])).rows[0],
    90000
  )
  assert.equal(failed.failure_reason, "abandoned")
})
