import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { subscriptionService } from "../../../lib/purchases"

export type EndUnrenewableInput = { subscription_id: string; now: string }

/**
 * A due subscription whose renewal plan is no longer for sale ends at its
 * period end (`expired`, or `canceled` if it was cancelled): the pass would
 * otherwise fail on it every minute. Its next charge already reads null
 * (lib/next-charge.ts), so the shopper was never promised one. True when it
 * ended here.
 */
export const endUnrenewableStep = createStep(
  "end-unrenewable-subscription",
  async (input: EndUnrenewableInput, { container }) => {
    const ended = await subscriptionService(container).endUnrenewable(input.subscription_id, input.now)
    return new StepResponse(ended)
  }
)
