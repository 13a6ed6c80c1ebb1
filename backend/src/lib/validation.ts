import { z } from "@medusajs/framework/zod"

/**
 * Shared zod pieces for request validators: text PostgreSQL can store and
 * strict ISO 8601 dates. Every validator builds its strings and dates from
 * these, so bad input is a 400 at the edge, never a database error.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * Whether PostgreSQL can store the string as text: no NUL character (text
 * cannot hold one) and no unpaired UTF-16 surrogate (not encodable as UTF-8).
 */
export function isStorableText(value: string): boolean {
  return !value.includes("\u0000") && !LONE_SURROGATE.test(value)
}

/** A refinement's message naming the field, as Medusa's own messages do. */
function fieldMessage(rule: string) {
  return (issue: { path?: PropertyKey[] }) => {
    const path = (issue.path ?? []).map(String).join(".")
    return path ? `Field '${path}' ${rule}` : `Value ${rule}`
  }
}

/** A string PostgreSQL can store; chain `.trim()`, `.min()`, `.max()`, ... as usual. */
export function text() {
  return z.string().refine(isStorableText, {
    error: fieldMessage("must not contain NUL characters or unpaired surrogates"),
  })
}

/** An id of a record (`cus_...`, `variant_...`): non-empty storable text. */
export function id(max = 255) {
  return text().trim().min(1).max(max)
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))$/

function daysInMonth(year: number, month: number): number {
  const date = new Date(0)
  date.setUTCFullYear(year, month, 0)
  return date.getUTCDate()
}

/**
 * Whether the value is an ISO 8601 date (`2025-01-31`) or a date-time with a
 * time zone (`2025-01-31T10:00:00Z`, `...+03:00`) naming a real moment: month
 * 1-12, a day that exists in that month (`2024-02-30` does not), hours 0-23,
 * minutes and seconds 0-59, an offset of at most 18 hours.
 */
export function isStrictIsoDate(value: string): boolean {
  const date = ISO_DATE.exec(value)
  const dateTime = date ? null : ISO_DATE_TIME.exec(value)
  const parts = date ?? dateTime
  if (!parts) {
    return false
  }
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])]
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return false
  }
  if (dateTime) {
    const [hour, minute, second] = [Number(dateTime[4]), Number(dateTime[5]), Number(dateTime[6] ?? 0)]
    if (hour > 23 || minute > 59 || second > 59) {
      return false
    }
    if (dateTime[8] !== undefined && (Number(dateTime[8]) > 18 || Number(dateTime[9]) > 59)) {
      return false
    }
  }
  return !Number.isNaN(Date.parse(value))
}

/** An ISO 8601 date or date-time with a time zone, kept as the string. */
export function isoDateString() {
  return z
    .string()
    .trim()
    .max(40)
    .refine(isStrictIsoDate, {
      error: fieldMessage(
        "must be an ISO 8601 date (2025-01-31) or date-time with a time zone (2025-01-31T10:00:00Z)"
      ),
    })
}

/** An ISO 8601 date or date-time with a time zone, as a Date. */
export function isoDate() {
  return isoDateString().transform((value) => new Date(value))
}

/**
 * Refuses a request whose path has a segment that is not percent-encoded
 * UTF-8 (`/store/purchases/%ff`) or decodes to text PostgreSQL cannot store
 * (`%00`), before any route reads it as an id. Answered by the error handler
 * as 400 INVALID_PATH.
 */
export function rejectUnstorablePath(
  req: { originalUrl: string },
  _res: unknown,
  next: (error?: unknown) => void
) {
  // the whole path: inside a middleware mounted on a pattern, req.path is what remains of it
  const path = req.originalUrl.split("?")[0]
  for (const segment of path.split("/")) {
    let decoded: string
    try {
      decoded = decodeURIComponent(segment)
    } catch {
      return next(new URIError(`Failed to decode param '${segment}'`))
    }
    if (!isStorableText(decoded)) {
      return next(new URIError(`Failed to decode param '${segment}'`))
    }
  }
  next()
}
