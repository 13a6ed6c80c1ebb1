import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runRenewalPass } from "../workflows/renew-subscription/pass"

/**
 * The renewal pass (workflows/renew-subscription/pass.ts): charges the saved
 * cards of subscriptions whose period ended, retries past_due ones on their
 * schedule, ends the ones that don't renew. Every minute by default
 * (SUBSCRIPTION_RENEWAL_CRON).
 */
export default async function renewSubscriptions(container: MedusaContainer) {
  const result = await runRenewalPass(container)
  if (result.renewed + result.failed + result.expired + result.errors > 0) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(
        `Renewal pass: ${result.renewed} renewed, ${result.failed} declined, ${result.expired} ended, ${result.errors} errors`
      )
  }
}

export const config = {
  name: "renew-subscriptions",
  schedule: process.env.SUBSCRIPTION_RENEWAL_CRON || "* * * * *",
}
