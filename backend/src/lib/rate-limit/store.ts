import { createHash } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import Redis from "ioredis"
import {
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible"
import { type AttemptLimit, rateLimitStore } from "./config"

/** The knex client of the PostgreSQL store (the app's database). */
type Knex = { raw: (sql: string, bindings: unknown[]) => Promise<{ rows: StoredRow[] }> }
type StoredRow = { key: string; points: number; expire: string | number | null }

/** The PostgreSQL table of the counters (created on first use). */
const TABLE = "rate_limit_attempt"

/**
 * Counts failed attempts per key in a fixed window. Only failures count;
 * an attempt made while blocked counts too (the store's counter grows, no
 * other record is written).
 */
export class AttemptCounter {
  constructor(
    private readonly limiter: RateLimiterAbstract,
    readonly limit: AttemptLimit,
    /** set when the counts are in PostgreSQL: `longestBlock` reads several in one statement */
    readonly knex?: Knex
  ) {}

  /** Milliseconds until the key may try again; 0 when it may now. */
  async blockedFor(key: string): Promise<number> {
    const res = await this.limiter.get(storeKey(key))
    return res ? this.wait(res.consumedPoints, res.msBeforeNext) : 0
  }

  /** The wait a stored count means: until its window ends once the limit is reached. */
  wait(consumedPoints: number, msBeforeNext: number): number {
    return consumedPoints >= this.limit.points ? Math.max(msBeforeNext, 1) : 0
  }

  /** The key of `key`'s count in the store (the limiter's prefix, the hashed key). */
  storedKey(key: string): string {
    return this.limiter.getKey(storeKey(key))
  }

  /** Counts one failed attempt. */
  async fail(key: string): Promise<void> {
    try {
      await this.limiter.consume(storeKey(key))
    } catch (error) {
      // over the limit: the point is counted all the same
      if (!(error instanceof RateLimiterRes)) throw error
    }
  }

  /** Takes back one counted attempt (one that turned out to succeed). */
  async forgive(key: string): Promise<void> {
    await this.limiter.reward(storeKey(key), 1)
  }
}

/**
 * Milliseconds until every (counter, key) may try again: the longest wait, 0
 * when all may now. Counters in PostgreSQL are read in one statement (the
 * same rows and expiry test as the limiter's own read); others, or a failed
 * statement (then the limiters' insurance answers), one by one.
 */
export async function longestBlock(checks: { counter: AttemptCounter; key: string }[]): Promise<number> {
  const knex = checks[0]?.counter.knex
  if (knex && checks.length > 1 && checks.every(({ counter }) => counter.knex === knex)) {
    const keys = checks.map(({ counter, key }) => counter.storedKey(key))
    const now = Date.now()
    const found = await knex
      .raw(
        `SELECT key, points, expire FROM ${TABLE}
         WHERE key IN (${keys.map(() => "?").join(", ")}) AND (expire > ? OR expire IS NULL)`,
        [...keys, now]
      )
      .then(({ rows }) => new Map(rows.map((row) => [row.key, row])))
      .catch(() => null)
    if (found) {
      const waits = checks.map(({ counter }, i) => {
        const row = found.get(keys[i])
        return row ? counter.wait(row.points, row.expire === null ? -1 : Math.max(Number(row.expire) - now, 0)) : 0
      })
      return Math.max(0, ...waits)
    }
  }
  const waits = await Promise.all(checks.map(({ counter, key }) => counter.blockedFor(key)))
  return Math.max(0, ...waits)
}

/** Keys hold e-mails and IPs: hashed, they fit the store's key column. */
function storeKey(key: string): string {
  return createHash("sha256").update(key).digest("base64url")
}

const counters = new Map<string, Promise<AttemptCounter>>()
let redis: Redis | undefined

/**
 * The counter named `name` (one per process), on the store `rateLimitStore()`
 * picks. A memory limiter insures a store that fails, so an outage of Redis
 * or PostgreSQL never turns an attempt into a 500.
 */
export function attemptCounter(
  container: MedusaContainer,
  name: string,
  limit: AttemptLimit
): Promise<AttemptCounter> {
  let counter = counters.get(name)
  if (!counter) {
    counter = buildLimiter(container, name, limit).then(
      ({ limiter, knex }) => new AttemptCounter(limiter, limit, knex)
    )
    counters.set(name, counter)
    counter.catch(() => counters.delete(name))
  }
  return counter
}

async function buildLimiter(
  container: MedusaContainer,
  name: string,
  limit: AttemptLimit
): Promise<{ limiter: RateLimiterAbstract; knex?: Knex }> {
  const options = { keyPrefix: name, points: limit.points, duration: limit.seconds }
  const insuranceLimiter = new RateLimiterMemory(options)
  const store = rateLimitStore()
  if (store === "memory") {
    return { limiter: insuranceLimiter }
  }
  if (store === "redis") {
    redis ??= new Redis(process.env.REDIS_URL!, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
    return { limiter: new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter }) }
  }
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  return new Promise((resolve, reject) => {
    const limiter: RateLimiterPostgres = new RateLimiterPostgres(
      { ...options, storeClient: knex, storeType: "knex", tableName: TABLE, insuranceLimiter },
      (error?: Error) => (error ? reject(error) : resolve({ limiter, knex }))
    )
  })
}
