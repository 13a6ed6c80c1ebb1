import { MedusaError } from "@medusajs/framework/utils"
import { rateLimitHitsTotal } from "../metrics/registry"

/**
 * Too many failed attempts: the error handler answers 429 with the code, its
 * message in the request's language and `Retry-After` in seconds.
 */
export class TooManyAttemptsError extends MedusaError {
  readonly retryAfterSeconds: number

  constructor(code: string, retryAfterMs: number) {
    super(MedusaError.Types.NOT_ALLOWED, code, code)
    this.name = "TooManyAttemptsError"
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000))
    rateLimitHitsTotal.inc({ limiter: code })
  }
}
