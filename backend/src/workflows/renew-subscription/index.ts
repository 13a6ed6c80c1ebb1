import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { SUBSCRIPTION_EVENT_OPTIONS, SubscriptionEvents } from "../../notifications/events"
import { PURCHASE_COMPLETED_EVENT } from "../purchase-tariff"
import { beginRenewalStep } from "./steps/begin-renewal"
import { chargeSavedCardStep } from "./steps/charge-saved-card"
import { createRenewalPurchaseStep } from "./steps/create-renewal-purchase"
import { finishRenewalPurchaseStep } from "./steps/finish-renewal-purchase"
import { loadRenewalPlanStep } from "./steps/load-renewal-plan"
import { settleRenewalStep } from "./steps/settle-renewal"

export type RenewSubscriptionInput = {
  subscription_id: string
  customer_id: string
  /** the moment the renewal runs as (ISO); the renewal pass's clock */
  now: string
  /** days after the period end when a decline is retried */
  retry_days: number[]
  /** a new card: retry a past_due subscription at once */
  force?: boolean
}

/** `skipped`: not due (already renewed, cancelled...); `failed`: declined, retries left. */
export type RenewalOutcome = "renewed" | "failed" | "expired" | "skipped"

/**
 * One renewal attempt of one subscription (DESIGN.md, "Subscription
 * lifecycle"): under the customer's lock (the one purchases take), re-check
 * that it is due, record a pending `renewal` purchase (unique per
 * subscription and period start), charge the saved card off-session, then
 * move the period (or go past_due / expired on a decline), finish the
 * purchase and announce it (`purchase.completed` records its order and
 * sends the receipt; a decline `subscription.payment_failed` or
 * `subscription.expired`, src/notifications/events.ts). A
 * failure after the charge refunds it, restores the subscription and marks
 * the purchase failed: a period is never charged twice nor lost.
 */
export const renewSubscriptionWorkflow = createWorkflow(
  "renew-subscription",
  (input: RenewSubscriptionInput) => {
    const lockKey = transform({ input }, ({ input }) => `purchase:customer:${input.customer_id}`)
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })

    const attempt = beginRenewalStep({
      subscription_id: input.subscription_id,
      now: input.now,
      force: input.force,
    })

    const settled = when("renewal-due", { attempt }, ({ attempt }) => !!attempt).then(() => {
      const plan = loadRenewalPlanStep(attempt!)
      const purchase = createRenewalPurchaseStep({ attempt: attempt!, plan })
      const chargeInput = transform({ attempt, plan, purchase }, ({ attempt, plan, purchase }) => ({
        attempt: attempt!,
        purchase_id: purchase.id,
        amount: plan.price.amount,
        currency_code: plan.price.currency_code,
      }))
      const charge = chargeSavedCardStep(chargeInput)
      const subscription = settleRenewalStep({
        attempt: attempt!,
        plan,
        purchase_id: purchase.id,
        charge,
        retry_days: input.retry_days,
        now: input.now,
      })
      const finished = finishRenewalPurchaseStep({
        purchase_id: purchase.id,
        subscription_id: input.subscription_id,
        plan,
        charge,
      })
      return { subscription, purchase: finished }
    })

    // the paid renewal's order is recorded by the purchase.completed subscriber
    when("renewal-paid", { settled }, ({ settled }) => settled?.purchase.status === "completed").then(() => {
      const paid = transform({ settled }, ({ settled }) => ({ id: settled!.purchase.id }))
      emitEventStep({
        eventName: PURCHASE_COMPLETED_EVENT,
        data: paid,
        options: { attempts: 5, backoff: { type: "exponential", delay: 5000 } },
      })
    })
    // a decline tells the shopper: the payment failed and is retried, or (no retry left) it expired
    when("renewal-declined", { settled }, ({ settled }) => settled?.purchase.status === "failed").then(() => {
      const declined = transform({ settled }, ({ settled }) => ({
        eventName:
          settled!.subscription.status === "expired" ? SubscriptionEvents.EXPIRED : SubscriptionEvents.PAYMENT_FAILED,
        data: { subscription_id: settled!.subscription.id, purchase_id: settled!.purchase.id },
      }))
      emitEventStep({ eventName: declined.eventName, data: declined.data, options: SUBSCRIPTION_EVENT_OPTIONS }).config({
        name: "emit-renewal-declined",
      })
    })
    releaseLockStep({ key: lockKey })

    const result = transform({ settled }, ({ settled }) => {
      const status = settled?.subscription.status
      const outcome: RenewalOutcome = !settled
        ? "skipped"
        : settled.purchase.status === "completed"
          ? "renewed"
          : status === "expired"
            ? "expired"
            : "failed"
      return {
        outcome,
        subscription: settled?.subscription ?? null,
        purchase: settled?.purchase ?? null,
      }
    })
    return new WorkflowResponse(result)
  }
)
