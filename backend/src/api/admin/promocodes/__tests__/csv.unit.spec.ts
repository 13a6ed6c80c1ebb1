import { csvCell, csvRow } from "../csv"
import { daysOf, reportRange } from "../helpers"

describe("csvCell", () => {
  it.each([
    ["SUMMER-10", "SUMMER-10"],
    [null, ""],
    [undefined, ""],
    [15.5, "15.5"],
    [new Date("2030-01-01T00:00:00Z"), "2030-01-01T00:00:00.000Z"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
  ])("%p -> %p", (input, output) => {
    expect(csvCell(input)).toEqual(output)
  })

  it.each(["=1+1", "+1", "-SUM(A1)", "@cmd", "\tx", "\rx"])(
    "neutralises a formula in %p with a leading apostrophe",
    (input) => {
      expect(csvCell(input).replace(/^"/, "").startsWith("'")).toBe(true)
    }
  )

  it("quotes a neutralised cell that also needs quoting", () => {
    expect(csvCell('=HYPERLINK("x")')).toEqual(`"'=HYPERLINK(""x"")"`)
  })

  it("ends rows with CRLF", () => {
    expect(csvRow(["a", 1, null])).toEqual("a,1,\r\n")
  })
})

describe("reportRange", () => {
  it("includes the whole day of a date-only `to`", () => {
    const { from, to } = reportRange({ from: "2025-01-01", to: "2025-01-31" })
    expect(from.toISOString()).toEqual("2025-01-01T00:00:00.000Z")
    expect(to.toISOString()).toEqual("2025-02-01T00:00:00.000Z")
    expect(daysOf(from, to)).toHaveLength(31)
  })

  it("keeps a date-time `to` exclusive and defaults to the last 30 days", () => {
    const { to } = reportRange({ to: "2025-01-31T12:00:00Z" })
    expect(to.toISOString()).toEqual("2025-01-31T12:00:00.000Z")
    const { from, to: now } = reportRange({})
    expect(now.getTime() - from.getTime()).toEqual(30 * 86400000)
  })

  it.each([
    [{ from: "2025-02-01", to: "2025-01-01" }, "PROMOCODE_REPORT_RANGE_INVALID"],
    [{ from: "2025-01-01T00:00:00Z", to: "2025-01-01T00:00:00Z" }, "PROMOCODE_REPORT_RANGE_INVALID"],
    [{ from: "2024-01-01", to: "2025-01-02" }, "PROMOCODE_REPORT_RANGE_TOO_LONG"],
  ])("rejects %p", (input, code) => {
    expect(() => reportRange(input)).toThrow(expect.objectContaining({ code }))
  })

  it("accepts exactly 366 days", () => {
    expect(() => reportRange({ from: "2024-01-01", to: "2024-12-31" })).not.toThrow()
  })
})
