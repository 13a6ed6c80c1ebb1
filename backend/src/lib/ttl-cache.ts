/** The catalog caches' time to live: `CATALOG_CACHE_TTL_MS` (default 5 s; 0 turns them off), read at each call. */
export const catalogTtlMs = () => Number(process.env.CATALOG_CACHE_TTL_MS ?? 5000)

/** Every cache made by ttlCache, so a catalog edit can empty them all (forgetCachedCatalog). */
const caches: Array<Map<string, unknown>> = []

/**
 * A small per-process cache for catalog reads that change rarely (regions,
 * plan prices, the tariff list): entries live `ttlMs` (default
 * catalogTtlMs()). Concurrent misses of one key share a single load; a
 * failed load is not kept.
 */
export function ttlCache<T>(ttlMs?: number) {
  const entries = new Map<string, { expires: number; value: Promise<T> }>()
  caches.push(entries)
  return async function cached(key: string, load: () => Promise<T>): Promise<T> {
    const ttl = ttlMs ?? catalogTtlMs()
    if (!(ttl > 0)) {
      return load()
    }
    const now = Date.now()
    const hit = entries.get(key)
    if (hit && hit.expires > now) {
      return hit.value
    }
    const value = load()
    entries.set(key, { expires: now + ttl, value })
    value.catch(() => entries.delete(key))
    if (entries.size > 1000) {
      for (const [k, e] of entries) if (e.expires <= now) entries.delete(k)
    }
    return value
  }
}

/**
 * Empties this process's catalog caches: an admin edit made through this
 * process shows at once here; other processes see it when their entries
 * expire (at most the TTL).
 */
export function forgetCachedCatalog() {
  for (const entries of caches) entries.clear()
}
