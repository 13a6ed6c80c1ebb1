import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { observeJob } from "../lib/metrics/registry"
import { queueSubscriptionNotices } from "../workflows/queue-subscription-notices"
import { runRenewalPass } from "../workflows/renew-subscription/pass"

/**
 * The renewal pass (workflows/renew-subscription/pass.ts): charges the saved
 * cards of subscriptions whose period ended, retries past_due ones on their
 * schedule, ends the ones that don't renew; then queues the notices due
 * (renewal and Trial reminders, expiries). Every minute by default
 * (SUBSCRIPTION_RENEWAL_CRON).
 */
async function renewSubscriptions(container: MedusaContainer) {
  const now = new Date()
  const result = await runRenewalPass(container, { now })
  // reminders (SUBSCRIPTION_REMINDER_DAYS ahead) and expiry notices, on the same clock
  const notices = await queueSubscriptionNotices(container, now)
  if (result.renewed + result.failed + result.expired + result.errors > 0) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(
        `Renewal pass: ${result.renewed} renewed, ${result.failed} declined, ${result.expired} ended, ${result.errors} errors`
      )
  }
  if (notices.renewal_upcoming + notices.trial_ending + notices.expired > 0) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(
        `Subscription notices: ${notices.renewal_upcoming} renewal reminders, ${notices.trial_ending} trial endings, ${notices.expired} expiries`
      )
  }
}

/** Counted in cinema_job_runs_total and cinema_job_duration_seconds (GET /metrics). */
export default (container: MedusaContainer) => observeJob("renew-subscriptions", () => renewSubscriptions(container))

export const config = {
  name: "renew-subscriptions",
  schedule: process.env.SUBSCRIPTION_RENEWAL_CRON || "* * * * *",
}
