// The renewal pass: renewals per second over N due subscriptions (10,000;
// --quick 300; BENCH_RENEWALS), the median and p95 time of one renewal (the
// server's cinema_renewal_duration_seconds histogram), and the CPU per
// renewal (server process tree + PostgreSQL, the orders the
// purchase.completed subscriber records afterwards included), next to the CPU
// of one purchase (POST /store/purchases, measured the same way on the same
// server).
//
// Setup (not measured): one customer buys Standard monthly with a saved card
// over HTTP; with the purchase loop's buyers (their subscriptions renew too)
// N-1-P more customers are copied from it in SQL, each with its own account
// holder and saved card at the payment emulator (lib/renewal-seed.mjs), so
// that N subscriptions are due at one moment. The pass is then run once
// through POST /admin/subscriptions/renewals/run with as_of (test clock), at
// SUBSCRIPTION_RENEWAL_CONCURRENCY (default 4). Afterwards the database must
// hold exactly N more payments, N more captures, no refund, N completed
// renewal purchases with their orders.
import fs from "node:fs"
import http from "node:http"
import os from "node:os"
import path from "node:path"
import { performance } from "node:perf_hooks"
import { startBackend } from "../scripts/lib/app.mjs"
import { log, processTree } from "../scripts/lib/proc.mjs"
import { adminToken, registerCustomers } from "./lib/fixtures.mjs"
import { apiClient, mapLimit } from "./lib/http.mjs"
import { postgresCpuTicks, TICKS_MS, treeCpuTicksWithReaped, waitForIdle } from "./lib/idle.mjs"
import { cloneSubscriptions, paymentCounts } from "./lib/renewal-seed.mjs"

const QUICK = process.env.BENCH_QUICK === "1"
const RENEWALS = Number(process.env.BENCH_RENEWALS || (QUICK ? 300 : 10000))
const PURCHASES = Number(process.env.BENCH_RENEWAL_PURCHASES || (QUICK ? 30 : 100))
const PURCHASE_CONCURRENCY = 4
if (PURCHASES + 1 >= RENEWALS) throw new Error("BENCH_RENEWALS must exceed BENCH_RENEWAL_PURCHASES + 1")
const SECRETS = { JWT_SECRET: "bench-jwt-secret", COOKIE_SECRET: "bench-cookie-secret", METRICS_TOKEN: "bench-metrics" }
const PROFILE_DIR = process.env.BENCH_CPU_PROF

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

/** The renewal histogram's cumulative buckets (le → count) from GET /metrics, over every outcome. */
async function renewalBuckets(base) {
  const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${SECRETS.METRICS_TOKEN}` } })
  if (!res.ok) throw new Error(`GET /metrics answered ${res.status}`)
  const buckets = new Map()
  for (const line of (await res.text()).split("\n")) {
    const m = /^cinema_renewal_duration_seconds_bucket\{(.*)\} (\S+)$/.exec(line)
    const text = m && /le="([^"]+)"/.exec(m[1])?.[1]
    const le = text === "+Inf" ? Infinity : Number(text)
    if (text) buckets.set(le, (buckets.get(le) ?? 0) + Number(m[2]))
  }
  return buckets
}

/** The q-quantile (ms) of the renewals between two bucket readings, linear within a bucket. */
function quantileMs(before, after, q) {
  const bounds = [...after.keys()].sort((a, b) => a - b)
  const counts = bounds.map((le) => after.get(le) - (before.get(le) ?? 0))
  const total = counts[counts.length - 1]
  const rank = q * total
  for (let i = 0; i < bounds.length; i++) {
    if (counts[i] >= rank) {
      const lower = i ? bounds[i - 1] : 0
      if (!Number.isFinite(bounds[i])) return lower * 1000
      const below = i ? counts[i - 1] : 0
      return (lower + ((bounds[i] - lower) * (rank - below)) / Math.max(1, counts[i] - below)) * 1000
    }
  }
  return NaN
}

/** BENCH_CPU_PROF: SIGUSR2 to the server's processes starts / writes a CPU profile (lib/cpu-profile.cjs). */
function toggleProfile(pid) {
  if (!PROFILE_DIR) return
  for (const p of processTree(pid)) {
    try {
      // only Node processes have the handler (SIGUSR2 ends a shell)
      if (fs.readlinkSync(`/proc/${p}/exe`).endsWith("/node")) process.kill(p, "SIGUSR2")
    } catch {}
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
    env: {
      ...SECRETS,
      ADMIN_DISABLED: "true",
      NODE_ENV: "production",
      LOG_LEVEL: "error",
      SUBSCRIPTION_TEST_CLOCK: "true",
      // BENCH_CPU_PROF=<dir>: a CPU profile of the pass (lib/cpu-profile.cjs)
      ...(PROFILE_DIR ? { NODE_OPTIONS: `--require ${path.join(import.meta.dirname, "lib/cpu-profile.cjs")}` } : {}),
    },
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
  const counts = await paymentCounts(databaseUrl)
  const buckets = await renewalBuckets(base)
  toggleProfile(backend.pid)
  const pass = await cpuOf(backend.pid, databaseDir, () => postLong(`${base}/admin/subscriptions/renewals/run`, admin, { as_of }))
  toggleProfile(backend.pid)
  const after = await paymentCounts(databaseUrl)
  const latency = await renewalBuckets(base)
  const added = Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - counts[k]]))
  const exact = {
    payments: RENEWALS,
    captures: RENEWALS,
    refunds: 0,
    renewals: RENEWALS,
    renewed_subscriptions: RENEWALS,
    completed: RENEWALS,
    orders: RENEWALS,
  }
  if (pass.result.renewed !== RENEWALS || Object.keys(exact).some((k) => added[k] !== exact[k])) {
    throw new Error(
      `the pass renewed ${pass.result.renewed} of ${RENEWALS} (${JSON.stringify(pass.result)}); added in the database ${JSON.stringify(added)}, expected ${JSON.stringify(exact)}`
    )
  }
  const timed = (latency.get(Infinity) ?? 0) - (buckets.get(Infinity) ?? 0)
  if (timed !== RENEWALS) throw new Error(`cinema_renewal_duration_seconds counted ${timed} renewals, not ${RENEWALS}`)
  const median = quantileMs(buckets, latency, 0.5)
  const p95 = quantileMs(buckets, latency, 0.95)

  const perRenewal = { server: pass.serverMs / RENEWALS, postgres: pass.postgresMs / RENEWALS }
  const perPurchase = { server: purchase.serverMs / buyers.length, postgres: purchase.postgresMs / buyers.length }
  const [one, five] = os.loadavg()
  const cpu = os.cpus()
  return [
    `renewals: ${cpu.length} cores (${cpu[0]?.model ?? "unknown CPU"}), load ${one.toFixed(1)}/${five.toFixed(1)} (1/5 min) at the end; NODE_ENV=production, no Redis, one process`,
    `renewal pass over ${RENEWALS} due subscriptions, ${process.env.SUBSCRIPTION_RENEWAL_CONCURRENCY || 4} at a time: ${(RENEWALS / pass.wallS).toFixed(1)} renewals/s (${pass.wallS.toFixed(1)} s; orders recorded ${pass.settleS.toFixed(0)} s after); one renewal median ${median.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms`,
    `checked in the database: ${added.payments} payments, ${added.captures} captures, ${added.refunds} refunds, ${added.completed} completed renewal purchases of ${added.renewed_subscriptions} subscriptions, ${added.orders} orders`,
    `CPU per renewal:  server ${perRenewal.server.toFixed(1)} ms + PostgreSQL ${perRenewal.postgres.toFixed(1)} ms = ${(perRenewal.server + perRenewal.postgres).toFixed(1)} ms`,
    `CPU per purchase: server ${perPurchase.server.toFixed(1)} ms + PostgreSQL ${perPurchase.postgres.toFixed(1)} ms = ${(perPurchase.server + perPurchase.postgres).toFixed(1)} ms (${buyers.length} POST /store/purchases, ${PURCHASE_CONCURRENCY} at a time, ${(buyers.length / purchase.wallS).toFixed(1)}/s)`,
  ]
}
