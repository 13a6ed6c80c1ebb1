import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { subscriptionService } from "../../../lib/purchases"
import { saveCard } from "../../../lib/saved-cards"
import type { RenewalState, SubscriptionDTO } from "../../../modules/subscription"

export type SaveNewCardInput = { subscription_id: string; customer_id: string; token: string }

/**
 * The shopper's new card: checked to be their live subscription (404
 * SUBSCRIPTION_NOT_FOUND, 400 SUBSCRIPTION_NOT_ACTIVE), saved through the
 * Payment Module, set as the card renewals charge, auto-renew on.
 * Compensation puts the old card back.
 */
export const saveNewCardStep = createStep(
  "save-new-card",
  async (input: SaveNewCardInput, { container }) => {
    const service = subscriptionService(container)
    // ownership and liveness first, so nothing is saved for someone else's subscription
    await service.saveRenewalCard(input.subscription_id, { customer_id: input.customer_id })
    const card = await saveCard(container, { customer_id: input.customer_id, token: input.token })
    const { subscription, before } = await service.saveRenewalCard(input.subscription_id, {
      customer_id: input.customer_id,
      auto_renew: true,
      payment_method: card.payment_method,
      account_holder_id: card.account_holder_id,
    })
    return new StepResponse<SubscriptionDTO, RenewalState>(subscription, before)
  },
  async (before, { container }) => {
    if (!before) return
    await subscriptionService(container).restoreRenewalCard(before)
  }
)
