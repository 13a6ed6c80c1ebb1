/**
 * Limits on failed attempts, from the environment (documented in .env_example).
 * Read when the first limiter is built, so a process picks them up at start.
 */
export type AttemptLimit = {
  /** failed attempts allowed in one window */
  points: number
  /** the window, in seconds */
  seconds: number
}

export type AttemptLimits = {
  promocodePerCustomer: AttemptLimit
  promocodePerIp: AttemptLimit
  signIn: AttemptLimit
}

export type RateLimitStore = "redis" | "postgres" | "memory"

function positiveInt(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name]
  if (raw === undefined || raw === "") {
    return fallback
  }
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a positive integer, got "${raw}"`)
  }
  return value
}

export function attemptLimits(env: NodeJS.ProcessEnv = process.env): AttemptLimits {
  const promocodeSeconds = positiveInt("PROMOCODE_ATTEMPTS_WINDOW_SECONDS", 600, env)
  return {
    promocodePerCustomer: {
      points: positiveInt("PROMOCODE_ATTEMPTS_PER_CUSTOMER", 10, env),
      seconds: promocodeSeconds,
    },
    promocodePerIp: {
      points: positiveInt("PROMOCODE_ATTEMPTS_PER_IP", 10, env),
      seconds: promocodeSeconds,
    },
    signIn: {
      points: positiveInt("SIGN_IN_ATTEMPTS", 10, env),
      seconds: positiveInt("SIGN_IN_ATTEMPTS_WINDOW_SECONDS", 600, env),
    },
  }
}

/**
 * Where the counters live: `RATE_LIMIT_STORE` when set, else Redis with
 * `REDIS_URL`, else PostgreSQL (the app's database). Redis and PostgreSQL
 * share the counts between servers; memory is per process.
 */
export function rateLimitStore(env: NodeJS.ProcessEnv = process.env): RateLimitStore {
  const wanted = env.RATE_LIMIT_STORE
  if (wanted === "redis" || wanted === "postgres" || wanted === "memory") {
    return wanted
  }
  if (wanted) {
    throw new Error(`RATE_LIMIT_STORE must be redis, postgres or memory, got "${wanted}"`)
  }
  return env.REDIS_URL ? "redis" : "postgres"
}
