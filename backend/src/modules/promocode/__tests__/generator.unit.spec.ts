import { MedusaError } from "@medusajs/framework/utils"
import {
  CODE_ALPHABET,
  DEFAULT_RANDOM_LENGTH,
  generateCodes,
  normalizeGenerateOptions,
} from "../lib/generator"
import { generateIds } from "../lib/ids"

describe("generateCodes", () => {
  it("uses an alphabet without look-alike characters", () => {
    for (const c of "0O1IL") {
      expect(CODE_ALPHABET).not.toContain(c)
    }
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length)
    expect(CODE_ALPHABET).toMatch(/^[A-Z2-9]+$/)
  })

  it("draws the requested number of distinct codes of the right shape", () => {
    const codes = generateCodes(20000, { prefix: "sale-", length: 6 })
    expect(codes).toHaveLength(20000)
    expect(new Set(codes).size).toBe(20000)
    const allowed = new RegExp(`^SALE-[${CODE_ALPHABET}]{6}$`)
    expect(codes.every((code) => allowed.test(code))).toBe(true)
  })

  it("defaults to 8 random characters and no prefix", () => {
    const [code] = generateCodes(1)
    expect(code).toHaveLength(DEFAULT_RANDOM_LENGTH)
    expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]+$`))
  })

  it("uses every character of the alphabet, roughly uniformly", () => {
    const counts = new Map<string, number>()
    for (const code of generateCodes(5000, { length: 8 })) {
      for (const c of code) {
        counts.set(c, (counts.get(c) ?? 0) + 1)
      }
    }
    expect(counts.size).toBe(CODE_ALPHABET.length)
    const expected = (5000 * 8) / CODE_ALPHABET.length
    for (const n of counts.values()) {
      expect(n).toBeGreaterThan(expected * 0.8)
      expect(n).toBeLessThan(expected * 1.2)
    }
  })

  it("does not repeat between calls (crypto randomness)", () => {
    const a = new Set(generateCodes(1000))
    const b = generateCodes(1000)
    expect(b.filter((code) => a.has(code))).toHaveLength(0)
  })

  it.each([
    [0, {}, /count/],
    [-1, {}, /count/],
    [1.5, {}, /count/],
    [1, { length: 3 }, /length/],
    [1, { length: 33 }, /length/],
    [1, { prefix: "bad prefix" }, /prefix/],
    [1, { prefix: "A".repeat(60), length: 8 }, /64/],
    [10000, { length: 4 }, /too short/],
  ])("rejects count %j with %j", (count, options, message) => {
    expect(() => generateCodes(count as number, options)).toThrow(message)
    try {
      normalizeGenerateOptions(count as number, options)
    } catch (e) {
      expect((e as MedusaError).type).toBe(MedusaError.Types.INVALID_DATA)
    }
  })

  it("accepts a 1,000,000 count with the default length", () => {
    expect(normalizeGenerateOptions(1_000_000, {})).toEqual({
      prefix: "",
      length: 8,
    })
  })
})

describe("generateIds", () => {
  it("draws distinct ULID-shaped ids with the prefix", () => {
    const before = Date.now()
    const ids = generateIds("promo", 50000)
    expect(ids).toHaveLength(50000)
    expect(new Set(ids).size).toBe(50000)
    expect(ids.every((id) => /^promo_[0-9A-HJKMNP-TV-Z]{26}$/.test(id))).toBe(
      true
    )
    // the first 10 characters are the time, in Crockford base32, like ulid()
    const decode = (s: string) =>
      [...s].reduce((n, c) => n * 32 + "0123456789ABCDEFGHJKMNPQRSTVWXYZ".indexOf(c), 0)
    const time = decode(ids[0].slice(6, 16))
    expect(time).toBeGreaterThanOrEqual(before)
    expect(time).toBeLessThanOrEqual(Date.now())
  })
})
