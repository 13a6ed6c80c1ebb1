import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { observeJob } from "../lib/metrics/registry"
import { runRenewalPass } from "../workflows/renew-subscription/pass"

/**
 * The renewal pass (workflows/renew-subscription/pass.ts): charges the saved
 * cards of subscriptions whose period ended, retries past_due ones on their
 * schedule, ends the ones that don't renew. Every minute by default
 * (SUBSCRIPTION_RENEWAL_CRON).
 */
async function renewSubscriptions(container: MedusaContainer) {
  const result = await runRenewalPass(container)
  if (result.renewed + result.failed + result.expired + result.errors > 0) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(
        `Renewal pass: ${result.renewed} renewed, ${result.failed} declined, ${result.expired} ended, ${result.errors} errors`
      )
  }
}

/** Counted in cinema_job_runs_total and cinema_job_duration_seconds (GET /metrics). */
export default (container: MedusaContainer) => observeJob("renew-subscriptions", () => renewSubscriptions(container))

export const config = {
  name: "renew-subscriptions",
  schedule: process.env.SUBSCRIPTION_RENEWAL_CRON || "* * * * *",
}
