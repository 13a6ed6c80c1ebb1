import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { queueSubscriptionNotices } from "../../../../../workflows/queue-subscription-notices"
import { runRenewalPass } from "../../../../../workflows/renew-subscription/pass"
import type { AdminRunRenewalsType } from "../validators"

export const TEST_CLOCK_DISABLED = "TEST_CLOCK_DISABLED"

/** Whether `as_of` may move the renewal pass's clock (tests and demos only). */
export const testClockEnabled = () => process.env.SUBSCRIPTION_TEST_CLOCK === "true"

/**
 * Runs the renewal pass now → `{ renewed, failed, expired, skipped, errors }`,
 * then queues the subscription notices due (reminders, expiries) as of the same moment.
 * `as_of` runs it as if it were then; refused (400 TEST_CLOCK_DISABLED)
 * unless SUBSCRIPTION_TEST_CLOCK=true.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminRunRenewalsType>, res: MedusaResponse) {
  const asOf = req.validatedBody.as_of
  if (asOf && !testClockEnabled()) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "as_of is accepted only when SUBSCRIPTION_TEST_CLOCK=true",
      TEST_CLOCK_DISABLED
    )
  }
  const now = asOf ?? new Date()
  const result = await runRenewalPass(req.scope, { now })
  // reminders and expiry notices on the same clock, as the scheduled job does
  await queueSubscriptionNotices(req.scope, now)
  res.json(result)
}
