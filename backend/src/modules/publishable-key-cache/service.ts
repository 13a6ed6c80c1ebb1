/**
 * Medusa's Caching Module interface (`Modules.CACHING`), implemented for one
 * read only: the publishable-key check Medusa's own store middleware runs on
 * every `/store` request (`query.graph` of `api_key` by token, with its sales
 * channels). With the `caching` feature flag on, Medusa asks this module
 * before every `query.graph` that carries cache options; this module answers
 * only the publishable-key lookup, from a per-process map, for `ttlMs`
 * (PUBLISHABLE_KEY_CACHE_TTL_MS, default 5 s). Every other lookup gets an
 * empty key and no entry, so Medusa runs it as without a cache.
 *
 * A revoked or deleted key keeps working for at most `ttlMs` on a process
 * that has it cached; an unknown token is never cached (a key created a moment
 * ago works at once, and random tokens cannot fill the map).
 */
export default class PublishableKeyCacheService {
  protected readonly ttlMs_: number
  protected readonly entries_ = new Map<string, { expires: number; data: unknown }>()

  constructor(_deps: unknown, options: PublishableKeyCacheOptions = {}) {
    this.ttlMs_ = checkTtl(options.ttlMs ?? DEFAULT_TTL_MS)
  }

  /** The publishable-key lookup's key; "" (not cached) for everything else. */
  async computeKey(input: unknown): Promise<string> {
    return publishableKeyLookup(input) ?? ""
  }

  async computeTags(): Promise<string[]> {
    return []
  }

  async get({ key }: { key?: string }): Promise<unknown> {
    if (!isOurs(key)) {
      return null
    }
    const hit = this.entries_.get(key)
    if (!hit) {
      return null
    }
    if (hit.expires <= Date.now()) {
      this.entries_.delete(key)
      return null
    }
    return hit.data
  }

  async set({ key, data }: { key?: string; data: unknown }): Promise<void> {
    if (!isOurs(key) || !(this.ttlMs_ > 0) || !foundSomething(data)) {
      return
    }
    const now = Date.now()
    if (this.entries_.size >= MAX_ENTRIES) {
      for (const [k, e] of this.entries_) if (e.expires <= now) this.entries_.delete(k)
      if (this.entries_.size >= MAX_ENTRIES) this.entries_.clear()
    }
    this.entries_.set(key, { expires: now + this.ttlMs_, data })
  }

  async clear(): Promise<void> {
    this.entries_.clear()
  }
}

export type PublishableKeyCacheOptions = {
  /** how long a publishable key's lookup is reused [5000 ms]; 0 turns the cache off */
  ttlMs?: number
}

export const DEFAULT_TTL_MS = 5000
const MAX_ENTRIES = 1000
const KEY_PREFIX = "pk|"

function checkTtl(ms: unknown): number {
  if (typeof ms !== "number" || !Number.isInteger(ms) || ms < 0 || ms > 60_000) {
    throw new Error(`PUBLISHABLE_KEY_CACHE_TTL_MS must be an integer from 0 to 60000 ms, got ${String(ms)}`)
  }
  return ms
}

/**
 * `pk|<token>|<fields>` when `input` (what Medusa's query cache keys on:
 * `{ queryOptions, options }`) is a lookup of a publishable key by its token.
 */
export function publishableKeyLookup(input: unknown): string | null {
  const query = (input as { queryOptions?: Record<string, any> } | null)?.queryOptions
  const filters = query?.filters
  if (
    query?.entity !== "api_key" ||
    !filters ||
    typeof filters.token !== "string" ||
    filters.type !== "publishable" ||
    Object.keys(filters).length !== 2 ||
    !Array.isArray(query.fields)
  ) {
    return null
  }
  const rest = Object.keys(query).filter((k) => !["entity", "fields", "filters"].includes(k))
  const options = (input as { options?: Record<string, unknown> }).options ?? {}
  if (rest.length || Object.keys(options).length) {
    return null
  }
  return `${KEY_PREFIX}${filters.token}|${query.fields.join(",")}`
}

/** Only keys this module computed: a caller's own key (useCache's `key`) is never served. */
function isOurs(key: string | undefined): key is string {
  return typeof key === "string" && key.startsWith(KEY_PREFIX)
}

function foundSomething(result: unknown): boolean {
  const data = (result as { data?: unknown } | null)?.data
  return Array.isArray(data) && data.length > 0
}
