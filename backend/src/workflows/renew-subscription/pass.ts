import { renewalDuration, renewalsTotal } from "../../lib/metrics/registry"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { subscriptionService } from "../../lib/purchases"
import { reservationTtlMs } from "../../lib/reservations"
import { parseRenewalConcurrency, parseRetryDays, type DueRow } from "../../modules/subscription"
import { drain, dueSubscriptions } from "./due"
import { renewSubscriptionWorkflow } from "./index"
import { recoverAbandonedRenewals } from "./recover"

export type RenewalPassResult = {
  renewed: number
  failed: number
  /** retries exhausted, plus subscriptions that ended without renewing */
  expired: number
  /** not due any more when their turn came (another pass got there first) */
  skipped: number
  /** attempts that errored (left due for the next pass) */
  errors: number
}

/**
 * The renewal pass: charges of renewals abandoned mid-way refunded first
 * (recover.ts), then one renew-subscription workflow per subscription due at
 * `now`, `concurrency` at a time (SUBSCRIPTION_RENEWAL_CONCURRENCY), each
 * subscription once per pass; then the live subscriptions that ended without
 * renewing are ended (`canceled` / `expired`). Safe to run twice or in two
 * processes at once: each workflow re-checks under the customer's lock, and a
 * period is charged at most once.
 */
export async function runRenewalPass(
  container: MedusaContainer,
  {
    now = new Date(),
    concurrency = parseRenewalConcurrency(process.env.SUBSCRIPTION_RENEWAL_CONCURRENCY),
  }: { now?: Date; concurrency?: number } = {}
): Promise<RenewalPassResult> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const retryDays = parseRetryDays(process.env.SUBSCRIPTION_RETRY_DAYS)
  const result: RenewalPassResult = { renewed: 0, failed: 0, expired: 0, skipped: 0, errors: 0 }
  // first give back charges of renewals that died before their record (real time, not `now`)
  await recoverAbandonedRenewals(container, { olderThan: new Date(Date.now() - reservationTtlMs()) })

  const renew = async (subscription: DueRow) => {
    const stop = renewalDuration.startTimer()
    try {
      const { result: run } = await renewSubscriptionWorkflow(container).run({
        input: {
          subscription_id: subscription.id,
          customer_id: subscription.customer_id,
          now: now.toISOString(),
          retry_days: retryDays,
        },
      })
      result[run.outcome] += 1
      renewalsTotal.inc({ outcome: run.outcome })
      stop({ outcome: run.outcome })
    } catch (error) {
      result.errors += 1
      renewalsTotal.inc({ outcome: "error" })
      stop({ outcome: "error" })
      logger.warn(`Renewal of ${subscription.id} failed: ${(error as Error).message}`)
    }
  }
  const service = subscriptionService(container)
  await drain(dueSubscriptions((page) => service.listDueRenewals(now, page)), concurrency, renew)

  const ended = await service.endNotRenewing(now)
  result.expired += ended
  renewalsTotal.inc({ outcome: "expired" }, ended)
  return result
}
