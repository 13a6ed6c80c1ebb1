/**
 * A small per-process cache for catalog reads that change rarely (regions,
 * plan prices): entries live `CATALOG_CACHE_TTL_MS` (default 5 s; 0 turns the
 * cache off). Concurrent misses of one key share a single load.
 */
export function ttlCache<T>(ttlMs = Number(process.env.CATALOG_CACHE_TTL_MS ?? 5000)) {
  const entries = new Map<string, { expires: number; value: Promise<T> }>()
  return async function cached(key: string, load: () => Promise<T>): Promise<T> {
    if (!(ttlMs > 0)) {
      return load()
    }
    const now = Date.now()
    const hit = entries.get(key)
    if (hit && hit.expires > now) {
      return hit.value
    }
    const value = load()
    entries.set(key, { expires: now + ttlMs, value })
    value.catch(() => entries.delete(key))
    if (entries.size > 1000) {
      for (const [k, e] of entries) if (e.expires <= now) entries.delete(k)
    }
    return value
  }
}
