// One measured load run with autocannon, and the figures the benchmark prints.
import os from "node:os"
import { performance } from "node:perf_hooks"
import autocannon from "autocannon"

/**
 * Sends requests on `connections` keep-alive connections, each sending its
 * next request as soon as the previous one is answered (closed loop): for
 * `durationS` seconds, after which no new request is sent and the ones in
 * flight are waited for and counted (autocannon's own duration mode would
 * drop them, while the server still does their work); or `amount` requests
 * in all.
 *
 * `next(context)` is called once per request sent and returns its
 * `{ path, body, headers }`: this is how every request gets its own customer
 * token, Idempotency-Key or cart; `context` is that connection's scratch
 * object, handed back to `check(status, body, context)` with the answer.
 * `check` tells whether an answer is a success (a 2xx can still be a failure:
 * Medusa's cart completion answers 200 with `type: "cart"` when it could not
 * place the order).
 *
 * Latency is autocannon's per-request time (request written → response
 * complete), recorded for every answer; p50/p95 are taken over the successful
 * answers (nearest rank), so fast failures cannot flatter them. Throughput is
 * successful answers per second from the start to the last answer.
 */
export async function measure({
  label,
  key = label,
  url,
  method = "POST",
  connections,
  durationS,
  amount,
  timeoutS = 120,
  next,
  check,
}) {
  const stats = {
    label,
    key,
    connections,
    mode: amount ? `${amount} req` : `${durationS} s`,
    answered: 0,
    ok: 0,
    non2xx: 0,
    failed2xx: 0,
    errors: 0,
    timeouts: 0,
    statuses: {},
    firstFailure: null,
    loadBefore: os.loadavg()[0],
  }
  const okLatencies = []
  let verdict = null
  const clients = []

  const instance = autocannon({
    url,
    connections,
    // A duration run is an open-ended amount, ended by the drain below.
    amount: amount ?? connections * 1e6,
    timeout: timeoutS,
    setupClient: (client) => clients.push(client),
    requests: [
      {
        method,
        setupRequest: (req, context) => {
          const { path, body, headers = {} } = next(context)
          return {
            ...req,
            path,
            headers: { ...req.headers, "content-type": "application/json", ...headers },
            body: body === undefined ? undefined : JSON.stringify(body),
          }
        },
        // Called just before the "response" event of the same answer.
        onResponse: (status, body, context) => {
          let parsed = null
          try {
            parsed = body ? JSON.parse(body) : null
          } catch {}
          const success = check(status, parsed, context) && status >= 200 && status <= 299
          if (!success && !stats.firstFailure) {
            stats.firstFailure = `${status} ${String(body).slice(0, 600)}`
          }
          verdict = { success }
        },
      },
    ],
  })
  let lastAnswerAt = 0
  instance.on("response", (_client, status, _bytes, latencyMs) => {
    lastAnswerAt = performance.now()
    stats.answered++
    stats.statuses[status] = (stats.statuses[status] ?? 0) + 1
    if (status < 200 || status > 299) stats.non2xx++
    else if (verdict && !verdict.success) stats.failed2xx++
    if (verdict?.success) {
      stats.ok++
      okLatencies.push(latencyMs)
    }
    verdict = null
  })
  instance.on("reqError", (error) => {
    if (!stats.firstFailure) stats.firstFailure = `request error: ${error.message}`
  })

  const started = performance.now()
  const drain = durationS
    ? setTimeout(() => {
        // Each connection stops after the request it has in flight
        // (autocannon ends a connection once it made responseMax requests).
        for (const client of clients) client.responseMax = client.reqsMade
      }, durationS * 1000)
    : null
  const result = await instance
  clearTimeout(drain)

  stats.errors = result.errors
  stats.timeouts = result.timeouts
  stats.elapsedS = ((lastAnswerAt || performance.now()) - started) / 1000
  stats.rps = stats.ok / stats.elapsedS
  okLatencies.sort((a, b) => a - b)
  stats.p50 = percentile(okLatencies, 50)
  stats.p95 = percentile(okLatencies, 95)
  stats.max = okLatencies.length ? okLatencies[okLatencies.length - 1] : NaN
  // ascending; runs measured in slices can be pooled (bench/export.mjs)
  stats.latencies = okLatencies
  return stats
}

/**
 * Hands out items in turn, skipping those still in use by a request in
 * flight, so that no two concurrent requests share a customer or a cart.
 */
export function rotation(items) {
  const busy = new Set()
  let turn = 0
  return {
    take() {
      for (let tried = 0; tried < items.length; tried++) {
        const item = items[turn++ % items.length]
        if (!busy.has(item)) {
          busy.add(item)
          return item
        }
      }
      throw new Error(`all ${items.length} items are in use`)
    },
    release(item) {
      busy.delete(item)
    },
  }
}

/** Nearest-rank percentile of an ascending array (NaN when empty). */
export function percentile(sorted, p) {
  if (!sorted.length) return NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]
}

const ms = (v) => (Number.isFinite(v) ? v.toFixed(v < 100 ? 1 : 0) : "—")

export const TABLE_HEADER =
  "endpoint                                        conns  run      answered    2xx ok  non-2xx  2xx-failed  errors  p50 ms  p95 ms  req/s  busy after  server CPU/ok  PG CPU/ok  load1"

/** One table row of a run. */
export function formatRow(s) {
  return [
    s.label.padEnd(47),
    String(s.connections).padStart(5),
    ` ${s.mode.padEnd(7)}`,
    String(s.answered).padStart(9),
    String(s.ok).padStart(9),
    String(s.non2xx).padStart(8),
    String(s.failed2xx).padStart(11),
    String(s.errors).padStart(7),
    ms(s.p50).padStart(7),
    ms(s.p95).padStart(7),
    s.rps.toFixed(1).padStart(6),
    (s.busyAfterS === undefined ? "—" : `${s.busyAfterS.toFixed(0)} s`).padStart(11),
    (s.serverCpuMs === undefined ? "—" : `${s.serverCpuMs.toFixed(1)} ms`).padStart(14),
    (s.pgCpuMs === undefined ? "—" : `${s.pgCpuMs.toFixed(1)} ms`).padStart(10),
    `  ${s.loadBefore.toFixed(1)}`,
  ].join(" ")
}

/** Lines describing a run's failures; none when it had none. */
export function formatFailures(s) {
  if (!s.non2xx && !s.failed2xx && !s.errors) return []
  const statuses = Object.entries(s.statuses)
    .map(([code, n]) => `${code}×${n}`)
    .join(", ")
  return [
    `  ! ${s.label} @${s.connections}: ${s.non2xx} non-2xx, ${s.failed2xx} 2xx-but-failed, ${s.errors} errors (${s.timeouts} timeouts); statuses ${statuses}`,
    `    first failure: ${s.firstFailure ?? "(no body)"}`,
  ]
}
