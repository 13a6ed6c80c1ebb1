import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client"

/**
 * The process's Prometheus metrics (served by GET /metrics, see README
 * "Metrics"). Counters are per process: Prometheus sums them over the servers
 * it scrapes.
 */
export const registry = new Registry()
collectDefaultMetrics({ register: registry, prefix: "cinema_" })

/** HTTP latency by method, route template (never the raw path) and status. */
export const httpRequestDuration = new Histogram({
  name: "cinema_http_request_duration_seconds",
  help: "HTTP request latency by method, route template and status code",
  labelNames: ["method", "route", "status"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
})

/** Purchases answered, by kind (new, extension, upgrade, renewal...) and outcome. */
export const purchasesTotal = new Counter({
  name: "cinema_purchases_total",
  help: "Purchases by kind and outcome (completed, declined, replayed, failed)",
  labelNames: ["kind", "outcome"] as const,
  registers: [registry],
})

/**
 * Renewal pass outcomes per subscription: renewed, failed (declined: past_due
 * or retry), skipped (no longer due), expired (ended without renewing), error.
 */
export const renewalsTotal = new Counter({
  name: "cinema_renewals_total",
  help: "Subscriptions handled by the renewal pass, by outcome",
  labelNames: ["outcome"] as const,
  registers: [registry],
})

/**
 * How long one renewal takes in the renewal pass (the renew-subscription
 * workflow, the customer's lock included), by outcome.
 */
export const renewalDuration = new Histogram({
  name: "cinema_renewal_duration_seconds",
  help: "Renewal pass: one subscription's renewal workflow run time, by outcome",
  labelNames: ["outcome"] as const,
  buckets: [0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10],
  registers: [registry],
})

/** Promo code attempts refused, by reason (the PROMOCODE_* error code). */
export const promocodeRejectionsTotal = new Counter({
  name: "cinema_promocode_rejections_total",
  help: "Promo code attempts rejected, by reason (error code)",
  labelNames: ["reason"] as const,
  registers: [registry],
})

/**
 * Requests refused by a rate limiter, by limiter (its error code:
 * PROMOCODE_ATTEMPTS_EXCEEDED, SIGN_IN_ATTEMPTS_EXCEEDED); counted where the
 * 429 is made (lib/rate-limit/errors.ts).
 */
export const rateLimitHitsTotal = new Counter({
  name: "cinema_rate_limit_hits_total",
  help: "Requests refused by a rate limiter (429), by limiter",
  labelNames: ["limiter"] as const,
  registers: [registry],
})

/** Scheduled job runs, by job and outcome (ok, error). */
export const jobRunsTotal = new Counter({
  name: "cinema_job_runs_total",
  help: "Scheduled job runs by job and outcome (ok, error)",
  labelNames: ["job", "outcome"] as const,
  registers: [registry],
})

/** How long job runs take. */
export const jobDuration = new Histogram({
  name: "cinema_job_duration_seconds",
  help: "Scheduled job run time by job",
  labelNames: ["job"] as const,
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60],
  registers: [registry],
})

/**
 * How far behind each background job is: the age of the oldest piece of work
 * it should already have done (read from the database at scrape time, so it
 * is the same whichever process answers). 0 when nothing is overdue.
 */
export const jobLagSeconds = new Gauge({
  name: "cinema_job_lag_seconds",
  help: "Age in seconds of the oldest overdue work item of a background job (0 = none)",
  labelNames: ["job"] as const,
  registers: [registry],
})

/** Runs a scheduled job's body and records its run, outcome and duration. */
export async function observeJob<T>(job: string, run: () => Promise<T>): Promise<T> {
  const stop = jobDuration.startTimer({ job })
  try {
    const result = await run()
    jobRunsTotal.inc({ job, outcome: "ok" })
    return result
  } catch (err) {
    jobRunsTotal.inc({ job, outcome: "error" })
    throw err
  } finally {
    stop()
  }
}
