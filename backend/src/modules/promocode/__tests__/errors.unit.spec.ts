import { MedusaError } from "@medusajs/framework/utils"
import {
  PROMOCODE_ERROR_CODES,
  PromocodeError,
  PromocodeErrorCode,
  isPromocodeErrorCode,
  promocodeMessage,
} from "../lib/errors"

describe("promo code errors", () => {
  it("exports exactly the nine codes of the API contract", () => {
    expect([...PROMOCODE_ERROR_CODES].sort()).toEqual(
      [
        "PROMOCODE_NOT_FOUND",
        "PROMOCODE_INACTIVE",
        "PROMOCODE_NOT_STARTED",
        "PROMOCODE_EXPIRED",
        "PROMOCODE_USED_UP",
        "PROMOCODE_ALREADY_USED",
        "PROMOCODE_NOT_FOR_CUSTOMER",
        "PROMOCODE_NOT_APPLICABLE",
        "PROMOCODE_FIRST_PURCHASE_ONLY",
      ].sort()
    )
  })

  it.each(PROMOCODE_ERROR_CODES)("%s has distinct en and ru messages", (code) => {
    const en = promocodeMessage(code, "en")
    const ru = promocodeMessage(code, "ru")
    expect(en.length).toBeGreaterThan(5)
    expect(ru.length).toBeGreaterThan(5)
    expect(en).not.toBe(ru)
    expect(ru).toMatch(/[а-яё]/i)
    expect(en).toMatch(/^[\x20-\x7e]+$/)
  })

  it("messages differ between codes", () => {
    const en = new Set(PROMOCODE_ERROR_CODES.map((c) => promocodeMessage(c)))
    const ru = new Set(
      PROMOCODE_ERROR_CODES.map((c) => promocodeMessage(c, "ru"))
    )
    expect(en.size).toBe(9)
    expect(ru.size).toBe(9)
  })

  it("defaults to English", () => {
    expect(promocodeMessage(PromocodeErrorCode.EXPIRED)).toBe(
      promocodeMessage(PromocodeErrorCode.EXPIRED, "en")
    )
    expect(
      promocodeMessage(PromocodeErrorCode.EXPIRED, "de" as unknown as "en")
    ).toBe(promocodeMessage(PromocodeErrorCode.EXPIRED, "en"))
  })

  it("PromocodeError is a MedusaError with the code and an English message", () => {
    const error = new PromocodeError(PromocodeErrorCode.USED_UP)
    expect(error).toBeInstanceOf(MedusaError)
    expect(error).toBeInstanceOf(Error)
    expect(MedusaError.isMedusaError(error)).toBe(true)
    expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(error.code).toBe("PROMOCODE_USED_UP")
    expect(error.message).toBe(promocodeMessage(PromocodeErrorCode.USED_UP))
    expect(PromocodeError.isPromocodeError(error)).toBe(true)
  })

  it("NOT_FOUND maps to the not_found type (404)", () => {
    const error = new PromocodeError(PromocodeErrorCode.NOT_FOUND)
    expect(error.type).toBe(MedusaError.Types.NOT_FOUND)
    expect(error.code).toBe("PROMOCODE_NOT_FOUND")
  })

  it("recognises codes", () => {
    expect(isPromocodeErrorCode("PROMOCODE_EXPIRED")).toBe(true)
    expect(isPromocodeErrorCode("PROMOCODE_DUPLICATE")).toBe(false)
    expect(isPromocodeErrorCode("toString")).toBe(false)
    expect(isPromocodeErrorCode(undefined)).toBe(false)
    expect(
      PromocodeError.isPromocodeError(
        new MedusaError(MedusaError.Types.INVALID_DATA, "x", "OTHER")
      )
    ).toBe(false)
  })
})
