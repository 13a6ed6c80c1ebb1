// Crash test: the server dies during a renewal after the saved card was
// charged and before the renewal was recorded. The gateway answers an
// authorization after 1.5 s (PAYMENT_EMULATOR_DELAY_MS), so the test has time to
// hold the subscription's row (SELECT ... FOR UPDATE) once the pending renewal
// exists; the workflow captures the payment and then waits on the row to
// record the renewal; it is killed (-9) right there. After the restart the next pass
// refunds the orphaned charge and renews the period once: one completed
// renewal, one capture kept, never a lost period.
// Run by `node scripts/test.mjs crash` (needs CRASH_DATABASE_URL of a fresh database).
import assert from "node:assert/strict"
import { after, test } from "node:test"
import pg from "pg"
import { migrateAndSeed, startBackend } from "../../../scripts/lib/app.mjs"
import { createDatabaseIfMissing, dropDatabase } from "../../../scripts/lib/db.mjs"
import { stopServices } from "../../../scripts/lib/proc.mjs"
import { call, planOf, signUpCustomer, until } from "../../../scripts/lib/store-client.mjs"

// its own database next to the crash step's (node --test may run the crash files at once)
const DATABASE_URL = (() => {
  if (!process.env.CRASH_DATABASE_URL) return ""
  const url = new URL(process.env.CRASH_DATABASE_URL)
  url.pathname = `${url.pathname}_renewal`
  return url.toString()
})()
const DATABASE_NAME = DATABASE_URL && new URL(DATABASE_URL).pathname.slice(1)
const PORT = Number(process.env.CRASH_RENEWAL_BACKEND_PORT || 9031)
const BASE = `http://localhost:${PORT}`
/** a renewal pending longer than this is abandoned: longer than the gateway's delay + the kill */
const TTL_MS = 8000
/** the first server's gateway: time to take the row lock while the card is charged */
const GATEWAY_DELAY_MS = 1500
const env = {
  ADMIN_DISABLED: "true",
  JWT_SECRET: "crash-test",
  COOKIE_SECRET: "crash-test",
  SUBSCRIPTION_TEST_CLOCK: "true",
  // a renewal pending longer than this is an abandoned one (recover.ts)
  PROMOCODE_RESERVATION_TTL_MS: String(TTL_MS),
  LOG_LEVEL: "error",
}

const db = new pg.Client({ connectionString: DATABASE_URL })
const holder = new pg.Client({ connectionString: DATABASE_URL })
after(async () => {
  await stopServices()
  await holder.end().catch(() => {})
  await db.end().catch(() => {})
})

/** Payments on the renewal purchases of `subscriptionId`, with their captures and refunds. */
const renewalPayments = async (subscriptionId) =>
  (
    await db.query(
      `select pu.id as purchase_id, pu.status, pu.failure_reason, p.id as payment_id,
              (select count(*)::int from capture c where c.payment_id = p.id and c.deleted_at is null) as captures,
              (select count(*)::int from refund r where r.payment_id = p.id and r.deleted_at is null) as refunds
       from purchase pu left join payment p on p.payment_collection_id = pu.payment_collection_id and p.deleted_at is null
       where pu.subscription_id = $1 and pu.kind = 'renewal' order by pu.created_at`,
      [subscriptionId]
    )
  ).rows

test("a renewal killed between charge and record is recorded once, its orphaned charge refunded", { timeout: 300000 }, async () => {
  assert.ok(DATABASE_URL, "CRASH_DATABASE_URL must point at a fresh database")
  await dropDatabase(DATABASE_URL, DATABASE_NAME)
  await createDatabaseIfMissing(DATABASE_URL, DATABASE_NAME)
  const seed = await migrateAndSeed(DATABASE_URL, `/tmp/crash-renewal-seed-${process.pid}.json`)
  await db.connect()
  await holder.connect()
  const key = seed.publishable_key

  let server = await startBackend({
    databaseUrl: DATABASE_URL,
    port: PORT,
    mode: "start",
    env: { ...env, PAYMENT_EMULATOR_DELAY_MS: String(GATEWAY_DELAY_MS) },
  })
  const admin = (await call(BASE, "/auth/user/emailpass", { method: "POST", body: seed.admin })).data.token
  assert.ok(admin, "admin token")
  const { token } = await signUpCustomer(BASE, key, "crash-renewal")
  const variant_id = await planOf(BASE, key, "standard")
  const bought = await call(BASE, "/store/purchases", {
    method: "POST",
    token,
    key,
    body: { variant_id, payment: { token: "tok_success" } },
  })
  assert.equal(bought.status, 201, JSON.stringify(bought.data))
  const { data: { subscriptions: [subscription] } } = await call(BASE, "/store/subscriptions", { token, key })
  assert.ok(subscription.next_charge, "a saved card gives a next charge")
  const asOf = new Date(new Date(subscription.next_charge.at).getTime() + 60000).toISOString()

  // The pass starts; once its pending renewal exists, hold the subscription row.
  const doomed = call(BASE, "/admin/subscriptions/renewals/run", { method: "POST", token: admin, body: { as_of: asOf } }).catch(() => null)
  const pending = await until(
    "the pending renewal",
    async () => (await db.query(`select id from purchase where subscription_id = $1 and kind = 'renewal' and status = 'pending'`, [subscription.id])).rows[0],
    60000,
    20
  )
  await holder.query("begin")
  await holder.query("select id from subscription where id = $1 for update", [subscription.id])

  // The card is charged (captured), and the record waits on the row: kill it there.
  await until(
    "the renewal's capture",
    async () => (await renewalPayments(subscription.id)).some((p) => p.purchase_id === pending.id && p.captures > 0),
    60000
  )
  const stillPending = await db.query(`select status from purchase where id = $1`, [pending.id])
  assert.equal(stillPending.rows[0].status, "pending", "killed after the charge, before the record")
  process.kill(-server.pid, "SIGKILL")
  await until("the server to die", () => server.exitCode !== null || server.signalCode !== null, 10000)
  await holder.query("rollback")
  await doomed

  const unrecorded = await db.query(`select status from purchase where id = $1`, [pending.id])
  assert.equal(unrecorded.rows[0].status, "pending", "nothing recorded before the restart")

  server = await startBackend({ databaseUrl: DATABASE_URL, port: PORT, mode: "start", env })
  await new Promise((r) => setTimeout(r, TTL_MS))
  const pass = await call(BASE, "/admin/subscriptions/renewals/run", { method: "POST", token: admin, body: { as_of: asOf } })
  assert.equal(pass.status, 200, JSON.stringify(pass.data))
  assert.equal(pass.data.renewed, 1, JSON.stringify(pass.data))
  assert.equal(pass.data.errors, 0, JSON.stringify(pass.data))

  // One renewal recorded; the orphaned charge refunded; one capture kept.
  const rows = await renewalPayments(subscription.id)
  const completed = rows.filter((r) => r.status === "completed")
  assert.equal(completed.length, 1, JSON.stringify(rows))
  const orphan = rows.find((r) => r.purchase_id === pending.id)
  assert.equal(orphan.status, "failed", JSON.stringify(rows))
  assert.equal(orphan.refunds, 1, "the orphaned charge is refunded")
  const kept = rows.filter((r) => r.captures > 0 && r.refunds === 0)
  assert.equal(kept.length, 1, `one charge kept: ${JSON.stringify(rows)}`)
  assert.equal(kept[0].purchase_id, completed[0].purchase_id)

  // The period moved once; a second pass charges nothing more.
  const { data: { subscriptions: [renewed] } } = await call(BASE, "/store/subscriptions", { token, key })
  assert.equal(renewed.current_period_start, subscription.current_period_end)
  const again = await call(BASE, "/admin/subscriptions/renewals/run", { method: "POST", token: admin, body: { as_of: asOf } })
  assert.equal(again.data.renewed, 0, JSON.stringify(again.data))
  assert.equal((await renewalPayments(subscription.id)).length, rows.length)
})
