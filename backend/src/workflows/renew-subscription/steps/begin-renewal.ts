import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { subscriptionService } from "../../../lib/purchases"
import type { RenewalAttempt } from "../../../modules/subscription"

export type BeginRenewalInput = { subscription_id: string; now: string; force?: boolean }

/**
 * Re-reads the subscription under the customer's lock: null when it is no
 * longer due (another pass renewed it, it was cancelled, the card removed),
 * which ends the workflow with nothing charged. The attempt counts as an
 * off-session charge of the card and is not given back: a gateway counts
 * attempts too.
 */
export const beginRenewalStep = createStep(
  "begin-renewal",
  async (input: BeginRenewalInput, { container }) => {
    const attempt = await subscriptionService(container).beginRenewal(input.subscription_id, {
      now: input.now,
      force: input.force,
    })
    return new StepResponse<RenewalAttempt | null>(attempt)
  }
)
