import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { subscriptionService } from "../../../lib/purchases"
import type { SubscriptionDTO } from "../../../modules/subscription"
import { notificationKey, type SubscriptionEventData } from "../../../notifications/events"
import { sentNotifications } from "../../../notifications/sent"
import type { NotificationTemplate } from "../../../notifications/templates"

const DAY_MS = 24 * 60 * 60 * 1000
const BATCH = 200
/** how far back an expiry is still told (an expiry the renewal pass or the expiry job made) */
export const EXPIRED_NOTICE_LOOKBACK_DAYS = 2

export type FindDueNoticesInput = {
  /** the moment the pass runs as (ISO): the renewal pass's clock */
  now: string
  /** reminders go out this many days before the period end (0: none) */
  lead_days: number
}

export type DueNotices = {
  renewal_upcoming: SubscriptionEventData[]
  trial_ending: SubscriptionEventData[]
  expired: SubscriptionEventData[]
}

type Row = Pick<SubscriptionDTO, "id" | "ends_at" | "payment_method">
type Filters = Record<string, unknown>

/** The subscriptions matching `filters`, in pages of BATCH by (ends_at, id): never an offset. */
async function* pages(container: MedusaContainer, filters: Filters): AsyncGenerator<Row[]> {
  const service = subscriptionService(container)
  let last: Row | null = null
  for (;;) {
    const where: Filters = last
      ? {
          $and: [
            filters,
            { $or: [{ ends_at: { $gt: last.ends_at } }, { ends_at: last.ends_at, id: { $gt: last.id } }] },
          ],
        }
      : filters
    const page: Row[] = await service.listSubscriptions(where, {
      select: ["id", "ends_at", "payment_method"],
      order: { ends_at: "ASC", id: "ASC" },
      take: BATCH,
    })
    if (page.length) yield page
    if (page.length < BATCH) return
    last = page[page.length - 1]
  }
}

/** The subscriptions of `filters` whose `template` notification for their period end was not sent yet. */
async function unsent(container: MedusaContainer, template: NotificationTemplate, filters: Filters, keep: (row: Row) => boolean = () => true) {
  const due: SubscriptionEventData[] = []
  for await (const page of pages(container, filters)) {
    const rows = page.filter(keep)
    const keys = rows.map((row) => notificationKey(template, row.id, new Date(row.ends_at)))
    const done = new Set((await sentNotifications(container, keys)).map((n) => n.idempotency_key))
    rows.forEach((row, i) => {
      if (!done.has(keys[i])) due.push({ subscription_id: row.id, ends_at: new Date(row.ends_at).toISOString() })
    })
  }
  return due
}

/**
 * What the shopper should be told at `now` and was not yet (the notification
 * of that key does not exist): a renewal within the lead time (an
 * auto-renewing paid period with a card), a Trial ending within it, an
 * expiry in the last EXPIRED_NOTICE_LOOKBACK_DAYS. Reads only: three indexed
 * ranges on (status, ends_at) and one notification lookup per page.
 */
export async function findDueNotices(container: MedusaContainer, input: FindDueNoticesInput): Promise<DueNotices> {
  const now = new Date(input.now)
  const horizon = new Date(now.getTime() + input.lead_days * DAY_MS)
  const ahead = { $gt: now, $lte: horizon }
  const reminders = input.lead_days > 0
  const [renewal_upcoming, trial_ending, expired] = await Promise.all([
    reminders
      ? unsent(
          container,
          "renewal_reminder",
          { status: "active", auto_renew: true, cancel_at_period_end: false, ends_at: ahead },
          (row) => !!row.payment_method
        )
      : [],
    reminders ? unsent(container, "trial_ending", { status: "trialing", ends_at: ahead }) : [],
    unsent(container, "subscription_expired", {
      status: "expired",
      ends_at: { $gt: new Date(now.getTime() - EXPIRED_NOTICE_LOOKBACK_DAYS * DAY_MS), $lte: now },
    }),
  ])
  return { renewal_upcoming, trial_ending, expired }
}

export const findDueNoticesStep = createStep(
  "find-due-subscription-notices",
  async (input: FindDueNoticesInput, { container }) => new StepResponse(await findDueNotices(container, input))
)
