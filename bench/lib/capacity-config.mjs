// The capacity bench's parameters, shared by the bench (bench/capacity.mjs) and its report.
export const QUICK = process.env.BENCH_QUICK === "1"
/** --cost (BENCH_COST_ONLY=1): the cost phase alone, no rate search and no cluster. */
export const COST_ONLY = process.env.BENCH_COST_ONLY === "1"
export const SEED = Number(process.env.BENCH_SEED || 20261129)
/** p95 every step must stay under, in ms, with no error, for a rate to count as sustained. */
export const P95_LIMIT_MS = 300
/** The looser limit the search also records, for a ratio when the machine is too loaded for 300 ms. */
export const RELAXED_P95_MS = 1000
/** The lowest arrival rate the search tries, journeys/s. */
export const FLOOR_RATE = 0.25
/** Think time before each step but the first: uniform in [0.5, 1.5] × this mean, seconds. */
export const THINK_MEAN_S = 1
/** The realistic think time the per-shopper rate is defined with (the bench compresses it). */
export const REAL_THINK_S = 12
export const WRONG_CODE_SHARE = 0.2
export const BUY_SHARE = 0.3
/** Each ladder step sends arrivals for max(STEP_S, MIN_JOURNEYS / rate) s, at most MAX_STEP_S. */
export const STEP_S = QUICK ? 5 : 15
export const MIN_JOURNEYS = QUICK ? 5 : 10
export const MAX_STEP_S = QUICK ? 12 : 40
export const WARM_UP_S = QUICK ? 4 : 8
export const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS || (QUICK ? 40 : 80))
/** Requests per endpoint in the cost phase (BENCH_COST_PURCHASES: purchases and completions). */
export const COST = QUICK
  ? { preview: 30, purchase: 6, carts: 6, light: 20, signIn: 6 }
  : {
      preview: 100,
      purchase: Number(process.env.BENCH_COST_PURCHASES || 15),
      carts: Number(process.env.BENCH_COST_PURCHASES || 15),
      light: 40,
      signIn: 15,
    }
export const OUR_CODE = "BENCHPCT10"
export const MEDUSA_CODE = "MEDUSA10"
export const PASSWORD = "bench-password-1"
export const SECRETS = { JWT_SECRET: "bench-jwt-secret", COOKIE_SECRET: "bench-cookie-secret" }
/**
 * The attempt limits of the harden branch (failed promo codes per customer
 * and per IP, failed sign-ins) set far above what the bench sends: every
 * shopper comes from 127.0.0.1, and a fifth of them try a wrong code.
 */
export const LIMITS = {
  PROMOCODE_ATTEMPTS_PER_CUSTOMER: "1000000",
  PROMOCODE_ATTEMPTS_PER_IP: "1000000",
  SIGN_IN_ATTEMPTS: "1000000",
}
export const REDIS_URL = process.env.BENCH_REDIS_URL || "redis://127.0.0.1:6379/7"
/** BENCH_SERVER_NODE_OPTIONS: node options of the servers alone, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` for a profile. */
export const PROFILE = process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}
export const SERVER_ENV = { ...SECRETS, ...LIMITS, ...PROFILE, ADMIN_DISABLED: "true", NODE_ENV: "production", LOG_LEVEL: "error" }
