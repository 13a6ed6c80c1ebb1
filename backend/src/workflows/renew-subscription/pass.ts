import { renewalsTotal } from "../../lib/metrics/registry"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { subscriptionService } from "../../lib/purchases"
import { reservationTtlMs } from "../../lib/reservations"
import { parseRetryDays } from "../../modules/subscription"
import { renewSubscriptionWorkflow, type RenewalOutcome } from "./index"
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

const BATCH = 100
const CONCURRENCY = 4

/**
 * The renewal pass: charges of renewals abandoned mid-way refunded first
 * (recover.ts), then one renew-subscription workflow per subscription due at
 * `now` (a few at a time), each subscription once per pass; then the live
 * subscriptions that ended without renewing are ended (`canceled` /
 * `expired`). Safe to run twice or in two processes at once: each workflow
 * re-checks under the customer's lock, and a period is charged at most once.
 */
export async function runRenewalPass(
  container: MedusaContainer,
  { now = new Date() }: { now?: Date } = {}
): Promise<RenewalPassResult> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const service = subscriptionService(container)
  const retryDays = parseRetryDays(process.env.SUBSCRIPTION_RETRY_DAYS)
  const result: RenewalPassResult = { renewed: 0, failed: 0, expired: 0, skipped: 0, errors: 0 }
  // first give back charges of renewals that died before their record (real time, not `now`)
  await recoverAbandonedRenewals(container, { olderThan: new Date(Date.now() - reservationTtlMs()) })
  const seen = new Set<string>()
  const count = (outcome: RenewalOutcome) => {
    result[outcome] += 1
    renewalsTotal.inc({ outcome })
  }

  for (;;) {
    const due = (await service.listDueRenewals(now, BATCH + seen.size)).filter((d) => !seen.has(d.id))
    if (!due.length) {
      break
    }
    for (let i = 0; i < due.length; i += CONCURRENCY) {
      await Promise.all(
        due.slice(i, i + CONCURRENCY).map(async (subscription) => {
          seen.add(subscription.id)
          try {
            const { result: run } = await renewSubscriptionWorkflow(container).run({
              input: {
                subscription_id: subscription.id,
                customer_id: subscription.customer_id,
                now: now.toISOString(),
                retry_days: retryDays,
              },
            })
            count(run.outcome)
          } catch (error) {
            result.errors += 1
            renewalsTotal.inc({ outcome: "error" })
            logger.warn(`Renewal of ${subscription.id} failed: ${(error as Error).message}`)
          }
        })
      )
    }
  }
  const ended = await service.endNotRenewing(now)
  result.expired += ended
  renewalsTotal.inc({ outcome: "expired" }, ended)
  return result
}
