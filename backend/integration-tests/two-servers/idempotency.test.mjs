// Two server processes on one database and no Redis: locks are PostgreSQL's
// (medusa-config.ts), so the same Idempotency-Key sent to both at once buys
// once, and every answer is the first outcome (never a 400 naming columns,
// never PROMOCODE_ALREADY_USED for a retry of a success).
// Run by `node scripts/test.mjs two-servers` with TWO_SERVERS_DATABASE_URL.
import assert from "node:assert/strict"
import { randomUUID } from "node:crypto"
import { after, test } from "node:test"
import pg from "pg"
import { migrateAndSeed, startBackend } from "../../../scripts/lib/app.mjs"
import { stopServices } from "../../../scripts/lib/proc.mjs"
import { call, planOf, signUpCustomer } from "../../../scripts/lib/store-client.mjs"

const DATABASE_URL = process.env.TWO_SERVERS_DATABASE_URL
const PORTS = [Number(process.env.TWO_SERVERS_PORT_A || 9050), Number(process.env.TWO_SERVERS_PORT_B || 9051)]
const BASES = PORTS.map((port) => `http://localhost:${port}`)
const ROUNDS = Number(process.env.TWO_SERVERS_ROUNDS || 12)
const PER_SERVER = 2
const env = {
  REDIS_URL: "",
  ADMIN_DISABLED: "true",
  JWT_SECRET: "two-servers-test",
  COOKIE_SECRET: "two-servers-test",
  // a little time at the gateway widens the window the replays race in
  PAYMENT_EMULATOR_DELAY_MS: "200",
  LOG_LEVEL: "error",
}

const db = new pg.Client({ connectionString: DATABASE_URL })
after(async () => {
  await stopServices()
  await db.end().catch(() => {})
})

test("the same Idempotency-Key raced across two servers without Redis buys once", { timeout: 600000 }, async () => {
  assert.ok(DATABASE_URL, "TWO_SERVERS_DATABASE_URL must point at a fresh database")
  const seed = await migrateAndSeed(DATABASE_URL, `/tmp/two-servers-seed-${process.pid}.json`)
  await db.connect()
  await Promise.all(
    PORTS.map((port) => startBackend({ databaseUrl: DATABASE_URL, port, mode: "start", env }))
  )
  const key = seed.publishable_key
  const variant_id = await planOf(BASES[0], key, "premium")

  for (let round = 0; round < ROUNDS; round++) {
    // a new customer each round: SALE10 is once per customer, so a retry that
    // reached the code again would answer PROMOCODE_ALREADY_USED
    const { token } = await signUpCustomer(BASES[round % 2], key, "two")
    const idempotencyKey = randomUUID()
    const answers = await Promise.all(
      BASES.flatMap((base) =>
        Array.from({ length: PER_SERVER }, () =>
          call(base, "/store/purchases", {
            method: "POST",
            token,
            key,
            headers: { "idempotency-key": idempotencyKey },
            body: { variant_id, promocode: "SALE10", payment: { token: "tok_success" } },
          })
        )
      )
    )
    for (const answer of answers) {
      assert.equal(answer.status, 201, `round ${round}: ${JSON.stringify(answer.data)}`)
    }
    const ids = new Set(answers.map((a) => a.data.purchase.id))
    assert.equal(ids.size, 1, `round ${round}: several purchases answered: ${[...ids]}`)
    assert.equal(answers[0].data.purchase.total, 629.1)

    const { rows } = await db.query(
      `select id, status from purchase where idempotency_key = $1 and deleted_at is null`,
      [idempotencyKey]
    )
    assert.deepEqual(rows, [{ id: [...ids][0], status: "completed" }], `round ${round}`)
    const uses = await db.query(
      `select u.status from promocode_usage u
       where u.customer_id = (select customer_id from purchase where idempotency_key = $1)`,
      [idempotencyKey]
    )
    // one use of the code, redeemed: no replay reserved it again
    assert.deepEqual(uses.rows.map((r) => r.status), ["redeemed"], `round ${round}`)
  }
})
