import "server-only"
import Medusa from "@medusajs/js-sdk"
import { retryRead } from "@/lib/util/backend-retry"

/**
 * Environment is read on the server when a request is handled. A computed lookup on
 * `process.env` is not inlined by `next build`, so one build runs against any backend
 * and publishable key (the seed creates the key after the storefront may be built).
 */
function readEnv(name: string): string | undefined {
  const value = process.env[name]?.trim()
  return value ? value : undefined
}

export const PUBLISHABLE_KEY_ENV = "MEDUSA_PUBLISHABLE_KEY"

export const MEDUSA_BACKEND_URL =
  readEnv("MEDUSA_BACKEND_URL") ?? "http://localhost:9000"

export const MEDUSA_PUBLISHABLE_KEY = readEnv(PUBLISHABLE_KEY_ENV)

/** A region id (`reg_...`) or an ISO 3166-1 alpha-2 country code (`ru`, `us`). */
export const DEFAULT_REGION = readEnv("STOREFRONT_DEFAULT_REGION")

export const sdk = new Medusa({
  baseUrl: MEDUSA_BACKEND_URL,
  publishableKey: MEDUSA_PUBLISHABLE_KEY,
  debug: process.env.MEDUSA_SDK_DEBUG === "true",
})

/** The name of a required environment variable that is not set, or null. */
export function missingConfig(): string | null {
  return MEDUSA_PUBLISHABLE_KEY ? null : PUBLISHABLE_KEY_ENV
}

/** Upper bound for one backend call, so a hung backend ends in the error state. */
export const BACKEND_TIMEOUT_MS = 10_000

/**
 * How long a read waits for a backend that does not answer yet (starting, or busy compiling
 * the admin on a first run), trying again with backoff, before the page says it is starting
 * up. `STOREFRONT_BACKEND_WAIT_MS`, default 30 s.
 */
export const BACKEND_WAIT_MS = Number(readEnv("STOREFRONT_BACKEND_WAIT_MS") ?? 30_000)

/** A read (GET) from the backend that waits for it to come up; see `lib/util/backend-retry`. */
export function readFromBackend<T>(read: () => Promise<T>): Promise<T> {
  return retryRead(read, { budgetMs: BACKEND_WAIT_MS })
}
