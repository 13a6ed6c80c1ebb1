import { RateLimiterMemory } from "rate-limiter-flexible"
import { AttemptCounter, longestBlock } from "../store"

const limit = { points: 2, seconds: 60 }
const memoryCounter = (prefix: string) =>
  new AttemptCounter(new RateLimiterMemory({ keyPrefix: prefix, points: 2, duration: 60 }), limit)

describe("longestBlock", () => {
  it("is 0 while every key is under its limit, else the longest wait", async () => {
    const customer = memoryCounter("promocode_customer")
    const ip = memoryCounter("promocode_ip")
    const checks = [
      { counter: customer, key: "cus_1" },
      { counter: ip, key: "10.0.0.1" },
    ]
    expect(await longestBlock(checks)).toBe(0)
    await ip.fail("10.0.0.1")
    expect(await longestBlock(checks)).toBe(0)
    await ip.fail("10.0.0.1")
    const wait = await longestBlock(checks)
    expect(wait).toBeGreaterThan(50_000)
    expect(wait).toBeLessThanOrEqual(60_000)
    expect(await longestBlock([{ counter: customer, key: "cus_1" }])).toBe(0)
  })

  it("reads PostgreSQL counters in one statement, each key's row by its stored key", async () => {
    const statements: { sql: string; bindings: unknown[] }[] = []
    const now = Date.now()
    const knex = {
      raw: async (sql: string, bindings: unknown[]) => {
        statements.push({ sql, bindings })
        return {
          rows: [
            // the IP is over its limit for 30 more seconds, the customer has one failure
            { key: ip.storedKey("10.0.0.1"), points: 2, expire: String(now + 30_000) },
            { key: customer.storedKey("cus_1"), points: 1, expire: String(now + 50_000) },
          ],
        }
      },
    }
    const never = new RateLimiterMemory({ points: 1, duration: 1 })
    never.get = () => Promise.reject(new Error("the limiter's own read is not used"))
    const customer = new AttemptCounter(never, limit, knex)
    const ip = new AttemptCounter(never, limit, knex)
    const wait = await longestBlock([
      { counter: customer, key: "cus_1" },
      { counter: ip, key: "10.0.0.1" },
    ])
    expect(wait).toBeGreaterThan(29_000)
    expect(wait).toBeLessThanOrEqual(30_000)
    expect(statements).toHaveLength(1)
    expect(statements[0].bindings.slice(0, 2)).toEqual([customer.storedKey("cus_1"), ip.storedKey("10.0.0.1")])
    expect(customer.storedKey("cus_1")).not.toEqual(customer.storedKey("cus_2"))
  })

  it("falls back to each limiter (and its insurance) when the statement fails", async () => {
    const knex = { raw: () => Promise.reject(new Error("connection refused")) }
    const limiter = new RateLimiterMemory({ keyPrefix: "promocode_ip", points: 2, duration: 60 })
    const ip = new AttemptCounter(limiter, limit, knex)
    const customer = new AttemptCounter(
      new RateLimiterMemory({ keyPrefix: "promocode_customer", points: 2, duration: 60 }),
      limit,
      knex
    )
    await ip.fail("10.0.0.1")
    await ip.fail("10.0.0.1")
    expect(
      await longestBlock([
        { counter: customer, key: "cus_1" },
        { counter: ip, key: "10.0.0.1" },
      ])
    ).toBeGreaterThan(50_000)
  })
})
