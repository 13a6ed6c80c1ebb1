// Capacity benchmark (issue 15): virtual shoppers walking the real journey at
// a fixed arrival rate (open loop, bench/lib/open-loop.mjs), our journey next
// to Medusa's own checkout journey in the same run, on one backend process and
// then on two servers and a worker sharing Redis.
//
// Our journey: GET /store/tariffs → sign in (POST /auth/customer/emailpass) →
// POST /store/purchases/preview (a fixed share with a wrong code) → for a fixed
// share POST /store/purchases → GET /store/subscriptions or /store/purchases.
// Medusa's: POST /store/carts → line item → POST /store/carts/:id/promotions →
// for the same share payment collection, payment session and
// POST /store/carts/:id/complete.
//
// For each journey a stepped search over arrival rates finds the highest rate
// at which every step keeps p95 < 300 ms with no error. A cost phase measures
// server + PostgreSQL CPU per purchase (its order recording included) against
// carts/:id/complete, and per preview against carts/:id/promotions.
import { createRequire } from "node:module"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { performance } from "node:perf_hooks"
import pg from "pg"
import { BACKEND_DIR, startBackend } from "../scripts/lib/app.mjs"
import { log, run, stopServices } from "../scripts/lib/proc.mjs"
import {
  adminToken,
  createCarts,
  createMedusaPromotion,
  createOurPromocode,
  readyCartsForCompletion,
  registerCustomers,
} from "./lib/fixtures.mjs"
import { apiClient } from "./lib/http.mjs"
import { postgresCpuTicks, TICKS_MS, treeCpuTicksWithReaped as treeCpuTicks } from "./lib/idle.mjs"
import {
  BUY_SHARE,
  COST,
  COST_ONLY,
  CUSTOMERS,
  FLOOR_RATE,
  MAX_STEP_S,
  MEDUSA_CODE,
  MIN_JOURNEYS,
  OUR_CODE,
  P95_LIMIT_MS,
  PASSWORD,
  QUICK,
  REDIS_URL,
  RELAXED_P95_MS,
  SECRETS,
  SERVER_ENV,
  STEP_S,
  WARM_UP_S,
} from "./lib/capacity-config.mjs"
import { costReport, report, seconds } from "./lib/capacity-report.mjs"
import { customerPool, medusaJourney, ourJourney } from "./lib/capacity-journeys.mjs"
import { httpClients, runOpenLoop } from "./lib/open-loop.mjs"

export default async function capacity(options) {
  try {
    return await measureCapacity(options)
  } finally {
    await stopServices()
    await pollClient?.end()
    pollClient = null
  }
}

async function measureCapacity({ databaseUrl, seed, port, databaseDir }) {
  const benchStarted = performance.now()
  const tag = Date.now().toString(36)
  const notes = []
  const pgPid = postmasterPid(databaseDir)
  const pgTicks = () => (pgPid ? treeCpuTicks(pgPid) : postgresCpuTicks())
  notes.push(
    pgPid
      ? `PostgreSQL CPU: the embedded server's process tree (postmaster ${pgPid})`
      : "PostgreSQL CPU: every process named postgres on the machine (external server)"
  )

  // ── one backend process
  let started = performance.now()
  const single = await startBackend({ databaseUrl, port, mode: "start", env: SERVER_ENV })
  notes.push(`one backend (medusa start, NODE_ENV=production, no Redis) up in ${seconds(started)} s`)
  const base = `http://127.0.0.1:${port}`
  const api = apiClient(base, seed.publishable_key)

  const { tariffs } = await api("GET", "/store/tariffs")
  const variantId = tariffs
    .find((t) => t.handle === "standard")
    ?.plans.find((p) => p.interval === "month" && p.interval_count === 1)?.variant_id
  if (!variantId) throw new Error("GET /store/tariffs lists no Standard monthly plan")

  started = performance.now()
  const admin = await adminToken(api, seed.admin)
  const tokens = await registerCustomers(api, { count: CUSTOMERS, tag, password: PASSWORD })
  await createOurPromocode(api, { token: admin, code: OUR_CODE, databaseUrl, env: SECRETS })
  await createMedusaPromotion(api, { token: admin, code: MEDUSA_CODE })
  const costCarts = await createCarts(api, { count: COST.carts, tag: `${tag}-cost`, regionId: seed.region_ids.rub, variantId })
  notes.push(
    `setup (not measured): ${CUSTOMERS} customers registered, our code ${OUR_CODE} (10%, unlimited), Medusa promotion ${MEDUSA_CODE} (10% of the order), ${COST.carts} carts for the cost phase: ${seconds(started)} s`
  )
  const emails = tokens.map((_, i) => `bench-${tag}-${i}@bench.local`)
  const customers = customerPool(emails)

  const shop = { seed, variantId, tag, customers, emails }
  const singleProcesses = { server: single.pid }
  const measureSingle = measurer({ processes: singleProcesses, pgTicks, databaseUrl })

  // ── warm-up (unmeasured): both journeys at a low rate
  {
    const client = httpClients([base])
    log(`warm-up: ${WARM_UP_S} s of each journey at 1 journey/s`)
    await runOpenLoop({ client, rate: 1, durationS: WARM_UP_S, journey: ourJourney({ ...shop, phase: "warm" }) })
    await runOpenLoop({ client, rate: 1, durationS: WARM_UP_S, journey: medusaJourney({ ...shop, phase: "warm", buyShare: 1 }) })
    client.close()
    await measureSingle.settle()
    notes.push(`warm-up (unmeasured): ${WARM_UP_S} s of our journey and ${WARM_UP_S} s of Medusa's (every one completing) at 1 journey/s`)
  }

  // ── cost phase: CPU per request of each endpoint alone
  const cost = await costPhase({ base, api, shop, tokens, costCarts, measure: measureSingle })
  if (COST_ONLY) return costReport({ notes, cost, benchStarted })

  // ── stepped search over arrival rates
  // The two searches take turns step by step (one at a time), so that load
  // from other work on the machine falls on both alike.
  const turns = alternation()
  const [oursLadder, medusaLadder] = await Promise.all([
    ladder({
      label: "ours, one process",
      start: 1,
      bases: [base],
      journey: (phase) => ourJourney({ ...shop, phase }),
      measure: measureSingle,
      exclusive: turns,
    }),
    ladder({
      label: "Medusa, one process",
      start: 1,
      bases: [base],
      journey: (phase) => medusaJourney({ ...shop, phase, buyShare: BUY_SHARE }),
      measure: measureSingle,
      exclusive: turns,
    }),
  ])
  await stopServices()

  // ── two servers and a worker on Redis
  started = performance.now()
  await flushRedis(REDIS_URL)
  // the Redis workflow engine has a migration the in-memory one has not
  await run("npx", ["medusa", "db:migrate"], { cwd: BACKEND_DIR, env: { DATABASE_URL: databaseUrl, REDIS_URL }, quiet: true })
  const clusterEnv = { ...SERVER_ENV, REDIS_URL }
  const ports = [port + 1, port + 2, port + 3]
  const [server1, server2, worker] = await Promise.all([
    startBackend({ databaseUrl, port: ports[0], mode: "start", env: { ...clusterEnv, MEDUSA_WORKER_MODE: "server" } }),
    startBackend({ databaseUrl, port: ports[1], mode: "start", env: { ...clusterEnv, MEDUSA_WORKER_MODE: "server" } }),
    startBackend({ databaseUrl, port: ports[2], mode: "start", env: { ...clusterEnv, MEDUSA_WORKER_MODE: "worker" } }),
  ])
  notes.push(
    `cluster: two servers (MEDUSA_WORKER_MODE=server, ports ${ports[0]}, ${ports[1]}) and a worker (MEDUSA_WORKER_MODE=worker, port ${ports[2]}), REDIS_URL ${REDIS_URL} (flushed first; db:migrate with Redis modules), requests round-robin from the driver; up in ${seconds(started)} s`
  )
  const measureCluster = measurer({
    processes: { "server 1": server1.pid, "server 2": server2.pid, worker: worker.pid },
    pgTicks,
    databaseUrl,
  })
  await measureCluster.settle()
  {
    const client = httpClients(ports.slice(0, 2).map((p) => `http://127.0.0.1:${p}`))
    await runOpenLoop({ client, rate: 1, durationS: WARM_UP_S, journey: ourJourney({ ...shop, phase: "cwarm" }) })
    client.close()
    await measureCluster.settle()
  }
  const clusterLadder = await ladder({
    label: "ours, 2 servers + worker",
    start: oursLadder.sustained || oursLadder.relaxed || 1,
    bases: ports.slice(0, 2).map((p) => `http://127.0.0.1:${p}`),
    journey: (phase) => ourJourney({ ...shop, phase: `c${phase}` }),
    measure: measureCluster,
  })
  await stopServices()

  return report({ notes, cost, oursLadder, medusaLadder, clusterLadder, benchStarted })
}

// ───────────────────────────── CPU windows

/**
 * CPU of named process trees and PostgreSQL over a window that ends once our
 * purchases are all recorded as Medusa orders and the processes are idle.
 */
function measurer({ processes, pgTicks, databaseUrl }) {
  const snapshot = () => {
    const s = { pg: pgTicks() }
    for (const [name, pid] of Object.entries(processes)) s[name] = treeCpuTicks(pid)
    return s
  }
  async function settle() {
    const waitStarted = performance.now()
    const deadline = Date.now() + 120000
    // every completed purchase recorded as an order
    while (Date.now() < deadline && (await unrecordedPurchases(databaseUrl)) > 0) {
      await new Promise((r) => setTimeout(r, 500))
    }
    // then all processes quiet (< 0.1 core over one second)
    let before = snapshot()
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1000))
      const now = snapshot()
      const busy = Object.keys(processes).reduce((sum, k) => sum + now[k] - before[k], 0)
      before = now
      if (busy / 100 < 0.1) break
    }
    return (performance.now() - waitStarted) / 1000
  }
  return {
    names: Object.keys(processes),
    async window(fn) {
      const load1 = os.loadavg()[0]
      const before = snapshot()
      const result = await fn()
      const settleS = await settle()
      const after = snapshot()
      const cpuMs = {}
      for (const k of Object.keys(before)) cpuMs[k] = (after[k] - before[k]) * TICKS_MS
      return { result, cpuMs, settleS, load1 }
    },
    settle,
  }
}

/** One connection for the whole bench: a connection per poll would start (and bill) a PostgreSQL backend each time. */
let pollClient = null
async function unrecordedPurchases(databaseUrl) {
  if (!pollClient) {
    pollClient = new pg.Client({ connectionString: databaseUrl })
    await pollClient.connect()
  }
  const { rows } = await pollClient.query("select count(*)::int as n from purchase where status = 'completed' and order_id is null and deleted_at is null")
  return rows[0].n
}

const serverMs = (cpuMs) => Object.entries(cpuMs).reduce((sum, [k, v]) => (k === "pg" ? sum : sum + v), 0)

// ───────────────────────────── cost phase

async function costPhase({ base, api, shop, tokens, costCarts, measure }) {
  const { seed, variantId, tag } = shop
  const key = { "x-publishable-api-key": seed.publishable_key }
  const client = httpClients([base])
  const rows = []
  const alone = async (label, { rate, count, send, check }) => {
    log(`cost: ${label}, ${count} requests at ${rate}/s`)
    const { result, cpuMs, settleS, load1 } = await measure.window(() =>
      runOpenLoop({
        client,
        rate,
        durationS: count / rate,
        journey: (ctx, i) => ctx.step(label, ...send(i), check),
      })
    )
    const ok = result.completed
    const row = {
      label,
      count,
      ok,
      rate,
      serverMs: serverMs(cpuMs) / ok,
      pgMs: cpuMs.pg / ok,
      p50: result.steps[0]?.p50,
      p95: result.steps[0]?.p95,
      settleS,
      load1,
      firstError: result.steps[0]?.firstError,
    }
    row.totalMs = row.serverMs + row.pgMs
    rows.push(row)
    log(`  ${ok}/${count} ok, server ${row.serverMs.toFixed(1)} ms + PG ${row.pgMs.toFixed(1)} ms per request`)
    return row
  }
  const auth = (i) => ({ ...key, authorization: `Bearer ${tokens[i % tokens.length]}` })
  const preview = await alone("our preview", {
    rate: 10,
    count: COST.preview,
    send: (i) => ["POST", "/store/purchases/preview", { headers: auth(i), body: { variant_id: variantId, promocode: OUR_CODE } }],
    check: (a) => a.status === 200 && a.body.preview.promocode?.code === OUR_CODE,
  })
  // the journey's other steps, so the report can say what a journey's CPU is made of
  const tariffs = await alone("our tariffs", {
    rate: 10,
    count: COST.light,
    send: () => ["GET", "/store/tariffs", { headers: key }],
    check: (a) => a.status === 200 && a.body.tariffs.length > 0,
  })
  const signIn = await alone("our sign-in", {
    rate: 2,
    count: COST.signIn,
    send: (i) => ["POST", "/auth/customer/emailpass", { headers: key, body: { email: shop.emails[i % shop.emails.length], password: PASSWORD } }],
    check: (a) => a.status === 200 && typeof a.body.token === "string",
  })
  const account = await alone("our account", {
    rate: 10,
    count: COST.light,
    send: (i) => ["GET", i % 2 ? "/store/subscriptions" : "/store/purchases", { headers: auth(i) }],
    check: (a) => a.status === 200,
  })
  const promotions = await alone("Medusa carts/:id/promotions", {
    rate: 2,
    count: costCarts.length,
    send: (i) => ["POST", `/store/carts/${costCarts[i]}/promotions`, { headers: key, body: { promo_codes: [MEDUSA_CODE] } }],
    check: (a) => a.status === 200 && a.body.cart.promotions.some((p) => p.code === MEDUSA_CODE),
  })
  const purchase = (withCode) => (i) => [
    "POST",
    "/store/purchases",
    {
      headers: { ...auth(i), "idempotency-key": `cost-${tag}-${withCode ? "c" : "n"}-${i}` },
      body: { variant_id: variantId, ...(withCode ? { promocode: OUR_CODE } : {}), payment: { token: "tok_success" } },
    },
  ]
  const purchaseCheck = (a) => a.status === 201 && a.body.purchase.status === "completed"
  const plain = await alone("our purchase", { rate: 2, count: COST.purchase, send: purchase(false), check: purchaseCheck })
  const withCode = await alone("our purchase with a code", { rate: 2, count: COST.purchase, send: purchase(true), check: purchaseCheck })
  // payment collection and session of each cart (not measured), then its completion
  await readyCartsForCompletion(api, costCarts, { code: MEDUSA_CODE, applied: new Set(costCarts) })
  await measure.settle()
  const complete = await alone("Medusa carts/:id/complete", {
    rate: 1,
    count: costCarts.length,
    send: (i) => ["POST", `/store/carts/${costCarts[i]}/complete`, { headers: key }],
    check: (a) => a.status === 200 && a.body.type === "order",
  })
  client.close()
  return { rows, preview, tariffs, signIn, account, promotions, plain, withCode, complete }
}

// ───────────────────────────── stepped search

function stepPasses(result, limitMs) {
  return result.failed === 0 && result.steps.every((s) => s.errors === 0 && s.p95 < limitMs)
}

/**
 * A stepped search over arrival rates. From `start` it doubles the rate while
 * a step keeps every p95 under the relaxed limit (1 s) with no error, or
 * halves it (down to FLOOR_RATE) until one does; then tries the geometric
 * middle of the highest passing and the lowest missing rate once; when no
 * step met the 300 ms limit, the floor rate once. The sustained rate is the
 * highest rate run that met the 300 ms limit; the relaxed rate the highest
 * that met 1 s (a ratio on a machine too loaded for 300 ms).
 */
async function ladder({ label, start, bases, journey, measure, exclusive = (fn) => fn() }) {
  const steps = []
  const runStep = (rate) => exclusive(() => runStepAlone(rate))
  const runStepAlone = async (rate) => {
    const durationS = Math.min(MAX_STEP_S, Math.max(STEP_S, MIN_JOURNEYS / rate))
    log(`${label}: ${rate} journeys/s for ${durationS.toFixed(0)} s`)
    const client = httpClients(bases)
    const { result, cpuMs, settleS, load1 } = await measure.window(() =>
      runOpenLoop({ client, rate, durationS, journey: journey(`${label.slice(0, 1)}${steps.length}`) })
    )
    client.close()
    const done = Math.max(1, result.completed)
    const step = {
      label,
      rate,
      durationS,
      result,
      pass: stepPasses(result, P95_LIMIT_MS),
      relaxed: stepPasses(result, RELAXED_P95_MS),
      cpuPerJourney: Object.fromEntries(Object.entries(cpuMs).map(([k, v]) => [k, v / done])),
      settleS,
      load1,
    }
    steps.push(step)
    log(
      `  ${step.pass ? "sustained" : step.relaxed ? "relaxed only" : "MISSED"}: ${result.completed}/${result.started} journeys, ` +
        result.steps.map((s) => `${s.name} p95 ${s.p95.toFixed(0)} ms${s.errors ? ` (${s.errors} errors)` : ""}`).join(", ")
    )
    return step
  }
  const maxSteps = QUICK ? 2 : 4
  let rate = round(start)
  const first = await runStep(rate)
  for (let n = 1; n < maxSteps; n++) {
    if (first.relaxed) rate = round(rate * 2)
    else if (rate / 2 >= FLOOR_RATE) rate = round(rate / 2)
    else break
    const step = await runStep(rate)
    if (step.relaxed !== first.relaxed) break
  }
  const highestPass = steps.filter((s) => s.relaxed).sort((a, b) => b.rate - a.rate)[0]
  const lowestMissAbove = steps.filter((s) => !s.relaxed && (!highestPass || s.rate > highestPass.rate)).sort((a, b) => a.rate - b.rate)[0]
  if (!QUICK && highestPass && lowestMissAbove) await runStep(round(Math.sqrt(highestPass.rate * lowestMissAbove.rate)))
  if (!QUICK && !steps.some((s) => s.pass) && Math.min(...steps.map((s) => s.rate)) > FLOOR_RATE) await runStep(FLOOR_RATE)
  const best = (key) => steps.filter((s) => s[key]).sort((a, b) => b.rate - a.rate)[0]
  return {
    label,
    steps: steps.sort((a, b) => a.rate - b.rate),
    sustained: best("pass")?.rate ?? 0,
    relaxed: best("relaxed")?.rate ?? 0,
    best: best("pass") ?? best("relaxed"),
    lowest: Math.min(...steps.map((s) => s.rate)),
  }
}

/** Runs the functions given one at a time, in the order they were given (FIFO). */
function alternation() {
  let last = Promise.resolve()
  return (fn) => {
    const run = last.then(fn)
    last = run.catch(() => {})
    return run
  }
}

const round = (x) => Number(x.toPrecision(3))

/** The embedded PostgreSQL's postmaster, from its data folder's postmaster.pid. */
function postmasterPid(databaseDir) {
  if (!databaseDir) return null
  try {
    const pid = Number(fs.readFileSync(path.join(databaseDir, "postmaster.pid"), "utf8").split("\n")[0])
    process.kill(pid, 0)
    return pid
  } catch {
    return null
  }
}

async function flushRedis(url) {
  const Redis = createRequire(path.join(BACKEND_DIR, "package.json"))("ioredis")
  const redis = new Redis(url, { maxRetriesPerRequest: 1 })
  try {
    await redis.flushdb()
  } finally {
    redis.disconnect()
  }
}

