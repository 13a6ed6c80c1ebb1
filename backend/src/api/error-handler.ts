import {
  errorHandler,
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { errorMessage, INVALID_REQUEST_PREFIX } from "../lib/error-messages"
import { languageOf, type Lang } from "../lib/i18n"
import { TooManyAttemptsError } from "../lib/rate-limit/errors"

const medusaErrorHandler = errorHandler()

/** A response the handler writes itself: the status, Medusa's type, our code. */
type Mapped = { status: number; type: string; code: string; headers?: Record<string, string> }

/** body-parser's error types (`err.type`) and what they mean to the client. */
const BODY_PARSER_ERRORS: Record<string, Omit<Mapped, "type">> = {
  "entity.parse.failed": { status: 400, code: "INVALID_JSON" },
  "entity.too.large": { status: 413, code: "PAYLOAD_TOO_LARGE" },
  "encoding.unsupported": { status: 415, code: "UNSUPPORTED_MEDIA_TYPE" },
  "charset.unsupported": { status: 415, code: "UNSUPPORTED_MEDIA_TYPE" },
}

/**
 * Messages of the database layer (Medusa's MikroORM error mapper and
 * exception formatter) that name tables and columns; the client gets a
 * generic message instead.
 */
const DB_UNIQUE = /, already exists\.$/
const DB_DETAIL = /^Cannot set field '|^Can't insert null value in field |^You tried to set relationship |^column /

/** PostgreSQL error classes caused by the values sent: 22 data exception, 23 integrity. */
function sqlState(err: any): string | undefined {
  const state = err?.sqlState ?? err?.code ?? err?.cause?.code
  return typeof state === "string" && /^[0-9A-Z]{5}$/.test(state) ? state : undefined
}

/**
 * What a client may learn from an error Medusa would answer badly: a 500 for
 * its own bad input (a path that does not decode, a body that does not
 * parse, a value PostgreSQL refuses) or a message naming columns.
 */
function mapError(err: any): Mapped | undefined {
  if (err instanceof TooManyAttemptsError) {
    return {
      status: 429,
      type: MedusaError.Types.NOT_ALLOWED,
      code: err.code!,
      headers: { "Retry-After": String(err.retryAfterSeconds) },
    }
  }
  const bodyError = typeof err?.type === "string" ? BODY_PARSER_ERRORS[err.type] : undefined
  if (bodyError) {
    return { ...bodyError, type: MedusaError.Types.INVALID_DATA }
  }
  if (err instanceof URIError || /^Failed to decode param/.test(String(err?.message))) {
    return { status: 400, type: MedusaError.Types.INVALID_DATA, code: "INVALID_PATH" }
  }
  // other errors of express and its parsers carry an HTTP status (http-errors)
  const httpStatus = Number(err?.status ?? err?.statusCode)
  if (!(err instanceof MedusaError) && httpStatus >= 400 && httpStatus < 500) {
    return { status: httpStatus, type: MedusaError.Types.INVALID_DATA, code: "INVALID_REQUEST" }
  }
  const state = sqlState(err)
  const medusaUnique =
    err instanceof MedusaError &&
    !err.code &&
    (err.type === MedusaError.Types.DUPLICATE_ERROR || DB_UNIQUE.test(err.message))
  if (state === "23505" || medusaUnique) {
    return { status: 409, type: MedusaError.Types.DUPLICATE_ERROR, code: "ALREADY_EXISTS" }
  }
  if (
    (state && /^2[23]/.test(state)) ||
    (err instanceof MedusaError && !err.code && DB_DETAIL.test(err.message))
  ) {
    return { status: 400, type: MedusaError.Types.INVALID_DATA, code: "INVALID_VALUE" }
  }
  return undefined
}

/** Codes for Medusa's own 4xx errors that carry none. */
const CODE_OF_TYPE: Record<string, string> = {
  [MedusaError.Types.INVALID_DATA]: "INVALID_REQUEST",
  [MedusaError.Types.NOT_ALLOWED]: "NOT_ALLOWED",
  [MedusaError.Types.NOT_FOUND]: "NOT_FOUND",
  [MedusaError.Types.UNAUTHORIZED]: "UNAUTHORIZED",
  [MedusaError.Types.FORBIDDEN]: "FORBIDDEN",
}

/**
 * Medusa's error handler, with a code on every client error and the message in
 * the request's language: errors that carry one of our codes get that code's
 * message, request validation errors get a translated prefix before zod's
 * field details, and the errors `mapError` knows are answered here.
 */
export function localizedErrorHandler(
  err: any,
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const lang = languageOf(req)
  const mapped = mapError(err)
  if (mapped) {
    logger(req).info(`${mapped.status} ${mapped.code} at ${req.method} ${req.path}: ${String(err?.message)}`)
    res.status(mapped.status)
    for (const [name, value] of Object.entries(mapped.headers ?? {})) {
      res.setHeader(name, value)
    }
    res.json({ type: mapped.type, code: mapped.code, message: errorMessage(mapped.code, lang) })
    return
  }
  const translated = errorMessage(err?.code, lang)
  if (translated) {
    err.message = translated
  } else if (!err?.code && typeof err?.type === "string" && CODE_OF_TYPE[err.type]) {
    err.code = CODE_OF_TYPE[err.type]
    err.message = localizeUncoded(err, lang)
  }
  return medusaErrorHandler(err, req, res, next)
}

/**
 * The message of one of Medusa's errors without a code: in English as it is;
 * otherwise a validation error keeps zod's field details after a translated
 * prefix, and the others get their code's generic message.
 */
function localizeUncoded(err: MedusaError, lang: Lang): string {
  if (lang === "en" || typeof err.message !== "string") {
    return err.message
  }
  if (err.type === MedusaError.Types.INVALID_DATA) {
    const details = err.message.startsWith(`${INVALID_REQUEST_PREFIX.en}:`)
      ? err.message.slice(INVALID_REQUEST_PREFIX.en.length)
      : `: ${err.message}`
    return INVALID_REQUEST_PREFIX[lang] + details
  }
  return errorMessage(err.code, lang) ?? err.message
}

function logger(req: MedusaRequest): { info: (message: string) => void } {
  return req.scope?.resolve(ContainerRegistrationKeys.LOGGER) ?? console
}
