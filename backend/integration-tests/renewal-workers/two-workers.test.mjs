// Two processes on one Redis (Medusa's Redis event bus, workflow engine,
// locking) and one database run the renewal pass at the same moment over 200
// due subscriptions: exactly 200 renewals and 200 charges (payments and
// captures counted in the database), no refund, and a third pass charges
// nothing.
// Run by `node scripts/test.mjs renewal-workers` with RENEWAL_WORKERS_DATABASE_URL
// and RENEWAL_WORKERS_REDIS_URL.
import assert from "node:assert/strict"
import { after, test } from "node:test"
import Redis from "ioredis"
import pg from "pg"
import { migrateAndSeed, startBackend } from "../../../scripts/lib/app.mjs"
import { stopServices } from "../../../scripts/lib/proc.mjs"
import { call, planOf, signUpCustomer } from "../../../scripts/lib/store-client.mjs"

const DATABASE_URL = process.env.RENEWAL_WORKERS_DATABASE_URL
const REDIS_URL = process.env.RENEWAL_WORKERS_REDIS_URL
const [PORT_A, PORT_B] = (process.env.RENEWAL_WORKERS_PORTS || "9063,9064").split(",").map(Number)
const A = `http://localhost:${PORT_A}`
const B = `http://localhost:${PORT_B}`
const SUBSCRIPTIONS = Number(process.env.RENEWAL_WORKERS_SUBSCRIPTIONS || 200)
const SEED_CONCURRENCY = 8
const env = {
  REDIS_URL,
  ADMIN_DISABLED: "true",
  JWT_SECRET: "renewal-workers-test",
  COOKIE_SECRET: "renewal-workers-test",
  SUBSCRIPTION_TEST_CLOCK: "true",
  LOG_LEVEL: "error",
}

const db = new pg.Client({ connectionString: DATABASE_URL })
after(async () => {
  await stopServices()
  await db.end().catch(() => {})
})

/** Runs `work(i)` for i in [0, n), `limit` at a time. */
async function pool(n, limit, work) {
  let next = 0
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < n) await work(next++)
    })
  )
}

const renewalCounts = async () =>
  (
    await db.query(
      `select
         (select count(*)::int from purchase where kind = 'renewal' and status = 'completed') as renewals,
         (select count(*)::int from purchase where kind = 'renewal') as attempts,
         (select count(*)::int from payment p join purchase pu on pu.payment_collection_id = p.payment_collection_id
            where pu.kind = 'renewal' and p.deleted_at is null) as payments,
         (select count(*)::int from capture c join payment p on p.id = c.payment_id
            join purchase pu on pu.payment_collection_id = p.payment_collection_id
            where pu.kind = 'renewal' and c.deleted_at is null) as captures,
         (select count(*)::int from refund r join payment p on p.id = r.payment_id
            join purchase pu on pu.payment_collection_id = p.payment_collection_id
            where pu.kind = 'renewal' and r.deleted_at is null) as refunds,
         (select count(distinct subscription_id)::int from purchase where kind = 'renewal' and status = 'completed') as subscriptions`
    )
  ).rows[0]

test(`two processes renew ${SUBSCRIPTIONS} due subscriptions at once: each once, one charge each`, { timeout: 900000 }, async () => {
  assert.ok(DATABASE_URL && REDIS_URL, "RENEWAL_WORKERS_DATABASE_URL and RENEWAL_WORKERS_REDIS_URL must be set")
  const redis = new Redis(REDIS_URL)
  await redis.flushdb()
  await redis.quit()
  const seed = await migrateAndSeed(DATABASE_URL, `/tmp/renewal-workers-seed-${process.pid}.json`)
  await db.connect()
  await Promise.all([
    startBackend({ databaseUrl: DATABASE_URL, port: PORT_A, mode: "start", env }),
    startBackend({ databaseUrl: DATABASE_URL, port: PORT_B, mode: "start", env }),
  ])
  const key = seed.publishable_key
  const variant_id = await planOf(A, key, "standard")

  // 200 customers, each with a paid monthly plan and a saved card, half through each process
  let latestEnd = 0
  await pool(SUBSCRIPTIONS, SEED_CONCURRENCY, async (i) => {
    const base = i % 2 ? B : A
    const { token } = await signUpCustomer(base, key, "renewal-workers")
    const bought = await call(base, "/store/purchases", { method: "POST", token, key, body: { variant_id, payment: { token: "tok_success" } } })
    assert.equal(bought.status, 201, JSON.stringify(bought.data))
    const end = new Date(bought.data.subscription.current_period_end).getTime()
    latestEnd = Math.max(latestEnd, end)
  })
  const due = await db.query(`select count(*)::int as n from subscription where auto_renew = true and status = 'active'`)
  assert.equal(due.rows[0].n, SUBSCRIPTIONS)

  const as_of = new Date(latestEnd + 60000).toISOString()
  const admin = (await call(A, "/auth/user/emailpass", { method: "POST", body: seed.admin })).data.token
  const run = (base) => call(base, "/admin/subscriptions/renewals/run", { method: "POST", token: admin, body: { as_of } })
  const [a, b] = await Promise.all([run(A), run(B)])
  assert.equal(a.status, 200, JSON.stringify(a.data))
  assert.equal(b.status, 200, JSON.stringify(b.data))
  assert.equal(a.data.errors + b.data.errors, 0, `no errored attempt: ${JSON.stringify([a.data, b.data])}`)
  assert.equal(a.data.renewed + b.data.renewed, SUBSCRIPTIONS, JSON.stringify([a.data, b.data]))
  // the passes overlapped: one met subscriptions the other had renewed meanwhile
  // (which one renews which is up to the race; often one renews all, the other skips)
  assert.ok(a.data.skipped + b.data.skipped > 0, `the passes ran at once: ${JSON.stringify([a.data, b.data])}`)

  const counts = await renewalCounts()
  assert.deepEqual(counts, {
    renewals: SUBSCRIPTIONS,
    attempts: SUBSCRIPTIONS,
    payments: SUBSCRIPTIONS,
    captures: SUBSCRIPTIONS,
    refunds: 0,
    subscriptions: SUBSCRIPTIONS,
  })

  // a third pass at the same moment finds nothing due
  const again = await run(A)
  assert.equal(again.data.renewed, 0, JSON.stringify(again.data))
  assert.deepEqual(await renewalCounts(), counts)
})
