import type { MedusaRequest } from "@medusajs/framework/http"
import { PromocodeError, PromocodeErrorCode } from "../../modules/promocode"
import { attemptLimits } from "./config"
import { TooManyAttemptsError } from "./errors"
import { type AttemptCounter, attemptCounter, longestBlock } from "./store"

export const PROMOCODE_ATTEMPTS_EXCEEDED = "PROMOCODE_ATTEMPTS_EXCEEDED"

type Guard = { counter: AttemptCounter; key: string }

/**
 * Stops promo code guessing at the store API: a customer, and an IP address,
 * get a number of failed codes per window (PROMOCODE_ATTEMPTS_*); beyond it
 * every attempt answers 429 PROMOCODE_ATTEMPTS_EXCEEDED before the code is
 * looked up (so it is neither checked nor journaled, only counted). A code
 * that is accepted costs nothing.
 *
 *   const attempt = await promocodeAttempt(req, customerId)   // 429 when over
 *   try { ... } catch (e) { throw await attempt.rejected(e) }  // counts, masks
 */
export async function promocodeAttempt(req: MedusaRequest, customerId: string) {
  const limits = attemptLimits()
  const guards: Guard[] = [
    {
      counter: await attemptCounter(req.scope, "promocode_customer", limits.promocodePerCustomer),
      key: customerId,
    },
    {
      counter: await attemptCounter(req.scope, "promocode_ip", limits.promocodePerIp),
      key: req.ip ?? "unknown",
    },
  ]
  const countAll = () => Promise.all(guards.map(({ counter, key }) => counter.fail(key)))
  // both counts in one read (one statement on PostgreSQL)
  const retryAfterMs = await longestBlock(guards)
  if (retryAfterMs > 0) {
    await countAll()
    throw new TooManyAttemptsError(PROMOCODE_ATTEMPTS_EXCEEDED, retryAfterMs)
  }
  return {
    /**
     * Counts the error when it rejects the code and returns what the caller
     * may see: a code meant for someone else answers as one that does not
     * exist (the journal keeps the true reason).
     */
    async rejected(error: unknown): Promise<unknown> {
      if (!PromocodeError.isPromocodeError(error)) {
        return error
      }
      await countAll()
      return maskForStore(error)
    },
  }
}

/** PROMOCODE_NOT_FOR_CUSTOMER would tell a guesser the code exists. */
export function maskForStore(error: unknown): unknown {
  return PromocodeError.isPromocodeError(error) && error.code === PromocodeErrorCode.NOT_FOR_CUSTOMER
    ? new PromocodeError(PromocodeErrorCode.NOT_FOUND)
    : error
}
