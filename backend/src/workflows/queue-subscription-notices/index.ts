import type { MedusaContainer } from "@medusajs/framework/types"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { SUBSCRIPTION_EVENT_OPTIONS as options, SubscriptionEvents } from "../../notifications/events"
import { findDueNoticesStep, type FindDueNoticesInput } from "./steps/find-due-notices"

/** Days before a period end when reminders go out (SUBSCRIPTION_REMINDER_DAYS, default 3; 0: none). */
export function reminderLeadDays(value = process.env.SUBSCRIPTION_REMINDER_DAYS): number {
  if (value === undefined || value.trim() === "") return 3
  const days = Number(value)
  if (!Number.isFinite(days) || days < 0) {
    throw new RangeError(`SUBSCRIPTION_REMINDER_DAYS must be a number of days >= 0, got "${value}"`)
  }
  return days
}

/**
 * Announces the subscription notices due at `now` that were not sent yet:
 * `subscription.renewal_upcoming`, `subscription.trial_ending` and
 * `subscription.expired` (the subscriber sends them). Runs after every
 * renewal pass with the pass's clock (the job, and the admin's run with
 * `as_of`), and after the expiry job. Running it twice announces nothing
 * more once the notifications exist; an event announced twice meanwhile is
 * still sent once (idempotency keys).
 */
export const queueSubscriptionNoticesWorkflow = createWorkflow(
  "queue-subscription-notices",
  (input: FindDueNoticesInput) => {
    const due = findDueNoticesStep(input)
    emitEventStep({ eventName: SubscriptionEvents.RENEWAL_UPCOMING, data: due.renewal_upcoming, options }).config({
      name: "emit-renewal-upcoming",
    })
    emitEventStep({ eventName: SubscriptionEvents.TRIAL_ENDING, data: due.trial_ending, options }).config({
      name: "emit-trial-ending",
    })
    emitEventStep({ eventName: SubscriptionEvents.EXPIRED, data: due.expired, options }).config({ name: "emit-expired" })
    return new WorkflowResponse(
      transform({ due }, ({ due }) => ({
        renewal_upcoming: due.renewal_upcoming.length,
        trial_ending: due.trial_ending.length,
        expired: due.expired.length,
      }))
    )
  }
)

/** Runs the workflow as of `now` with the configured lead time; the counts of notices announced. */
export async function queueSubscriptionNotices(container: MedusaContainer, now: Date = new Date()) {
  const { result } = await queueSubscriptionNoticesWorkflow(container).run({
    input: { now: now.toISOString(), lead_days: reminderLeadDays() },
  })
  return result
}
