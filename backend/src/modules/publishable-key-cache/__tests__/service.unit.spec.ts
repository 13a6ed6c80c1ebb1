import PublishableKeyCacheService, { publishableKeyLookup } from "../service"

// what Medusa's store middleware asks query.graph, as its cache key input
const lookup = (token: string) => ({
  queryOptions: {
    entity: "api_key",
    fields: ["id", "token", "revoked_at", "sales_channels_link.sales_channel_id"],
    filters: { token, type: "publishable" },
  },
  options: {},
})
const found = { data: [{ id: "apk_1", token: "pk_1", revoked_at: null, sales_channels_link: [] }] }

describe("publishableKeyLookup", () => {
  it("keys the publishable-key lookup by token and fields, and nothing else", () => {
    expect(publishableKeyLookup(lookup("pk_1"))).toBe(
      "pk|pk_1|id,token,revoked_at,sales_channels_link.sales_channel_id"
    )
    expect(publishableKeyLookup(lookup("pk_2"))).not.toEqual(publishableKeyLookup(lookup("pk_1")))
    const secret = lookup("sk_1")
    secret.queryOptions.filters.type = "secret"
    expect(publishableKeyLookup(secret)).toBeNull()
    expect(publishableKeyLookup({ ...lookup("pk_1"), options: { locale: "ru" } })).toBeNull()
    const paged = lookup("pk_1") as any
    paged.queryOptions.pagination = { take: 1 }
    expect(publishableKeyLookup(paged)).toBeNull()
    const more = lookup("pk_1") as any
    more.queryOptions.filters.revoked_at = null
    expect(publishableKeyLookup(more)).toBeNull()
    expect(publishableKeyLookup({ queryOptions: { entity: "cart", fields: ["id"], filters: { id: "c" } } })).toBeNull()
    expect(publishableKeyLookup(null)).toBeNull()
    expect(publishableKeyLookup([{ entity: "api_key" }])).toBeNull()
  })
})

describe("PublishableKeyCacheService", () => {
  afterEach(() => jest.useRealTimers())

  it("answers a found key for ttlMs, then asks again", async () => {
    jest.useFakeTimers({ now: 1_000_000 })
    const cache = new PublishableKeyCacheService({}, { ttlMs: 5000 })
    const key = await cache.computeKey(lookup("pk_1"))
    expect(await cache.get({ key })).toBeNull()
    await cache.set({ key, data: found })
    jest.setSystemTime(1_004_999)
    expect(await cache.get({ key })).toBe(found)
    jest.setSystemTime(1_005_000)
    expect(await cache.get({ key })).toBeNull()
  })

  it("never caches an unknown token, any other lookup, or anything with ttlMs 0", async () => {
    const cache = new PublishableKeyCacheService({}, {})
    const unknown = await cache.computeKey(lookup("pk_nope"))
    await cache.set({ key: unknown, data: { data: [] } })
    expect(await cache.get({ key: unknown })).toBeNull()
    const other = await cache.computeKey({ queryOptions: { entity: "cart", fields: ["id"] } })
    expect(other).toBe("")
    await cache.set({ key: other, data: found })
    expect(await cache.get({ key: other })).toBeNull()

    // a caller's own key (Medusa's useCache with a string key) is not served either
    await cache.set({ key: "find-sales-channel-default-store", data: found })
    expect(await cache.get({ key: "find-sales-channel-default-store" })).toBeNull()

    const off = new PublishableKeyCacheService({}, { ttlMs: 0 })
    const key = await off.computeKey(lookup("pk_1"))
    await off.set({ key, data: found })
    expect(await off.get({ key })).toBeNull()
  })

  it("refuses a TTL that is not 0 to 60000 ms", () => {
    expect(() => new PublishableKeyCacheService({}, { ttlMs: -1 })).toThrow("PUBLISHABLE_KEY_CACHE_TTL_MS")
    expect(() => new PublishableKeyCacheService({}, { ttlMs: 60_001 })).toThrow("PUBLISHABLE_KEY_CACHE_TTL_MS")
    expect(() => new PublishableKeyCacheService({}, { ttlMs: Number.NaN })).toThrow("PUBLISHABLE_KEY_CACHE_TTL_MS")
  })
})
