import {
  errorHandler,
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { errorMessage, INVALID_REQUEST_PREFIX } from "../lib/error-messages"
import { languageOf } from "../lib/i18n"

const medusaErrorHandler = errorHandler()

/**
 * Medusa's error handler, with the message in the request's language:
 * errors that carry one of our codes get that code's message, and request
 * validation errors get a translated prefix before zod's field details.
 */
export function localizedErrorHandler(
  err: any,
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const lang = languageOf(req)
  const translated = errorMessage(err?.code, lang)
  if (translated) {
    err.message = translated
  } else if (
    lang !== "en" &&
    err?.type === MedusaError.Types.INVALID_DATA &&
    typeof err.message === "string" &&
    err.message.startsWith(`${INVALID_REQUEST_PREFIX.en}:`)
  ) {
    err.message = INVALID_REQUEST_PREFIX[lang] + err.message.slice(INVALID_REQUEST_PREFIX.en.length)
  }
  return medusaErrorHandler(err, req, res, next)
}
