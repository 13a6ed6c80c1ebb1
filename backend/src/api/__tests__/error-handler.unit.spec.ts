import { MedusaError } from "@medusajs/framework/utils"
import { TooManyAttemptsError } from "../../lib/rate-limit/errors"
import { localizedErrorHandler } from "../error-handler"

/** Runs the handler on an error and returns what the client receives. */
function answer(err: unknown, lang = "en") {
  const headers: Record<string, string> = {}
  const req: any = {
    method: "POST",
    path: "/store/purchases",
    headers: { "accept-language": lang },
    get: (name: string) => (name.toLowerCase() === "accept-language" ? lang : undefined),
    scope: { resolve: () => ({ info: () => undefined, error: () => undefined, warn: () => undefined }) },
  }
  const res: any = {
    statusCode: 200,
    body: undefined,
    status(code: number) {
      this.statusCode = code
      return this
    },
    json(body: unknown) {
      this.body = body
      return this
    },
    setHeader(name: string, value: string) {
      headers[name] = value
    },
  }
  localizedErrorHandler(err, req, res, () => undefined)
  return { status: res.statusCode, body: res.body, headers }
}

describe("localizedErrorHandler", () => {
  it("answers a unique violation without table or column names", () => {
    const mapped = answer(
      new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "Purchase with customer_id: cus_1, idempotency_key: key-1, already exists."
      )
    )
    expect(mapped.status).toEqual(409)
    expect(mapped.body).toEqual({
      type: "duplicate_error",
      code: "ALREADY_EXISTS",
      message: "A record with these values already exists.",
    })
    const raw = answer(
      Object.assign(new Error("duplicate key value violates unique constraint"), {
        code: "23505",
        table: "promocode",
        detail: "Key (code)=(SALE10) already exists.",
      }),
      "ru"
    )
    expect([raw.status, raw.body.code, raw.body.message]).toEqual([
      409,
      "ALREADY_EXISTS",
      "Запись с такими значениями уже существует.",
    ])
    expect(JSON.stringify(raw.body)).not.toMatch(/constraint|code\)|SALE10/)
  })

  it("answers values PostgreSQL refuses as a 400, not a 500", () => {
    const nul = answer(Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: "22021" }))
    expect([nul.status, nul.body.code]).toEqual([400, "INVALID_VALUE"])
    expect(nul.body.message).not.toMatch(/UTF8|0x00/)
    const notNull = answer(new MedusaError(MedusaError.Types.INVALID_DATA, "Cannot set field 'code' of Promocode to null"))
    expect([notNull.status, notNull.body.code]).toEqual([400, "INVALID_VALUE"])
    expect(notNull.body.message).not.toContain("code'")
  })

  it("maps a path that does not decode and body-parser errors to 4xx with a code", () => {
    const decode = Object.assign(new URIError("Failed to decode param '%ff'"), { status: 400, statusCode: 400 })
    expect([answer(decode).status, answer(decode).body.code]).toEqual([400, "INVALID_PATH"])
    const parserError = (type: string, status: number) =>
      Object.assign(new Error("parser"), { type, status, statusCode: status, expose: true })
    const cases: [string, number, number, string][] = [
      ["entity.parse.failed", 400, 400, "INVALID_JSON"],
      ["entity.too.large", 413, 413, "PAYLOAD_TOO_LARGE"],
      ["charset.unsupported", 415, 415, "UNSUPPORTED_MEDIA_TYPE"],
      ["request.aborted", 400, 400, "INVALID_REQUEST"],
    ]
    for (const [type, status, expected, code] of cases) {
      const res = answer(parserError(type, status), "ru")
      expect([type, res.status, res.body.code]).toEqual([type, expected, code])
      expect(res.body.message).toMatch(/[А-Яа-я]/)
    }
  })

  it("answers too many attempts with 429 and Retry-After in seconds", () => {
    const res = answer(new TooManyAttemptsError("PROMOCODE_ATTEMPTS_EXCEEDED", 4_200), "ru")
    expect(res.status).toEqual(429)
    expect(res.headers["Retry-After"]).toEqual("5")
    expect(res.body).toEqual({
      type: "not_allowed",
      code: "PROMOCODE_ATTEMPTS_EXCEEDED",
      message: "Слишком много неверных промокодов. Попробуйте позже.",
    })
  })

  it("gives Medusa's uncoded errors a code, in the request's language", () => {
    const notFound = answer(new MedusaError(MedusaError.Types.NOT_FOUND, "Promocode with id: x was not found"), "ru")
    expect([notFound.status, notFound.body.code, notFound.body.message]).toEqual([404, "NOT_FOUND", "Запись не найдена."])
    const invalid = answer(new MedusaError(MedusaError.Types.INVALID_DATA, "Invalid request: Field 'count' is required"), "ru")
    expect([invalid.status, invalid.body.code, invalid.body.message]).toEqual([
      400,
      "INVALID_REQUEST",
      "Некорректный запрос: Field 'count' is required",
    ])
    const english = answer(new MedusaError(MedusaError.Types.NOT_FOUND, "Promocode with id: x was not found"))
    expect(english.body).toEqual({ type: "not_found", code: "NOT_FOUND", message: "Promocode with id: x was not found" })
    const coded = answer(new MedusaError(MedusaError.Types.NOT_FOUND, "x", "PROMOCODE_NOT_FOUND"), "ru")
    expect(coded.body.message).toEqual("Такого промокода не существует.")
  })

  it("keeps a real server error a 500 that tells nothing", () => {
    const res = answer(new Error("boom at /src/x.ts:1:2"))
    expect(res.status).toEqual(500)
    expect(JSON.stringify(res.body)).not.toContain("boom")
  })
})
