import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { attemptLimits } from "./config"
import { TooManyAttemptsError } from "./errors"
import { attemptCounter } from "./store"

export const SIGN_IN_ATTEMPTS_EXCEEDED = "SIGN_IN_ATTEMPTS_EXCEEDED"

/**
 * Limits failed sign-ins per account and IP address (SIGN_IN_ATTEMPTS per
 * SIGN_IN_ATTEMPTS_WINDOW_SECONDS) on Medusa's `/auth/<actor>/emailpass`.
 * Every attempt is counted before it runs and given back when it succeeds,
 * so a burst of wrong passwords cannot slip through between the check and the
 * count; over the limit the answer is 429 with Retry-After, the password is
 * not checked.
 */
export function limitSignIn(actor: "customer" | "user") {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    try {
      const counter = await attemptCounter(req.scope, `sign_in_${actor}`, attemptLimits().signIn)
      const email = typeof (req.body as any)?.email === "string" ? (req.body as any).email : ""
      const key = `${email.trim().toLowerCase()}\n${req.ip ?? "unknown"}`
      const retryAfterMs = await counter.blockedFor(key)
      await counter.fail(key)
      if (retryAfterMs > 0) {
        return next(new TooManyAttemptsError(SIGN_IN_ATTEMPTS_EXCEEDED, retryAfterMs))
      }
      res.once("finish", () => {
        if (res.statusCode < 400) {
          counter.forgive(key).catch(() => undefined)
        }
      })
      next()
    } catch (error) {
      next(error)
    }
  }
}
