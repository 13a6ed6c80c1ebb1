// The renewal pass: renewals per second over N due subscriptions (10,000;
// --quick 300; BENCH_RENEWALS), and the CPU per renewal (server process tree +
// PostgreSQL, the orders the purchase.completed subscriber records afterwards
// included), next to the CPU of one purchase (POST /store/purchases, measured
// the same way on the same server).
//
// Setup (not measured): one customer buys Standard monthly with a saved card
// over HTTP; with the purchase loop's buyers (their subscriptions renew too)
// N-1-P more customers and subscriptions are copied from it in SQL (same plan,
// period end, account holder and saved card), so that N subscriptions are due
// at one moment. The pass is then run once through
// POST /admin/subscriptions/renewals/run with as_of (SUBSCRIPTION_TEST_CLOCK).
import fs from "node:fs"
import http from "node:http"
import os from "node:os"
import path from "node:path"
import { performance } from "node:perf_hooks"
import pg from "pg"
import { startBackend } from "../scripts/lib/app.mjs"
import { log } from "../scripts/lib/proc.mjs"
import { adminToken, registerCustomers } from "./lib/fixtures.mjs"
import { apiClient, mapLimit } from "./lib/http.mjs"
import { postgresCpuTicks, TICKS_MS, treeCpuTicksWithReaped, waitForIdle } from "./lib/idle.mjs"

const QUICK = process.env.BENCH_QUICK === "1"
const RENEWALS = Number(process.env.BENCH_RENEWALS || (QUICK ? 300 : 10000))
const PURCHASES = Number(process.env.BENCH_RENEWAL_PURCHASES || (QUICK ? 30 : 100))
const PURCHASE_CONCURRENCY = 4
if (PURCHASES + 1 >= RENEWALS) throw new Error("BENCH_RENEWALS must exceed BENCH_RENEWAL_PURCHASES + 1")
const SECRETS = { JWT_SECRET: "bench-jwt-secret", COOKIE_SECRET: "bench-cookie-secret" }

const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1)

/** POST with no client timeout (a pass over 10,000 subscriptions outlasts fetch's 300 s). */
function postLong(url, token, body) {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body)
    const req = http.request(
      url,
      {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "content-length": Buffer.byteLength(payload) },
      },
      (res) => {
        let text = ""
        res.on("data", (chunk) => (text += chunk))
        res.on("end", () =>
          res.statusCode === 200 ? resolve(JSON.parse(text)) : reject(new Error(`renewal pass answered ${res.statusCode}: ${text.slice(0, 500)}`))
        )
      }
    )
    req.setTimeout(0)
    req.on("error", reject)
    req.end(payload)
  })
}

/**
 * PostgreSQL's CPU ticks so far: the embedded server's process tree (closed
 * connections counted through the postmaster), else every postgres process.
 */
function postgresTicks(databaseDir) {
  const pid = databaseDir ? Number(fs.readFileSync(path.join(databaseDir, "postmaster.pid"), "utf8").split("\n")[0]) : 0
  return pid ? treeCpuTicksWithReaped(pid) : postgresCpuTicks()
}

/** CPU (ms) of the server tree and of PostgreSQL while `work` runs and the server settles after it. */
async function cpuOf(pid, databaseDir, work) {
  const server = treeCpuTicksWithReaped(pid)
  const postgres = postgresTicks(databaseDir)
  const started = performance.now()
  const result = await work()
  const wallS = (performance.now() - started) / 1000
  const settleS = await waitForIdle(pid, { timeoutMs: 300000 })
  return {
    result,
    wallS,
    settleS,
    serverMs: (treeCpuTicksWithReaped(pid) - server) * TICKS_MS,
    postgresMs: (postgresTicks(databaseDir) - postgres) * TICKS_MS,
  }
}

/** Copies the template customer and its subscription `count` times (new ids, emails). */
async function cloneSubscriptions(databaseUrl, templateId, count) {
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  try {
    const columns = (
      await db.query(`select column_name from information_schema.columns where table_name = 'subscription' and table_schema = current_schema()`)
    ).rows.map((r) => r.column_name)
    const copied = columns.filter((c) => !["id", "customer_id", "created_at", "updated_at"].includes(c))
    const list = copied.map((c) => `"${c}"`).join(", ")
    await db.query("begin")
    await db.query(
      `insert into customer (id, email, first_name, has_account, created_at, updated_at)
       select 'cus_renewal_bench_' || g, 'renewal-bench-' || g || '@bench.local', 'Bench', true, now(), now()
       from generate_series(1, $1) g`,
      [count]
    )
    await db.query(
      `insert into subscription (id, customer_id, created_at, updated_at, ${list})
       select 'sub_renewal_bench_' || g, 'cus_renewal_bench_' || g, now(), now(), ${copied.map((c) => `t."${c}"`).join(", ")}
       from subscription t, generate_series(1, $2) g where t.id = $1`,
      [templateId, count]
    )
    await db.query("commit")
    return (await db.query(`select count(*)::int as n from subscription where auto_renew and status = 'active'`)).rows[0].n
  } finally {
    await db.end()
  }
}

async function completedRenewals(databaseUrl) {
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  try {
    return (await db.query(`select count(*)::int as n from purchase where kind = 'renewal' and status = 'completed'`)).rows[0].n
  } finally {
    await db.end()
  }
}

export default async function renewals({ databaseUrl, seed, port, databaseDir }) {
  const base = `http://localhost:${port}`
  const api = apiClient(base, seed.publishable_key)
  const tag = `renewals-${Date.now().toString(36)}`
  let started = performance.now()
  const backend = await startBackend({
    databaseUrl,
    port,
    mode: "start",
    env: { ...SECRETS, ADMIN_DISABLED: "true", NODE_ENV: "production", LOG_LEVEL: "error", SUBSCRIPTION_TEST_CLOCK: "true" },
  })
  log(`backend up in ${seconds(started)} s`)

  const { tariffs } = await api("GET", "/store/tariffs")
  const variant_id = tariffs.find((t) => t.handle === "standard").plans.find((p) => p.interval === "month" && p.interval_count === 1).variant_id
  const admin = await adminToken(api, seed.admin)

  // ── setup: the template subscription, its copies, the purchase loop's customers
  started = performance.now()
  const [templateToken, ...buyers] = await registerCustomers(api, { count: PURCHASES + 1, tag })
  const { subscription } = await api("POST", "/store/purchases", {
    token: templateToken,
    body: { variant_id, payment: { token: "tok_success" } },
  })
  log(`${PURCHASES + 1} customers ready in ${seconds(started)} s`)
  await waitForIdle(backend.pid, { timeoutMs: 90000 })

  // ── the purchase: PURCHASES purchases, PURCHASE_CONCURRENCY at a time (the first few warm up)
  const warm = buyers.splice(0, 5)
  await mapLimit(warm, PURCHASE_CONCURRENCY, (token) =>
    api("POST", "/store/purchases", { token, body: { variant_id, payment: { token: "tok_success" } } })
  )
  await waitForIdle(backend.pid, { timeoutMs: 90000 })
  log(`measuring ${buyers.length} purchases`)
  const purchase = await cpuOf(backend.pid, databaseDir, () =>
    mapLimit(buyers, PURCHASE_CONCURRENCY, (token) =>
      api("POST", "/store/purchases", { token, body: { variant_id, payment: { token: "tok_success" } } })
    )
  )

  // ── the renewal pass over every due subscription: the buyers' ones, the
  // template's and its copies (RENEWALS in all), due an hour after the last one bought
  started = performance.now()
  const due = await cloneSubscriptions(databaseUrl, subscription.id, RENEWALS - 1 - PURCHASES)
  if (due !== RENEWALS) throw new Error(`expected ${RENEWALS} auto-renewing subscriptions, found ${due}`)
  log(`${RENEWALS} due subscriptions ready in ${seconds(started)} s`)
  const as_of = new Date(new Date(subscription.current_period_end).getTime() + 3600000).toISOString()
  await waitForIdle(backend.pid, { timeoutMs: 90000 })
  log(`measuring the renewal pass over ${RENEWALS} subscriptions`)
  const pass = await cpuOf(backend.pid, databaseDir, () => postLong(`${base}/admin/subscriptions/renewals/run`, admin, { as_of }))
  const counted = await completedRenewals(databaseUrl)
  if (pass.result.renewed !== RENEWALS || counted !== RENEWALS) {
    throw new Error(`the pass renewed ${pass.result.renewed} (${counted} in the database) of ${RENEWALS}: ${JSON.stringify(pass.result)}`)
  }

  const perRenewal = { server: pass.serverMs / RENEWALS, postgres: pass.postgresMs / RENEWALS }
  const perPurchase = { server: purchase.serverMs / buyers.length, postgres: purchase.postgresMs / buyers.length }
  const [one, five] = os.loadavg()
  const cpu = os.cpus()
  return [
    `renewals: ${cpu.length} cores (${cpu[0]?.model ?? "unknown CPU"}), load ${one.toFixed(1)}/${five.toFixed(1)} (1/5 min) at the end; NODE_ENV=production, no Redis, one process`,
    `renewal pass over ${RENEWALS} due subscriptions: ${(RENEWALS / pass.wallS).toFixed(1)} renewals/s (${pass.wallS.toFixed(1)} s; orders recorded ${pass.settleS.toFixed(0)} s after)`,
    `CPU per renewal:  server ${perRenewal.server.toFixed(1)} ms + PostgreSQL ${perRenewal.postgres.toFixed(1)} ms = ${(perRenewal.server + perRenewal.postgres).toFixed(1)} ms`,
    `CPU per purchase: server ${perPurchase.server.toFixed(1)} ms + PostgreSQL ${perPurchase.postgres.toFixed(1)} ms = ${(perPurchase.server + perPurchase.postgres).toFixed(1)} ms (${buyers.length} POST /store/purchases, ${PURCHASE_CONCURRENCY} at a time, ${(buyers.length / purchase.wallS).toFixed(1)}/s)`,
  ]
}
