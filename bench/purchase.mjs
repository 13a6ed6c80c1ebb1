// Purchase benchmark: our POST /store/purchases/preview and POST /store/purchases
// next to Medusa's own POST /store/carts/:id/promotions and
// POST /store/carts/:id/complete, on the same database and backend process, at
// 10 and 50 concurrent connections (autocannon, closed loop).
//
// Every purchase is a real, distinct one: customers registered beforehand are
// handed out in turn (never two requests of one customer at once) and each
// request carries a fresh Idempotency-Key. Every completion completes its own
// cart, prepared beforehand (the plan as line item, Medusa's promotion
// applied, payment collection and pp_system_default session), so that the
// measured request is exactly the completion.
import { createRequire } from "node:module"
import os from "node:os"
import { performance } from "node:perf_hooks"
import pg from "pg"
import { startBackend } from "../scripts/lib/app.mjs"
import { log, stopServices } from "../scripts/lib/proc.mjs"
import {
  adminToken,
  applyPromotion,
  createCarts,
  createMedusaPromotion,
  createOurPromocode,
  readyCartsForCompletion,
  registerCustomers,
} from "./lib/fixtures.mjs"
import { apiClient } from "./lib/http.mjs"
import { postgresCpuTicks, TICKS_MS, treeCpuTicks, waitForIdle } from "./lib/idle.mjs"
import { formatFailures, formatRow, measure, percentile, rotation, TABLE_HEADER } from "./lib/load.mjs"

const CONNECTIONS = [10, 50]
/** Seconds each duration run sends requests (answers in flight are waited for). */
const DURATION_S = Number(process.env.BENCH_DURATION_S || 10)
/**
 * Seconds of unmeasured load at the same concurrency before each duration
 * run: the JIT, the heap and the pools reach their steady state first.
 */
const WARM_UP_S = Number(process.env.BENCH_WARM_UP_S ?? 3)
/** Customers handed out in turn; more than the connections, so none waits for itself. */
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS || 60)
/**
 * Completions per run: each needs a cart prepared in advance (~1 s of the
 * server's time each), so these runs send a fixed number of requests rather
 * than run for a duration.
 */
const [COMPLETE_AT_10, COMPLETE_AT_50] = (process.env.BENCH_COMPLETE || "30,50").split(",").map(Number)
const COMPLETIONS = { 10: COMPLETE_AT_10, 50: COMPLETE_AT_50 }
const WARM_UP_CARTS = 3
const OUR_CODE = "BENCHPCT10"
const MEDUSA_CODE = "MEDUSA10"
const PREVIEW_CODE = "SALE10"
/** p95 targets at 10 connections (issue 4), in ms. */
const TARGETS = { preview: 50, purchase: 150 }
const AUTOCANNON_VERSION = createRequire(import.meta.url)("autocannon/package.json").version
const SECRETS = { JWT_SECRET: "bench-jwt-secret", COOKIE_SECRET: "bench-cookie-secret" }

export default async function purchase({ databaseUrl, seed, port }) {
  const most = Math.max(...CONNECTIONS)
  if (CUSTOMERS <= most || COMPLETIONS[10] + COMPLETIONS[50] <= most || COMPLETIONS[50] < most) {
    throw new Error(`need more than ${most} customers and carts, and at least one completion per connection`)
  }
  const base = `http://localhost:${port}`
  const api = apiClient(base, seed.publishable_key)
  const tag = Date.now().toString(36)
  const benchStarted = performance.now()
  const setupNotes = []
  const runs = []

  let started = performance.now()
  const backend = await startBackend({
    databaseUrl,
    port,
    mode: "start",
    env: { ...SECRETS, ADMIN_DISABLED: "true", NODE_ENV: "production", LOG_LEVEL: "error" },
  })
  setupNotes.push(`backend up (medusa start) in ${seconds(started)} s`)

  try {
    // ── data, prepared over HTTP before anything is measured
    const { tariffs } = await api("GET", "/store/tariffs")
    const variantId = tariffs
      .find((t) => t.handle === "standard")
      ?.plans.find((p) => p.interval === "month" && p.interval_count === 1)?.variant_id
    if (!variantId) throw new Error("GET /store/tariffs lists no Standard monthly plan")

    const admin = await adminToken(api, seed.admin)
    started = performance.now()
    const [tokens, codeVia] = await allSettledOrThrow([
      registerCustomers(api, { count: CUSTOMERS, tag }),
      createOurPromocode(api, { token: admin, code: OUR_CODE, databaseUrl, env: SECRETS }),
      createMedusaPromotion(api, { token: admin, code: MEDUSA_CODE }),
    ])
    setupNotes.push(
      `${CUSTOMERS} customers registered (emailpass register, POST /store/customers, token refresh); ` +
        `our code ${OUR_CODE} (10%, usage_limit null, per_customer_limit null) created via ${codeVia}; ` +
        `Medusa promotion ${MEDUSA_CODE} (standard, 10% of the order) via POST /admin/promotions: ${seconds(started)} s`
    )

    started = performance.now()
    const carts = await createCarts(api, {
      count: WARM_UP_CARTS + COMPLETIONS[10] + COMPLETIONS[50],
      tag,
      regionId: seed.region_ids.rub,
      variantId,
    })
    setupNotes.push(`${carts.length} carts created (RUB region, Standard monthly as line item, email): ${seconds(started)} s`)
    const warmCarts = carts.slice(0, WARM_UP_CARTS)
    const benchCarts = carts.slice(WARM_UP_CARTS)

    started = performance.now()
    const sequential = await warmUp(api, { tokens, variantId, warmCarts })
    setupNotes.push(`warm-up, sequential requests (1 connection), median: ${sequential}: ${seconds(started)} s`)

    // ── how each request is made
    const customers = rotation(tokens)
    let idempotencySeq = 0
    const asCustomer = (context) => {
      context.token = customers.take()
      return { "x-publishable-api-key": seed.publishable_key, authorization: `Bearer ${context.token}` }
    }
    const previewRequest = (context) => ({
      path: "/store/purchases/preview",
      headers: asCustomer(context),
      body: { variant_id: variantId, promocode: PREVIEW_CODE },
    })
    const purchaseRequest = (promocode) => (context) => ({
      path: "/store/purchases",
      headers: { ...asCustomer(context), "idempotency-key": `bench-${tag}-${++idempotencySeq}` },
      body: { variant_id: variantId, ...(promocode ? { promocode } : {}), payment: { token: "tok_success" } },
    })
    const promotionCarts = rotation(benchCarts)
    const promotionApplied = new Set()
    const promotionRequest = (context) => {
      context.cart = promotionCarts.take()
      return {
        path: `/store/carts/${context.cart}/promotions`,
        headers: { "x-publishable-api-key": seed.publishable_key },
        body: { promo_codes: [MEDUSA_CODE] },
      }
    }
    const toComplete = [...benchCarts]
    const completeRequest = () => ({
      path: `/store/carts/${toComplete.shift() ?? "no-prepared-cart-left"}/complete`,
      headers: { "x-publishable-api-key": seed.publishable_key },
    })

    // ── what counts as a success (the customer or cart is free again either way)
    const checks = {
      preview: (status, body, context) => {
        customers.release(context.token)
        return body?.preview?.promocode?.code === PREVIEW_CODE && body.preview.discount_amount > 0
      },
      purchase: (status, body, context) => {
        customers.release(context.token)
        return status === 201 && body?.purchase?.status === "completed" && Boolean(body.subscription)
      },
      purchaseWithCode: (status, body, context) => {
        customers.release(context.token)
        return status === 201 && body?.purchase?.status === "completed" && Number(body.purchase.discount_amount) > 0
      },
      promotion: (status, body, context) => {
        promotionCarts.release(context.cart)
        const applied = (body?.cart?.promotions ?? []).some((p) => p.code === MEDUSA_CODE)
        if (applied) promotionApplied.add(context.cart)
        return applied
      },
      complete: (status, body) => body?.type === "order",
    }

    let warmUpPurchases = 0
    const go = async (options) => {
      if (options.durationS && WARM_UP_S > 0) {
        log(`warming up ${options.label} at ${options.connections} connections for ${WARM_UP_S} s`)
        const warm = await measure({ url: base, ...options, durationS: WARM_UP_S })
        if (options.key.startsWith("purchase")) warmUpPurchases += warm.ok
        await waitForIdle(backend.pid, { timeoutMs: 90000 })
      }
      log(`measuring ${options.label} at ${options.connections} connections`)
      const serverTicks = treeCpuTicks(backend.pid)
      const pgTicks = postgresCpuTicks()
      const result = await measure({ url: base, ...options })
      // Background work a run leaves behind (e.g. recording each purchase as
      // a Medusa order) is waited out, and reported, before the next run; its
      // CPU counts in the run's CPU per successful request.
      result.busyAfterS = await waitForIdle(backend.pid, { timeoutMs: 90000 })
      result.serverCpuMs = ((treeCpuTicks(backend.pid) - serverTicks) * TICKS_MS) / result.ok
      result.pgCpuMs = ((postgresCpuTicks() - pgTicks) * TICKS_MS) / result.ok
      runs.push(result)
      log(`  ${formatRow(result)}`)
      return result
    }
    await waitForIdle(backend.pid, { timeoutMs: 90000 })

    // ── price check: ours vs applying a code to a cart
    for (const c of CONNECTIONS) {
      await go({ label: "ours   POST /store/purchases/preview", key: "preview", connections: c, durationS: DURATION_S, next: previewRequest, check: checks.preview })
      await go({ label: "medusa POST /store/carts/:id/promotions", key: "promotions", connections: c, durationS: DURATION_S, next: promotionRequest, check: checks.promotion })
    }

    started = performance.now()
    await readyCartsForCompletion(api, benchCarts, { code: MEDUSA_CODE, applied: promotionApplied })
    setupNotes.push(
      `${benchCarts.length} carts readied for completion (promotion applied where the promotions runs had not, payment collection, pp_system_default session): ${seconds(started)} s`
    )
    await waitForIdle(backend.pid, { timeoutMs: 90000 })

    // ── checkout: ours vs completing a cart
    const purchasesBefore = await completedPurchases(databaseUrl)
    let purchaseAnswers = 0
    for (const c of CONNECTIONS) {
      purchaseAnswers += (await go({ label: "ours   POST /store/purchases", key: "purchase", connections: c, durationS: DURATION_S, next: purchaseRequest(null), check: checks.purchase })).ok
      purchaseAnswers += (await go({ label: `ours   POST /store/purchases +${OUR_CODE}`, key: "purchaseCode", connections: c, durationS: DURATION_S, next: purchaseRequest(OUR_CODE), check: checks.purchaseWithCode })).ok
      await go({ label: "medusa POST /store/carts/:id/complete", key: "complete", connections: c, amount: COMPLETIONS[c], next: completeRequest, check: checks.complete })
    }
    const purchasesRecorded = (await completedPurchases(databaseUrl)) - purchasesBefore

    const cpu = os.cpus()
    return [
      `purchase: ${cpu.length} cores (${cpu[0]?.model ?? "unknown CPU"}), Node ${process.version}; one backend process (medusa start, NODE_ENV=production, no Redis), autocannon ${AUTOCANNON_VERSION} (in the bench process) and PostgreSQL on the same machine; whole bench ${seconds(benchStarted)} s`,
      ...setupNotes.map((n) => `setup: ${n}`),
      `runs: ours and carts/:id/promotions ${DURATION_S} s each after ${WARM_UP_S} s of unmeasured load at the same concurrency (requests in flight at the end are waited for and counted); carts/:id/complete a fixed ${COMPLETIONS[10]} and ${COMPLETIONS[50]} requests, one prepared cart each, after ${WARM_UP_CARTS} sequential warm-up completions`,
      `p50/p95: nearest rank over the latency of every successful request (autocannon's per-response time, not its histogram); req/s: successful answers / time to the last answer; busy after: time the backend stayed busy once the run ended; server CPU/ok and PG CPU/ok: CPU the backend process tree and all PostgreSQL processes used from the start of the run until the backend was idle again (background work included), per successful request; load1: 1-min load average before the run`,
      TABLE_HEADER,
      ...runs.map(formatRow),
      ...runs.flatMap(formatFailures),
      `purchases recorded as completed in the database during the purchase runs: ${purchasesRecorded} (successful 201 answers: ${purchaseAnswers + warmUpPurchases}, of them ${warmUpPurchases} in warm-ups)`,
      ...ratioLines(runs),
      ...targetLines(runs),
    ]
  } finally {
    await stopServices()
  }
}

/**
 * A few sequential requests of each measured route (JIT, caches, pools);
 * returns their median latency, a one-connection reference.
 */
async function warmUp(api, { tokens, variantId, warmCarts }) {
  const timings = { preview: [], purchase: [], promotions: [], complete: [] }
  const timed = async (name, call) => {
    const t = performance.now()
    const result = await call()
    timings[name].push(performance.now() - t)
    return result
  }
  for (let i = 0; i < 10; i++) {
    await timed("preview", () =>
      api("POST", "/store/purchases/preview", {
        token: tokens[i % tokens.length],
        body: { variant_id: variantId, promocode: PREVIEW_CODE },
      })
    )
  }
  for (let i = 0; i < 6; i++) {
    await timed("purchase", () =>
      api("POST", "/store/purchases", {
        token: tokens[i % tokens.length],
        headers: { "idempotency-key": `warm-up-${Date.now()}-${i}` },
        body: { variant_id: variantId, ...(i % 2 ? { promocode: OUR_CODE } : {}), payment: { token: "tok_success" } },
      })
    )
  }
  for (const cartId of warmCarts) await timed("promotions", () => applyPromotion(api, cartId, MEDUSA_CODE))
  await readyCartsForCompletion(api, warmCarts, { code: MEDUSA_CODE, applied: new Set(warmCarts) })
  for (const cartId of warmCarts) {
    const result = await timed("complete", () => api("POST", `/store/carts/${cartId}/complete`))
    if (result?.type !== "order") {
      throw new Error(`warm-up completion of ${cartId} failed: ${JSON.stringify(result).slice(0, 500)}`)
    }
  }
  return Object.entries(timings)
    .map(([name, list]) => `${name} ${percentile([...list].sort((a, b) => a - b), 50).toFixed(0)} ms (${list.length})`)
    .join(", ")
}

/** Like Promise.all, but waits for every promise before throwing the first error. */
async function allSettledOrThrow(promises) {
  const settled = await Promise.allSettled(promises)
  const failed = settled.find((s) => s.status === "rejected")
  if (failed) throw failed.reason
  return settled.map((s) => s.value)
}

async function completedPurchases(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query("select count(*)::int as n from purchase where status = 'completed'")
    return rows[0].n
  } finally {
    await client.end()
  }
}

function find(runs, key, connections) {
  return runs.find((r) => r.key === key && r.connections === connections)
}

function ratioLines(runs) {
  const lines = []
  const pairs = [
    ["preview", "promotions", "preview vs carts/:id/promotions"],
    ["purchase", "complete", "purchase vs carts/:id/complete"],
    ["purchaseCode", "complete", "purchase +code vs carts/:id/complete"],
  ]
  for (const c of CONNECTIONS) {
    for (const [ours, theirs, name] of pairs) {
      const a = find(runs, ours, c)
      const b = find(runs, theirs, c)
      if (!a || !b) continue
      lines.push(
        `ratio @${c} ${name}: Medusa's median / ours ${times(b.p50 / a.p50)}, p95 ${times(b.p95 / a.p95)}; our req/s / Medusa's ${times(a.rps / b.rps)}`
      )
    }
  }
  return lines
}

function targetLines(runs) {
  const lines = []
  for (const [key, name, target] of [
    ["preview", "preview", TARGETS.preview],
    ["purchase", "purchase", TARGETS.purchase],
    ["purchaseCode", "purchase +code", TARGETS.purchase],
  ]) {
    const r = find(runs, key, 10)
    if (!r) continue
    const clean = r.non2xx + r.failed2xx + r.errors === 0
    const met = r.p95 < target && clean
    lines.push(
      `target ${name} p95 < ${target} ms at 10 connections: ${Number.isFinite(r.p95) ? r.p95.toFixed(1) : "—"} ms, ${met ? "met" : "MISSED"}${clean ? "" : " (the run had failures)"}`
    )
  }
  return lines
}

function times(x) {
  return Number.isFinite(x) ? `×${x.toFixed(x < 10 ? 2 : 0)}` : "—"
}

function seconds(since) {
  return ((performance.now() - since) / 1000).toFixed(1)
}
