// With REDIS_URL the backend runs Medusa's Redis modules (event bus, workflow
// engine, locking, cache): a purchase goes through the Redis locking and
// workflow engine, and its purchase.completed event reaches the order
// subscriber through the Redis event bus.
// Run by `node scripts/test.mjs redis` with REDIS_DATABASE_URL and REDIS_URL.
import assert from "node:assert/strict"
import { randomUUID } from "node:crypto"
import { after, test } from "node:test"
import pg from "pg"
import { migrateAndSeed, startBackend } from "../../../scripts/lib/app.mjs"
import { stopServices } from "../../../scripts/lib/proc.mjs"

const DATABASE_URL = process.env.REDIS_DATABASE_URL
const REDIS_URL = process.env.REDIS_URL
const PORT = Number(process.env.REDIS_BACKEND_PORT || 9040)
const BASE = `http://localhost:${PORT}`

const db = new pg.Client({ connectionString: DATABASE_URL })
after(async () => {
  await stopServices()
  await db.end().catch(() => {})
})

async function call(path, { method = "GET", body, token, key } = {}) {
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers: {
      "content-type": "application/json",
      ...(key ? { "x-publishable-api-key": key } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  })
  return { status: res.status, data: await res.json().catch(() => null) }
}

test("the backend runs on Redis modules and a purchase completes through them", { timeout: 300000 }, async () => {
  assert.ok(DATABASE_URL && REDIS_URL, "REDIS_DATABASE_URL and REDIS_URL must be set")
  const seed = await migrateAndSeed(DATABASE_URL, `/tmp/redis-seed-${process.pid}.json`)
  await db.connect()
  const server = await startBackend({
    databaseUrl: DATABASE_URL,
    port: PORT,
    mode: "start",
    env: { REDIS_URL, ADMIN_DISABLED: "true", JWT_SECRET: "redis-test", COOKIE_SECRET: "redis-test" },
  })
  assert.ok(server.pid)

  const key = seed.publishable_key
  const email = `redis-${randomUUID()}@test.local`
  const reg = await call("/auth/customer/emailpass/register", { method: "POST", body: { email, password: "secret-pass" } })
  await call("/store/customers", { method: "POST", token: reg.data.token, key, body: { email, first_name: "Redis" } })
  const { data: { token } } = await call("/auth/customer/emailpass", { method: "POST", body: { email, password: "secret-pass" } })
  const { data: { tariffs } } = await call("/store/tariffs", { key })
  const variant_id = tariffs.find((t) => t.handle === "premium").plans[0].variant_id

  const bought = await call("/store/purchases", { method: "POST", token, key, body: { variant_id, promocode: "SALE10" } })
  assert.equal(bought.status, 201, JSON.stringify(bought.data))
  assert.equal(bought.data.purchase.total, 629.1)

  // The order subscriber runs from the Redis event bus (a BullMQ queue).
  const deadline = Date.now() + 60000
  let orderId = null
  while (!orderId && Date.now() < deadline) {
    const { rows } = await db.query("select order_id from purchase where id = $1", [bought.data.purchase.id])
    orderId = rows[0]?.order_id
    if (!orderId) await new Promise((r) => setTimeout(r, 500))
  }
  assert.ok(orderId, "the purchase.completed subscriber recorded no order")
  const orders = await fetch(`${BASE}/store/orders`, {
    headers: { "x-publishable-api-key": key, authorization: `Bearer ${token}` },
  }).then((r) => r.json())
  assert.deepEqual(orders.orders.map((o) => o.id), [orderId])
})
