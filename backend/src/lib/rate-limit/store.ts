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
    readonly limit: AttemptLimit
  ) {}

  /** Milliseconds until the key may try again; 0 when it may now. */
  async blockedFor(key: string): Promise<number> {
    const res = await this.limiter.get(storeKey(key))
    return res && res.consumedPoints >= this.limit.points ? Math.max(res.msBeforeNext, 1) : 0
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
    counter = buildLimiter(container, name, limit).then((limiter) => new AttemptCounter(limiter, limit))
    counters.set(name, counter)
    counter.catch(() => counters.delete(name))
  }
  return counter
}

async function buildLimiter(
  container: MedusaContainer,
  name: string,
  limit: AttemptLimit
): Promise<RateLimiterAbstract> {
  const options = { keyPrefix: name, points: limit.points, duration: limit.seconds }
  const insuranceLimiter = new RateLimiterMemory(options)
  const store = rateLimitStore()
  if (store === "memory") {
    return insuranceLimiter
  }
  if (store === "redis") {
    redis ??= new Redis(process.env.REDIS_URL!, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
    return new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter })
  }
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  return new Promise((resolve, reject) => {
    const limiter: RateLimiterPostgres = new RateLimiterPostgres(
      { ...options, storeClient: knex, storeType: "knex", tableName: TABLE, insuranceLimiter },
      (error?: Error) => (error ? reject(error) : resolve(limiter))
    )
  })
}
