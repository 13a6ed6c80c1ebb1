// The cluster: two HTTP servers (MEDUSA_WORKER_MODE=server) and one worker on
// one Redis and one database, as in production. Promo code races split across
// both servers hold the usage limit exactly; one Idempotency-Key raced across
// them buys once; the order subscriber runs on the worker only, and a worker
// killed (-9) while orders are being recorded leaves every purchase with
// exactly one order once it is back; a server killed (-9) mid-purchase gives
// the code back within the reservation timeout.
// Run by `node scripts/test.mjs cluster` with CLUSTER_DATABASE_URL and CLUSTER_REDIS_URL.
import assert from "node:assert/strict"
import { randomUUID } from "node:crypto"
import { after, before, test } from "node:test"
import Redis from "ioredis"
import pg from "pg"
import { migrateAndSeed, startBackend } from "../../../scripts/lib/app.mjs"
import { stopServices } from "../../../scripts/lib/proc.mjs"
import { call, planOf, signUpCustomer, until } from "../../../scripts/lib/store-client.mjs"

const DATABASE_URL = process.env.CLUSTER_DATABASE_URL
const REDIS_URL = process.env.CLUSTER_REDIS_URL
const [PORT_A, PORT_B, PORT_WORKER] = (process.env.CLUSTER_PORTS || "9060,9061,9062").split(",").map(Number)
const A = `http://localhost:${PORT_A}`
const B = `http://localhost:${PORT_B}`
const TTL_MS = 15000
const env = {
  REDIS_URL,
  ADMIN_DISABLED: "true",
  JWT_SECRET: "cluster-test",
  COOKIE_SECRET: "cluster-test",
  PROMOCODE_RESERVATION_TTL_MS: String(TTL_MS),
  PROMOCODE_RELEASE_INTERVAL_SECONDS: "1",
  PURCHASE_ABANDON_CHECK_SECONDS: "2",
  // the last test polls a preview while the code is still held (each answer a
  // rejected attempt): the guessing limit (limits.spec.ts) is not what it tests
  PROMOCODE_ATTEMPTS_PER_CUSTOMER: "100000",
  PROMOCODE_ATTEMPTS_PER_IP: "100000",
  LOG_LEVEL: "error",
}

const db = new pg.Client({ connectionString: DATABASE_URL })
const processes = {}
let seed
let key
let variant_id

const startServer = (name, port, extra = {}) =>
  startBackend({ databaseUrl: DATABASE_URL, port, mode: "start", env: { ...env, MEDUSA_WORKER_MODE: "server", ...extra } }).then(
    (child) => (processes[name] = child)
  )
const startWorker = () =>
  startBackend({ databaseUrl: DATABASE_URL, port: PORT_WORKER, mode: "start", env: { ...env, MEDUSA_WORKER_MODE: "worker" } }).then(
    (child) => (processes.worker = child)
  )

async function kill9(name) {
  const child = processes[name]
  process.kill(-child.pid, "SIGKILL")
  await until(`${name} to die`, () => child.exitCode !== null || child.signalCode !== null, 10000)
}

const buy = (base, token, body, headers = {}) =>
  call(base, "/store/purchases", { method: "POST", token, key, headers, body: { variant_id, payment: { token: "tok_success" }, ...body } })

const ordersOf = async (purchaseIds) =>
  (
    await db.query(
      `select p.id, p.order_id, (select count(*)::int from "order" o where o.metadata->>'purchase_id' = p.id and o.deleted_at is null) as orders
       from purchase p where p.id = any($1)`,
      [purchaseIds]
    )
  ).rows

before(async () => {
  assert.ok(DATABASE_URL && REDIS_URL, "CLUSTER_DATABASE_URL and CLUSTER_REDIS_URL must be set")
  // this run's own Redis database, emptied: no queue left by an earlier run
  const redis = new Redis(REDIS_URL)
  await redis.flushdb()
  await redis.quit()
  seed = await migrateAndSeed(DATABASE_URL, `/tmp/cluster-seed-${process.pid}.json`)
  await db.connect()
  await startWorker()
  await Promise.all([startServer("a", PORT_A), startServer("b", PORT_B)])
  key = seed.publishable_key
  variant_id = await planOf(A, key, "standard")
})

after(async () => {
  await stopServices()
  await db.end().catch(() => {})
})

test("a promo code raced across both servers is used exactly up to its limit", { timeout: 300000 }, async () => {
  const login = await call(A, "/auth/user/emailpass", {
    method: "POST",
    body: { email: seed.admin.email, password: seed.admin.password },
  })
  const code = `RACE${randomUUID().slice(0, 8).toUpperCase()}`
  const created = await call(B, "/admin/promocodes", {
    method: "POST",
    token: login.data.token,
    body: { code, type: "percentage", value: 20, usage_limit: 4 },
  })
  assert.equal(created.status, 201, JSON.stringify(created.data))

  const buyers = []
  for (let i = 0; i < 10; i++) buyers.push(await signUpCustomer(i % 2 ? A : B, key, "race"))
  const answers = await Promise.all(buyers.map(({ token }, i) => buy(i % 2 ? A : B, token, { promocode: code })))
  const won = answers.filter((a) => a.status === 201)
  const lost = answers.filter((a) => a.status !== 201)
  assert.equal(won.length, 4, JSON.stringify(answers.map((a) => [a.status, a.data?.code])))
  assert.ok(lost.every((a) => a.status === 400 && a.data.code === "PROMOCODE_USED_UP"), JSON.stringify(lost.map((a) => a.data)))
  // half the buyers went to each server (which server wins depends on timing)
  const { rows } = await db.query(`select used_count from promocode where code = $1`, [code])
  assert.equal(rows[0].used_count, 4)
})

test("one Idempotency-Key raced across both servers buys once", { timeout: 300000 }, async () => {
  for (let round = 0; round < 4; round++) {
    const { token } = await signUpCustomer(A, key, "idem")
    const idempotencyKey = randomUUID()
    const answers = await Promise.all(
      [A, B, A, B].map((base) => buy(base, token, { promocode: "SALE10" }, { "idempotency-key": idempotencyKey }))
    )
    for (const a of answers) assert.equal(a.status, 201, `round ${round}: ${JSON.stringify(a.data)}`)
    assert.equal(new Set(answers.map((a) => a.data.purchase.id)).size, 1)
    const { rowCount } = await db.query(`select 1 from purchase where idempotency_key = $1`, [idempotencyKey])
    assert.equal(rowCount, 1)
  }
})

test("orders are recorded by the worker only, and a worker killed mid-way leaves one order per purchase", { timeout: 300000 }, async () => {
  const buyers = []
  for (let i = 0; i < 6; i++) buyers.push(await signUpCustomer(A, key, "orders"))
  const bought = []
  const purchase = async (i) => {
    const res = await buy(i % 2 ? A : B, buyers[i % buyers.length].token, {})
    assert.equal(res.status, 201, JSON.stringify(res.data))
    bought.push(res.data.purchase.id)
    return res.data.purchase.id
  }

  // orders are being recorded when the worker dies
  await Promise.all([0, 1, 2, 3, 4, 5].map(purchase))
  await kill9("worker")

  // with the worker dead, the servers still sell, and record no order
  const whileDead = await Promise.all([6, 7, 8, 9].map(purchase))
  await new Promise((r) => setTimeout(r, 4000))
  const unrecorded = await ordersOf(whileDead)
  assert.deepEqual(
    unrecorded.map((r) => [r.order_id, r.orders]),
    whileDead.map(() => [null, 0]),
    "a server recorded an order: the subscriber ran outside the worker"
  )

  await startWorker()
  const all = await until(
    "every purchase to have its order",
    async () => {
      const rows = await ordersOf(bought)
      return rows.length === bought.length && rows.every((r) => r.order_id) ? rows : null
    },
    // the dead worker's lock on a purchase runs out (30 s) and the event's
    // retry (5 s, 10 s, 20 s...) records it
    180000,
    500
  )
  // settle: a retried delivery must not add a second order
  await new Promise((r) => setTimeout(r, 3000))
  const settled = await ordersOf(bought)
  assert.deepEqual(
    settled.map((r) => r.orders),
    bought.map(() => 1),
    JSON.stringify(settled)
  )
  assert.equal(all.length, bought.length)
})

test("a server killed mid-purchase gives the promo code back within the reservation timeout", { timeout: 300000 }, async () => {
  // server B again, now with a gateway that takes 5 minutes
  await kill9("b")
  await startServer("b", PORT_B, { PAYMENT_EMULATOR_DELAY_MS: "300000" })
  const buyer = await signUpCustomer(A, key, "crash")
  const doomed = buy(B, buyer.token, { promocode: "WELCOME100" }).catch(() => null)
  const usage = await until(
    "the reservation",
    async () =>
      (
        await db.query(
          `select id, expires_at from promocode_usage where status = 'reserved'
           and customer_id = (select id from customer where email = $1)`,
          [buyer.email]
        )
      ).rows[0],
    60000
  )
  await kill9("b")
  await doomed

  const preview = await until(
    "the code to be usable again on the other server",
    async () => {
      const res = await call(A, "/store/purchases/preview", {
        method: "POST",
        token: buyer.token,
        key,
        body: { variant_id, promocode: "WELCOME100" },
      })
      return res.status === 200 ? res : null
    },
    TTL_MS + 60000
  )
  const late = Date.now() - (new Date(usage.expires_at).getTime() + 5000)
  assert.ok(late <= 0, `usable ${late} ms after the expiry + 5 s`)
  assert.equal(preview.data.preview.promocode.code, "WELCOME100")
  const released = await db.query(`select status from promocode_usage where id = $1`, [usage.id])
  assert.equal(released.rows[0].status, "released")
  // (the dead server's lock on this customer stays in Redis until its time to
  // live, 120 s, runs out: the customer's next purchase waits for that)
})
