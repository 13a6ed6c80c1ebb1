// An open-loop load driver: journeys (sequences of HTTP requests with think
// time between them) start on a fixed schedule whatever the server answers,
// so a slow server shows as growing latency instead of a slower request rate
// (a closed loop, such as autocannon's, waits for each answer before sending
// the next request and so hides the slowness it causes).
//
// Requests go over node:http keep-alive pools, one per server; with several
// servers each request goes to the next one in turn (round robin).
import http from "node:http"
import { performance } from "node:perf_hooks"
import { percentile } from "./load.mjs"

/** A small seeded PRNG (mulberry32): the same seed gives the same sequence. */
export function prng(seed) {
  let a = seed >>> 0
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The PRNG of journey `index` of a run: independent of when answers arrive. */
export function journeyRandom(seed, index) {
  return prng((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0)
}

/**
 * HTTP clients of one or more servers (base URLs such as http://127.0.0.1:9120).
 * `send(method, path, { headers, body })` resolves with
 * `{ status, body, ms, error }`: it never rejects (a network error or a
 * timeout comes back as `error`).
 */
export function httpClients(baseUrls, { timeoutMs = 30000 } = {}) {
  const targets = baseUrls.map((base) => {
    const url = new URL(base)
    return {
      hostname: url.hostname,
      port: Number(url.port),
      agent: new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 512 }),
    }
  })
  let turn = 0
  function send(method, path, { headers = {}, body } = {}) {
    const target = targets[turn++ % targets.length]
    const payload = body === undefined ? undefined : JSON.stringify(body)
    const started = performance.now()
    return new Promise((resolve) => {
      const req = http.request(
        {
          hostname: target.hostname,
          port: target.port,
          agent: target.agent,
          method,
          path,
          headers: {
            ...(payload === undefined ? {} : { "content-type": "application/json", "content-length": Buffer.byteLength(payload) }),
            ...headers,
          },
          timeout: timeoutMs,
        },
        (res) => {
          const chunks = []
          res.on("data", (c) => chunks.push(c))
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8")
            let parsed = null
            try {
              parsed = text ? JSON.parse(text) : null
            } catch {}
            resolve({ status: res.statusCode, body: parsed, text, ms: performance.now() - started })
          })
          res.on("error", (error) => resolve({ status: 0, error: error.message, ms: performance.now() - started }))
        }
      )
      req.on("timeout", () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)))
      req.on("error", (error) => resolve({ status: 0, error: error.message, ms: performance.now() - started }))
      if (payload !== undefined) req.write(payload)
      req.end()
    })
  }
  return {
    send,
    close() {
      for (const t of targets) t.agent.destroy()
    },
  }
}

/**
 * Starts `journey(context, index)` at `rate` journeys per second (evenly
 * spaced) for `durationS` seconds, then waits for every journey to end.
 *
 * The journey calls `context.step(name, method, path, options, check)`:
 * the request is sent, its latency recorded under `name`, and
 * `check(answer)` says whether the answer is the expected one (a 4xx can be:
 * a wrong promo code). An unexpected answer counts as an error of that step
 * and ends the journey. `context.think(seconds)` waits.
 *
 * Returns per step: count, errors, p50/p95/p99 (nearest rank over every
 * answered request of that step, expected or not, so fast failures cannot
 * flatter them); and the journeys started, completed and failed.
 */
export async function runOpenLoop({ client, rate, durationS, journey }) {
  const steps = new Map()
  const stepStats = (name) => {
    if (!steps.has(name)) steps.set(name, { name, latencies: [], count: 0, errors: 0, statuses: {}, firstError: null })
    return steps.get(name)
  }
  const result = { rate, durationS, started: 0, completed: 0, failed: 0, lateStartsMs: 0, failures: [] }

  class StepError extends Error {}
  const makeContext = () => ({
    async step(name, method, path, options, check) {
      const answer = await client.send(method, path, options)
      const s = stepStats(name)
      s.count++
      s.latencies.push(answer.ms)
      s.statuses[answer.status] = (s.statuses[answer.status] ?? 0) + 1
      let ok = false
      if (!answer.error) {
        try {
          ok = Boolean(check(answer))
        } catch {
          ok = false
        }
      }
      if (!ok) {
        s.errors++
        s.firstError ??= answer.error ?? `${answer.status} ${String(answer.text).slice(0, 300)}`
        throw new StepError(name)
      }
      return answer.body
    },
    think(seconds) {
      return new Promise((r) => setTimeout(r, seconds * 1000))
    },
  })

  const total = Math.max(1, Math.round(rate * durationS))
  const running = []
  const t0 = performance.now()
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / rate
    const wait = due - performance.now()
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
    else result.lateStartsMs = Math.max(result.lateStartsMs, -wait)
    result.started++
    running.push(
      journey(makeContext(), i).then(
        () => result.completed++,
        (error) => {
          result.failed++
          if (!(error instanceof StepError) && result.failures.length < 3) result.failures.push(String(error?.message ?? error))
        }
      )
    )
  }
  await Promise.all(running)
  result.elapsedS = (performance.now() - t0) / 1000
  result.steps = [...steps.values()].map((s) => {
    const sorted = s.latencies.sort((a, b) => a - b)
    return {
      name: s.name,
      count: s.count,
      errors: s.errors,
      statuses: s.statuses,
      firstError: s.firstError,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
    }
  })
  return result
}
