// Promo code benchmarks against the real backend and PostgreSQL:
// 1. bulk generation: POST /admin/promocodes/generate of 100,000 codes, polled
//    until completed (target < 30 s);
// 2. reservation throughput with 50 concurrent callers: the module's atomic
//    reserve (service.reserve, in a `medusa exec` script: row lock, per-rule
//    checks, usage + counter + journal), distinct customers, one unlimited
//    100%-off code, for 10 s. Whole purchases over HTTP (which reserve and
//    redeem) are measured by bench/purchase.mjs;
// 3. with 1,000,000 more codes generated through the API (timed), the admin
//    list's first page and a search by a code prefix, each with autocannon
//    (10 connections, 10 s, closed loop): median and p95 (target < 200 ms).
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { performance } from "node:perf_hooks"
import pg from "pg"
import { BACKEND_DIR, startBackend } from "../scripts/lib/app.mjs"
import { log, run, stopServices } from "../scripts/lib/proc.mjs"
import { adminToken } from "./lib/fixtures.mjs"
import { apiClient } from "./lib/http.mjs"
import { waitForIdle } from "./lib/idle.mjs"
import { formatFailures, measure, percentile } from "./lib/load.mjs"

const GENERATE_COUNT = Number(process.env.BENCH_PROMOCODE_COUNT || 100_000)
const LARGE_TABLE = Number(process.env.BENCH_PROMOCODE_LARGE || 1_000_000)
const CALLERS = 50
const RESERVE_SECONDS = 10
const LOAD_SECONDS = Number(process.env.BENCH_DURATION_S || 10)
/** the admin list's target (issue 6), in ms */
const LIST_TARGET_MS = 200
const SECRETS = { JWT_SECRET: "bench-jwt-secret", COOKIE_SECRET: "bench-cookie-secret" }

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

function latencyLine(samples) {
  const sorted = [...samples].sort((a, b) => a - b)
  return `median ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms`
}

/** Starts a generation and polls the batch until it completes; seconds taken. */
async function generate(api, token, body) {
  const started = performance.now()
  const { batch } = await api("POST", "/admin/promocodes/generate", { token, body })
  let current = batch
  while (current.status !== "completed") {
    if (current.status === "failed") throw new Error(`batch ${batch.id} failed: ${current.error}`)
    await sleep(200)
    current = (await api("GET", `/admin/promocodes/batches/${batch.id}`, { token })).batch
  }
  return { batch: current, seconds: (performance.now() - started) / 1000 }
}

// --- 2: service.reserve in `medusa exec` -------------------------------------

const RESERVE_SCRIPT = `
exports.default = async function reserveBench({ container }) {
  const fs = require("node:fs")
  const service = container.resolve("promocode")
  const code = "BENCH-RESERVE-" + Date.now()
  await service.createPromocodes({
    code, type: "percentage", value: 100, usage_limit: null, per_customer_limit: null,
  })
  const seconds = Number(process.env.BENCH_SECONDS)
  const callers = Number(process.env.BENCH_CALLERS)
  const latencies = []
  let errors = 0
  let n = 0
  const deadline = Date.now() + seconds * 1000
  const started = process.hrtime.bigint()
  await Promise.all(Array.from({ length: callers }, async () => {
    while (Date.now() < deadline) {
      const i = n++
      const t = process.hrtime.bigint()
      try {
        await service.reserve({
          code, customer_id: "cus_bench_" + i, variant_id: "variant_bench",
          amount: 399, currency_code: "rub",
        })
        latencies.push(Number(process.hrtime.bigint() - t) / 1e6)
      } catch (e) {
        errors++
      }
    }
  }))
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9
  const [promocode] = await service.listPromocodes({ code })
  fs.writeFileSync(process.env.BENCH_OUT, JSON.stringify({
    latencies, errors, elapsed, reserved_count: promocode.reserved_count,
  }))
}
`

async function reserveViaService(databaseUrl) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "promocode-bench-"))
  const script = path.join(dir, "reserve.js")
  const out = path.join(dir, "out.json")
  fs.writeFileSync(script, RESERVE_SCRIPT)
  try {
    await run("npx", ["medusa", "exec", script], {
      cwd: BACKEND_DIR,
      quiet: true,
      env: {
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: "error",
        BENCH_OUT: out,
        BENCH_SECONDS: String(RESERVE_SECONDS),
        BENCH_CALLERS: String(CALLERS),
      },
    })
    return JSON.parse(fs.readFileSync(out, "utf8"))
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

// --- 3: the admin list under load ---------------------------------------------

async function listUnderLoad(base, token, label, path) {
  const stats = await measure({
    label,
    url: base,
    method: "GET",
    connections: 10,
    durationS: LOAD_SECONDS,
    next: () => ({ path, headers: { authorization: `Bearer ${token}` } }),
    check: (status, body) => status === 200 && Array.isArray(body?.promocodes) && body.count > 0,
  })
  const verdict = stats.p50 < LIST_TARGET_MS && stats.p95 < LIST_TARGET_MS ? "within" : "OVER"
  return [
    `${label}: median ${stats.p50.toFixed(1)} ms, p95 ${stats.p95.toFixed(1)} ms, ${stats.rps.toFixed(0)} req/s, ` +
      `${stats.ok}/${stats.answered} ok (autocannon 10 connections, ${LOAD_SECONDS} s; ${verdict} the ${LIST_TARGET_MS} ms target; load1 ${stats.loadBefore.toFixed(1)})`,
    ...formatFailures(stats),
  ]
}

export default async function promocodes({ databaseUrl, seed, port }) {
  const cpus = os.cpus()
  const lines = [`promo codes: ${cpus.length} cores (${cpus[0]?.model ?? "unknown CPU"}), load1 ${os.loadavg()[0].toFixed(1)} at start`]

  log(`reserving with ${CALLERS} concurrent callers through the module (medusa exec)`)
  const reserved = await reserveViaService(databaseUrl)
  lines.push(
    `reservations (service.reserve in medusa exec, ${CALLERS} concurrent callers, distinct customers, one unlimited code, ${RESERVE_SECONDS} s): ` +
      `${(reserved.latencies.length / reserved.elapsed).toFixed(0)} reservations/s, ${latencyLine(reserved.latencies)}, ` +
      `${reserved.errors} errors, reserved_count ${reserved.reserved_count}`
  )

  const backend = await startBackend({
    databaseUrl,
    port,
    mode: "start",
    env: { ...SECRETS, ADMIN_DISABLED: "true", NODE_ENV: "production", LOG_LEVEL: "error" },
  })
  const base = `http://localhost:${port}`
  const api = apiClient(base, seed.publishable_key)
  const token = await adminToken(api, seed.admin)

  log(`generating ${GENERATE_COUNT} codes through the API`)
  const small = await generate(api, token, {
    count: GENERATE_COUNT,
    prefix: "B100K-",
    length: 10,
    type: "percentage",
    value: 10,
    usage_limit: 1,
  })
  lines.push(
    `generation: ${small.batch.generated} codes in ${small.seconds.toFixed(1)} s ` +
      `(${Math.round(small.batch.generated / small.seconds)} codes/s; POST /admin/promocodes/generate, polled until completed; target < 30 s)`
  )

  log(`generating ${LARGE_TABLE} codes through the API`)
  const large = await generate(api, token, {
    count: LARGE_TABLE,
    prefix: "M-",
    length: 10,
    type: "fixed",
    value: 100,
    currency_code: "rub",
    description: "Bench million",
  })
  lines.push(
    `generation: ${large.batch.generated} codes in ${large.seconds.toFixed(1)} s (${Math.round(large.batch.generated / large.seconds)} codes/s)`
  )

  // what autovacuum does shortly after a bulk insert, done now so that the
  // planner sees the table as it is before anything is measured
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  await client.query("ANALYZE promocode")
  const {
    rows: [{ total }],
  } = await client.query("SELECT count(*)::int AS total FROM promocode")
  await client.end()
  await waitForIdle(backend.pid)

  const sample = await api("GET", `/admin/promocodes?batch_id=${large.batch.id}&limit=1`, { token })
  const prefix = sample.promocodes[0].code.slice(0, 5)
  const search = await api("GET", `/admin/promocodes?q=${prefix}`, { token })
  const first = await api("GET", "/admin/promocodes?limit=20", { token })
  lines.push(`admin list: ${total} codes in the table (count ${first.count}); q=${prefix} matches ${search.count}`)
  lines.push(...(await listUnderLoad(base, token, "GET /admin/promocodes?limit=20 (first page)", "/admin/promocodes?limit=20")))
  lines.push(
    ...(await listUnderLoad(base, token, `GET /admin/promocodes?q=${prefix} (code prefix)`, `/admin/promocodes?q=${prefix}`))
  )

  await stopServices()
  return lines
}
