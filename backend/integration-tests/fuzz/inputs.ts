import fc from "fast-check"

/**
 * What hostile or careless clients send: wrong types, null, huge strings, NUL
 * and lone surrogates, RTL and emoji, impossible dates, numbers JSON cannot
 * hold, `__proto__` keys, bodies that are not JSON, wrong content types and
 * path segments that do not decode.
 */

/** A JSON token written as is (1e309, NaN, ...), not through JSON.stringify. */
export class Raw {
  constructor(readonly text: string) {}
}

export type Value = null | boolean | number | string | Raw | Value[] | Entries
export class Entries {
  constructor(readonly entries: [string, Value][]) {}
}

const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "A\u0000B",
  "\uD800",
  "x\uDC00",
  "\uDBFF\uDFFF",
  "שלום עולם",
  "مرحبا\u200f",
  "😀👍🏽🇷🇺",
  "Ёжик",
  "\u202eevil",
  "2024-02-30",
  "2023-02-29T10:00:00Z",
  "2025-13-01",
  "2025-01-31T25:00:00Z",
  "0000-00-00",
  "garbage",
  "1e309",
  "NaN",
  "-1",
  "Infinity",
  "true",
  "null",
  "__proto__",
  "constructor",
  "<script>alert(1)</script>",
  "' OR '1'='1",
  "%ff",
  "../../etc/passwd",
  "percentage",
  "fixed",
  "free_period",
  "rub",
  "SALE10",
  " welcome100 ",
  "tok_success",
  "tok_declined",
  "-created_at",
]

export function strings(known: string[]) {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS, ...known) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom("x", "Я", "😀", "\u0000"), fc.constantFrom(256, 5_000, 200_000))
        .map(([unit, times]) => unit.repeat(times)),
    }
  )
}

const NUMBERS = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.5, 5, 100, 101, 2 ** 31, 2 ** 53 + 2, 1e21, -1e21, Number.MIN_VALUE),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true })
)
const RAW_NUMBERS = fc.constantFrom("1e309", "-1e309", "NaN", "Infinity", "0x10", "01", ".5", "1e-400")

export function values(known: string[], keys: string[]): fc.Arbitrary<Value> {
  const { value } = fc.letrec<{ value: Value; object: Entries }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      { weight: 5, arbitrary: strings(known) },
      { weight: 3, arbitrary: NUMBERS },
      { weight: 1, arbitrary: RAW_NUMBERS.map((text) => new Raw(text)) },
      { weight: 1, arbitrary: fc.boolean() },
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.array(tie("value"), { maxLength: 4 }) },
      { weight: 1, arbitrary: tie("object") }
    ),
    object: entries(keys, tie("value")),
  }))
  return value
}

export function entries(keys: string[], value: fc.Arbitrary<Value>) {
  const key = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...keys) },
    { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor", "prototype", "", "a.b", "x[y]") },
    { weight: 1, arbitrary: fc.string({ maxLength: 10 }) }
  )
  return fc.array(fc.tuple(key, value), { maxLength: 6 }).map((list) => new Entries(list))
}

/** JSON text of a value, `__proto__` kept as an own key and raw tokens as written. */
export function toJson(value: Value): string {
  if (value instanceof Raw) return value.text
  if (value instanceof Entries) {
    return `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`).join(",")}}`
  }
  if (Array.isArray(value)) return `[${value.map(toJson).join(",")}]`
  return JSON.stringify(value)
}

/**
 * A query string from entries: repeated keys, `k[]=` lists and `k[x]=` objects
 * included. Values are cut to 300 characters (a cut may split an emoji into a
 * lone surrogate) and the whole to 6,000: Node refuses a request line over
 * 16 KB itself (431) before the app sees it.
 */
export function toQuery(value: Entries): string {
  const parts: string[] = []
  const add = (key: string, v: Value) => {
    if (v instanceof Entries) {
      for (const [inner, innerValue] of v.entries) add(`${key}[${inner}]`, innerValue)
    } else if (Array.isArray(v)) {
      for (const item of v) add(`${key}[]`, item)
    } else {
      parts.push(`${encode(key)}=${encode((v instanceof Raw ? v.text : v === null ? "" : String(v)).slice(0, 300))}`)
    }
  }
  for (const [key, v] of value.entries) add(key, v)
  let query = parts.join("&")
  while (query.length > 6000) {
    parts.pop()
    query = parts.join("&")
  }
  return query
}

/**
 * Percent-encodes text byte by byte; a lone surrogate, which
 * encodeURIComponent refuses, goes out as the bytes of its code unit
 * (`%ED%A0%80`), as a careless client would send it.
 */
export function encode(text: string): string {
  let out = ""
  for (const char of text) {
    const code = char.codePointAt(0)!
    if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((byte) => "%" + byte.toString(16).toUpperCase())
        .join("")
    } else {
      out += encodeURIComponent(char)
    }
  }
  return out
}

/**
 * Path segments: raw bytes that do not decode, NUL, surrogates, long ones, and
 * real ids (not `..`: the client's URL parser would resolve it to another path).
 */
export function pathSegments(realIds: string[]) {
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        "%ff",
        "%00",
        "a%00b",
        "%ED%A0%80",
        "%C3%28",
        "%E0%A4%A",
        "%",
        "%25",
        "%2F",
        "__proto__",
        "constructor",
        "%F0%9F%98%80",
        encode("שלום"),
        "x".repeat(2000),
        "null",
        "-1"
      ),
    },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }).map(encode).filter((s) => s.length > 0 && s !== "." && s !== "..") },
    { weight: 2, arbitrary: fc.constantFrom(...realIds) }
  )
}

const CONTENT_TYPES = [
  "application/json",
  "application/json",
  "application/json",
  "application/json; charset=utf-8",
  "application/json; charset=utf-16",
  "application/json; charset=koi8-r",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=xyz",
  "application/xml",
  "",
]

/** A request body: mostly JSON objects of the known fields; also other JSON, broken JSON and other types. */
export function bodies(known: string[], keys: string[]) {
  const value = values(known, keys)
  const json = fc.oneof(
    { weight: 8, arbitrary: entries(keys, value).map(toJson) },
    { weight: 1, arbitrary: value.map(toJson) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        "",
        "{",
        "{\"a\":}",
        "[1,2",
        "nul",
        "{\"value\": NaN}",
        "{\"count\": 1e309}",
        "{'single': 'quotes'}",
        "\u0000",
        "{\"__proto__\": {\"isAdmin\": true}}",
        "{\"constructor\": {\"prototype\": {\"x\": 1}}}",
        JSON.stringify({ description: "x".repeat(3_000_000) })
      ),
    }
  )
  return fc.record({ text: json, contentType: fc.constantFrom(...CONTENT_TYPES) })
}

export const LANGUAGES = fc.constantFrom("en", "ru", "ru-RU,ru;q=0.9,en;q=0.5", "de", "*", "zz;q=abc")
