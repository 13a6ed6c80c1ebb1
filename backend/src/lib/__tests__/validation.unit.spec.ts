import { isoDate, isStorableText, isStrictIsoDate, text } from "../validation"

describe("isStorableText", () => {
  it("accepts any well-formed text, RTL and emoji included", () => {
    for (const value of ["", "SALE10", "שלום", "مرحبا", "😀👍🏽", "a\u200fb", "Ёжик"]) {
      expect(isStorableText(value)).toBe(true)
    }
  })

  it("refuses NUL and unpaired surrogates", () => {
    for (const value of ["A\u0000B", "\u0000", "x\uD800", "\uDC00y", "\uDC00\uD800", "ok😀\uD83D"]) {
      expect(isStorableText(value)).toBe(false)
    }
  })

  it("is what text() checks", () => {
    expect(text().trim().min(1).safeParse(" A\u0000 ").success).toBe(false)
    expect(text().trim().min(1).safeParse(" A ").data).toBe("A")
  })
})

describe("isStrictIsoDate", () => {
  it("accepts real dates and date-times with a time zone", () => {
    for (const value of [
      "2024-02-29",
      "2025-12-31",
      "2025-01-31T10:00:00Z",
      "2025-01-31T10:00Z",
      "2025-01-31T23:59:59.999+03:00",
      "2025-01-31 10:00:00-0500",
    ]) {
      expect([value, isStrictIsoDate(value)]).toEqual([value, true])
    }
  })

  it("refuses impossible calendar dates instead of rolling them over", () => {
    for (const value of [
      "2024-02-30",
      "2023-02-29",
      "2025-04-31",
      "2025-13-01",
      "2025-00-10",
      "2025-01-00",
      "2025-01-31T24:00:00Z",
      "2025-01-31T10:60:00Z",
      "2025-01-31T10:00:61Z",
      "2025-01-31T10:00:00+25:00",
    ]) {
      expect([value, isStrictIsoDate(value)]).toEqual([value, false])
    }
  })

  it("refuses what is not ISO 8601 or has no time zone", () => {
    for (const value of ["garbage", "", "2025-1-1", "01/02/2025", "2025-01-31T10:00:00", "1735689600000", "2025-01-31Z"]) {
      expect([value, isStrictIsoDate(value)]).toEqual([value, false])
    }
  })

  it("isoDate() gives the Date of the moment", () => {
    expect(isoDate().parse("2025-01-31T10:00:00+03:00").toISOString()).toBe("2025-01-31T07:00:00.000Z")
    expect(isoDate().safeParse("2024-02-30").success).toBe(false)
  })
})
