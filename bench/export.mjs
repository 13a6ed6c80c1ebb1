// Export benchmark (issue 13): previews while a large CSV export runs.
// 1. generates BENCH_EXPORT_COUNT codes (default 400,000) in one batch through
//    the API;
// 2. measures POST /store/purchases/preview idle (no export running):
//    autocannon, BENCH_EXPORT_CONNECTIONS connections (default 4), closed loop,
//    BENCH_DURATION_S seconds;
// 3. starts the batch's export (POST /admin/promocodes/export) and measures
//    previews in 2-second slices for as long as the export runs, pooling the
//    latencies; then the same for an export of the whole table (no batch_id);
// 4. downloads each file and counts its rows; samples the backend's resident
//    memory during each export.
// Passes when the preview p95 during each export is within 2x of the idle p95.
// The backend runs in `shared` mode: the export runs in the very process that
// answers the previews, the hardest case (with a worker it runs elsewhere).
import fs from "node:fs"
import { performance } from "node:perf_hooks"
import pg from "pg"
import { startBackend } from "../scripts/lib/app.mjs"
import { log, processTree, stopServices } from "../scripts/lib/proc.mjs"
import { adminToken, registerCustomers } from "./lib/fixtures.mjs"
import { apiClient } from "./lib/http.mjs"
import { waitForIdle } from "./lib/idle.mjs"
import { measure, percentile, rotation } from "./lib/load.mjs"

const EXPORT_COUNT = Number(process.env.BENCH_EXPORT_COUNT || 400_000)
const DURATION_S = Number(process.env.BENCH_DURATION_S || 10)
const CONNECTIONS = Number(process.env.BENCH_EXPORT_CONNECTIONS || 4)
const SLICE_S = 2
const CUSTOMERS = 12
const PREVIEW_CODE = "SALE10"
/** the preview p95 during an export may be at most this many times its idle p95 */
const LIMIT_RATIO = 2
const SECRETS = { JWT_SECRET: "bench-jwt-secret", COOKIE_SECRET: "bench-cookie-secret" }

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

function treeRssMb(rootPid) {
  let kb = 0
  for (const pid of processTree(rootPid)) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0)
    } catch {}
  }
  return kb / 1024
}

const figures = (sorted) =>
  `median ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, ` +
  `${sorted.length} previews`

export default async function exportBench({ databaseUrl, seed, port }) {
  const base = `http://localhost:${port}`
  const api = apiClient(base, seed.publishable_key)
  const lines = []
  const backend = await startBackend({
    databaseUrl,
    port,
    mode: "start",
    env: { ...SECRETS, ADMIN_DISABLED: "true", NODE_ENV: "production", LOG_LEVEL: "error" },
  })
  try {
    const token = await adminToken(api, seed.admin)
    const { tariffs } = await api("GET", "/store/tariffs")
    const variantId = tariffs
      .find((t) => t.handle === "standard")
      ?.plans.find((p) => p.interval === "month" && p.interval_count === 1)?.variant_id
    if (!variantId) throw new Error("GET /store/tariffs lists no Standard monthly plan")
    const customers = rotation(
      await registerCustomers(api, { count: CUSTOMERS, tag: `exp${Date.now().toString(36)}` })
    )

    log(`generating ${EXPORT_COUNT} codes through the API`)
    let started = performance.now()
    let { batch } = await api("POST", "/admin/promocodes/generate", {
      token,
      body: { count: EXPORT_COUNT, prefix: "EXP-", length: 10, type: "percentage", value: 5 },
    })
    while (batch.status !== "completed") {
      if (batch.status === "failed") throw new Error(`batch ${batch.id} failed: ${batch.error}`)
      await sleep(500)
      batch = (await api("GET", `/admin/promocodes/batches/${batch.id}`, { token })).batch
    }
    lines.push(`export: ${batch.generated} codes generated in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    const client = new pg.Client({ connectionString: databaseUrl })
    await client.connect()
    await client.query("ANALYZE promocode")
    await client.end()
    await waitForIdle(backend.pid)

    const previews = (durationS, label) =>
      measure({
        label,
        url: base,
        connections: CONNECTIONS,
        durationS,
        next: (context) => {
          context.token = customers.take()
          return {
            path: "/store/purchases/preview",
            headers: { "x-publishable-api-key": seed.publishable_key, authorization: `Bearer ${context.token}` },
            body: { variant_id: variantId, promocode: PREVIEW_CODE },
          }
        },
        check: (status, body, context) => {
          customers.release(context.token)
          return status === 200 && body?.preview?.promocode?.code === PREVIEW_CODE
        },
      })

    log("previews, warm-up and idle")
    await previews(3, "warm-up")
    const idle = await previews(DURATION_S, "idle")
    const idleP95 = percentile(idle.latencies, 95)
    lines.push(
      `export: preview idle (${CONNECTIONS} connections, ${DURATION_S} s): ${figures(idle.latencies)}, ` +
        `${idle.answered - idle.ok} failed; backend RSS ${treeRssMb(backend.pid).toFixed(0)} MB`
    )

    let passed = true
    for (const [what, body] of [
      [`batch of ${batch.generated}`, { batch_id: batch.id }],
      ["whole table (no batch_id)", {}],
    ]) {
      log(`previews while exporting the ${what}`)
      const rssBefore = treeRssMb(backend.pid)
      let rssMax = rssBefore
      started = performance.now()
      let { export: job } = await api("POST", "/admin/promocodes/export", { token, body })
      const during = []
      let failed = 0
      while (job.status === "pending" || job.status === "running") {
        const slice = await previews(SLICE_S, "during export")
        during.push(...slice.latencies)
        failed += slice.answered - slice.ok
        rssMax = Math.max(rssMax, treeRssMb(backend.pid))
        job = (await api("GET", `/admin/promocodes/export/${job.id}`, { token })).export
      }
      const exportS = (performance.now() - started) / 1000
      if (job.status !== "completed") throw new Error(`export ${job.id} ${job.status}: ${job.error}`)
      const file = await fetch(base + job.download_url, { headers: { authorization: `Bearer ${token}` } })
      const text = await file.text()
      const rows = text.split("\r\n").filter(Boolean).length - 1
      if (rows !== job.total) throw new Error(`export ${job.id}: ${rows} rows in the file, ${job.total} expected`)
      during.sort((a, b) => a - b)
      const ratio = percentile(during, 95) / idleP95
      const verdict = ratio <= LIMIT_RATIO ? "within" : "OVER"
      passed &&= ratio <= LIMIT_RATIO
      lines.push(
        `export: ${what}: ${rows} rows (${(text.length / 1e6).toFixed(1)} MB) written by the worker in ${exportS.toFixed(1)} s ` +
          `(~ ±${SLICE_S} s, polled); backend RSS ${rssBefore.toFixed(0)} → max ${rssMax.toFixed(0)} MB`,
        `export:   previews meanwhile: ${figures(during)}, ${failed} failed; p95 ${ratio.toFixed(2)}x idle ` +
          `(${verdict} the ${LIMIT_RATIO}x limit)`
      )
    }
    lines.push(`export: ${passed ? "PASS" : "FAIL"}: previews stay within ${LIMIT_RATIO}x of their idle p95 during exports`)
    return lines
  } finally {
    await stopServices()
  }
}
