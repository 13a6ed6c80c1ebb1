import { MedusaError } from "@medusajs/framework/utils"
import {
  MAX_CODE_LENGTH,
  codeForJournal,
  normalizeCode,
  tryNormalizeCode,
} from "../lib/code"

describe("normalizeCode", () => {
  it.each([
    ["summer10", "SUMMER10"],
    ["  Summer-10 ", "SUMMER-10"],
    ["\tfree_month\n", "FREE_MONTH"],
    ["ABC", "ABC"],
    ["a", "A"],
    ["0123456789", "0123456789"],
  ])("normalizes %j to %j", (input, expected) => {
    expect(normalizeCode(input)).toBe(expected)
    expect(tryNormalizeCode(input)).toBe(expected)
  })

  it("accepts exactly 64 characters and rejects 65", () => {
    const max = "A".repeat(MAX_CODE_LENGTH)
    expect(normalizeCode(` ${max} `)).toBe(max)
    expect(tryNormalizeCode(max + "B")).toBeNull()
    expect(() => normalizeCode(max + "B")).toThrow(/at most 64/)
  })

  it.each([
    ["", /empty/],
    ["   ", /empty/],
    ["SUMMER 10", /only letters/],
    ["DROP TABLE;", /only letters/],
    ["<b>X</b>", /only letters/],
    ["КОД", /only letters/],
    ["CODE%", /only letters/],
    ["A".repeat(10000), /at most 64/],
  ])("rejects %j", (input, message) => {
    expect(tryNormalizeCode(input)).toBeNull()
    let error: MedusaError | undefined
    try {
      normalizeCode(input)
    } catch (e) {
      error = e as MedusaError
    }
    expect(error).toBeInstanceOf(MedusaError)
    expect(error?.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(error?.code).toBe("PROMOCODE_INVALID")
    expect(error?.message).toMatch(message)
  })

  it.each([null, undefined, 42, {}, ["A"]])("rejects non-strings (%j)", (v) => {
    expect(tryNormalizeCode(v)).toBeNull()
    expect(() => normalizeCode(v)).toThrow(MedusaError)
  })

  it("bounds what goes to the journal", () => {
    expect(codeForJournal(" abc ")).toBe("ABC")
    expect(codeForJournal("x".repeat(10000))).toHaveLength(MAX_CODE_LENGTH)
    expect(codeForJournal(undefined)).toBe("")
  })
})
