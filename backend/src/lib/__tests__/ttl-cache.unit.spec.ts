import { forgetCachedCatalog, ttlCache } from "../ttl-cache"

describe("ttlCache", () => {
  const previous = process.env.CATALOG_CACHE_TTL_MS
  afterEach(() => {
    jest.useRealTimers()
    process.env.CATALOG_CACHE_TTL_MS = previous
  })

  it("loads once per key until the entry expires, and shares a load in flight", async () => {
    jest.useFakeTimers()
    const cached = ttlCache<number>(1000)
    let loads = 0
    const load = async () => ++loads
    expect(await Promise.all([cached("a", load), cached("a", load)])).toEqual([1, 1])
    expect(await cached("b", load)).toEqual(2)
    jest.advanceTimersByTime(999)
    expect(await cached("a", load)).toEqual(1)
    jest.advanceTimersByTime(1)
    expect(await cached("a", load)).toEqual(3)
  })

  it("keeps no failed load", async () => {
    const cached = ttlCache<number>(60000)
    await expect(cached("a", async () => Promise.reject(new Error("down")))).rejects.toThrow("down")
    expect(await cached("a", async () => 7)).toEqual(7)
  })

  it("reads CATALOG_CACHE_TTL_MS at each call: 0 turns the cache off", async () => {
    const cached = ttlCache<number>()
    let loads = 0
    process.env.CATALOG_CACHE_TTL_MS = "0"
    await cached("a", async () => ++loads)
    await cached("a", async () => ++loads)
    expect(loads).toEqual(2)
    process.env.CATALOG_CACHE_TTL_MS = "60000"
    await cached("a", async () => ++loads)
    await cached("a", async () => ++loads)
    expect(loads).toEqual(3)
  })

  it("forgetCachedCatalog empties every cache", async () => {
    const first = ttlCache<string>(60000)
    const second = ttlCache<string>(60000)
    await first("k", async () => "old")
    await second("k", async () => "old")
    forgetCachedCatalog()
    expect(await first("k", async () => "new")).toEqual("new")
    expect(await second("k", async () => "new")).toEqual("new")
  })
})
