import { attemptLimits, rateLimitStore } from "../config"
import { minimumCodeLength } from "../code-space"

describe("minimumCodeLength", () => {
  it("keeps a batch within one millionth of alphabet^length", () => {
    // 31^4 = 923,521: even one code of length 4 is more than a millionth
    expect(minimumCodeLength(1)).toBe(5)
    expect(minimumCodeLength(923)).toBe(7)
    // 31^8 / 1e6 = 852,891.04
    expect(minimumCodeLength(852_891)).toBe(8)
    expect(minimumCodeLength(852_892)).toBe(9)
    expect(minimumCodeLength(1_000_000)).toBe(9)
    for (const count of [1, 10, 923, 50_000, 1_000_000]) {
      const length = minimumCodeLength(count)
      expect(count).toBeLessThanOrEqual(31 ** length / 1e6)
      expect(count).toBeGreaterThan(31 ** (length - 1) / 1e6)
    }
  })
})

describe("attemptLimits", () => {
  it("defaults to 10 failures per 10 minutes", () => {
    expect(attemptLimits({})).toEqual({
      promocodePerCustomer: { points: 10, seconds: 600 },
      promocodePerIp: { points: 10, seconds: 600 },
      signIn: { points: 10, seconds: 600 },
    })
  })

  it("reads the environment and refuses nonsense", () => {
    const env = {
      PROMOCODE_ATTEMPTS_PER_CUSTOMER: "3",
      PROMOCODE_ATTEMPTS_PER_IP: "50",
      PROMOCODE_ATTEMPTS_WINDOW_SECONDS: "2",
      SIGN_IN_ATTEMPTS: "5",
      SIGN_IN_ATTEMPTS_WINDOW_SECONDS: "60",
    }
    expect(attemptLimits(env)).toEqual({
      promocodePerCustomer: { points: 3, seconds: 2 },
      promocodePerIp: { points: 50, seconds: 2 },
      signIn: { points: 5, seconds: 60 },
    })
    expect(() => attemptLimits({ SIGN_IN_ATTEMPTS: "0" })).toThrow("SIGN_IN_ATTEMPTS")
    expect(() => attemptLimits({ PROMOCODE_ATTEMPTS_PER_IP: "ten" })).toThrow("PROMOCODE_ATTEMPTS_PER_IP")
  })
})

describe("rateLimitStore", () => {
  it("is Redis with REDIS_URL, PostgreSQL without, or what RATE_LIMIT_STORE says", () => {
    expect(rateLimitStore({ REDIS_URL: "redis://localhost:6379" })).toBe("redis")
    expect(rateLimitStore({})).toBe("postgres")
    expect(rateLimitStore({ REDIS_URL: "redis://x", RATE_LIMIT_STORE: "memory" })).toBe("memory")
    expect(() => rateLimitStore({ RATE_LIMIT_STORE: "mongo" })).toThrow("RATE_LIMIT_STORE")
  })
})
