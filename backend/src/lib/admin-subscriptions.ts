import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { LIVE_STATUSES, type SubscriptionStatus } from "../modules/subscription/models/subscription"
import type { RenewalDiscount } from "../modules/subscription"
import { monthlyRecurringAmount } from "./mrr"
import { nextChargeOf, renewalVariantId, type NextCharge } from "./next-charge"
import { listSubscriptionsWithTitles, subscriptionService } from "./purchases"
import { planForSale } from "./tariffs"

type Listed = Awaited<ReturnType<typeof listSubscriptionsWithTitles>>["subscriptions"][number]
type Renewing = Parameters<typeof renewalVariantId>[0] & { next_charge: NextCharge | null }

/** Rows read at a time for the MRR total. */
const MRR_BATCH = 1000

/**
 * MRR of one subscription: its next charge spread over a month at the terms
 * of the plan it renews on (lib/mrr.ts); 0 when it will not renew.
 */
export async function mrrOf(container: MedusaContainer, s: Renewing): Promise<number> {
  const variantId = renewalVariantId(s)
  if (!s.next_charge || !variantId) {
    return 0
  }
  // next_charge was priced from this plan: it is for sale (and cached)
  const plan = await planForSale(container, { variantId, salesChannelIds: null })
  return monthlyRecurringAmount(s.next_charge.amount, plan)
}

/** `%`, `_` and `\` taken literally in an ILIKE pattern. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/** Ids of the customers whose email contains `q` (any case). */
async function customerIdsMatching(container: MedusaContainer, q: string): Promise<string[]> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "customer",
    fields: ["id"],
    filters: { email: { $ilike: likePattern(q) } },
  })
  return data.map((c: { id: string }) => c.id)
}

async function emailsOf(container: MedusaContainer, ids: string[]): Promise<Map<string, string | null>> {
  if (!ids.length) {
    return new Map()
  }
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "customer",
    fields: ["id", "email"],
    filters: { id: [...new Set(ids)] },
    withDeleted: true,
  })
  // (typed loosely: the generated query types say email may be null)
  return new Map((data as { id: string; email?: string | null }[]).map((c) => [c.id, c.email ?? null]))
}

/** The list's rows with the customer's email and the MRR. */
export async function withEmailAndMrr<T extends Listed>(container: MedusaContainer, rows: T[]) {
  const emails = await emailsOf(container, rows.map((s) => s.customer_id))
  return await Promise.all(
    rows.map(async (s) => ({
      ...s,
      customer_email: emails.get(s.customer_id) ?? null,
      mrr: await mrrOf(container, s),
    }))
  )
}

/**
 * MRR of every subscription the filters match, by currency. Only live,
 * auto-renewing, uncancelled ones can have a next charge: those are read,
 * in batches, and summed with MathBN.
 */
async function mrrTotal(container: MedusaContainer, filters: Record<string, unknown>) {
  const statuses = ((filters.status as SubscriptionStatus[] | undefined) ?? [...LIVE_STATUSES]).filter((s) =>
    (LIVE_STATUSES as readonly string[]).includes(s)
  )
  const totals = new Map<string, ReturnType<typeof MathBN.convert>>()
  if (!statuses.length) {
    return []
  }
  const service = subscriptionService(container)
  for (let skip = 0; ; skip += MRR_BATCH) {
    const rows = await service.listSubscriptions(
      { ...filters, status: statuses, auto_renew: true, cancel_at_period_end: false },
      { take: MRR_BATCH, skip, order: { id: "ASC" } }
    )
    for (const s of rows) {
      const next_charge = await nextChargeOf(container, s)
      if (next_charge) {
        const mrr = await mrrOf(container, { ...s, next_charge })
        totals.set(next_charge.currency_code, MathBN.add(totals.get(next_charge.currency_code) ?? 0, mrr))
      }
    }
    if (rows.length < MRR_BATCH) {
      break
    }
  }
  return [...totals].map(([currency_code, amount]) => ({ currency_code, amount: MathBN.convert(amount, 2).toNumber() }))
}

export type AdminSubscriptionQuery = {
  customer_id?: string
  status?: SubscriptionStatus[]
  q?: string
  limit: number
  offset: number
}

/**
 * `GET /admin/subscriptions`: a page of every customer's subscriptions, the
 * latest ending first, each with the customer's email and its MRR, and the
 * MRR total of all that match. `q` finds customers by part of their email
 * (the Customer Module), then their subscriptions.
 */
export async function listAdminSubscriptions(container: MedusaContainer, query: AdminSubscriptionQuery) {
  const filters: Record<string, unknown> = query.status ? { status: query.status } : {}
  let customerIds = query.customer_id ? [query.customer_id] : null
  if (query.q) {
    const matching = await customerIdsMatching(container, query.q)
    customerIds = customerIds ? customerIds.filter((id) => matching.includes(id)) : matching
  }
  if (customerIds) {
    if (!customerIds.length) {
      return { subscriptions: [], count: 0, mrr_total: [] }
    }
    filters.customer_id = customerIds
  }
  const [{ subscriptions, count }, mrr_total] = await Promise.all([
    listSubscriptionsWithTitles(container, filters, { take: query.limit, skip: query.offset }),
    mrrTotal(container, filters),
  ])
  return { subscriptions: await withEmailAndMrr(container, subscriptions), count, mrr_total }
}

/** One subscription as the admin's detail page shows it; 404 SUBSCRIPTION_NOT_FOUND. */
export async function adminSubscription(container: MedusaContainer, id: string) {
  const { subscriptions } = await listSubscriptionsWithTitles(container, { id }, { take: 1, skip: 0 })
  if (!subscriptions.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Subscription with id: ${id} was not found`, "SUBSCRIPTION_NOT_FOUND")
  }
  const [listed] = await withEmailAndMrr(container, subscriptions)
  const record = await subscriptionService(container).retrieveSubscription(id)
  const discount = record.renewal_discount as RenewalDiscount | null
  return {
    ...listed,
    renewal_discount: discount
      ? { code: discount.code, type: discount.type, value: discount.value, currency_code: discount.currency_code }
      : null,
    renewal_discounts_left: discount ? (record.renewal_discounts_left ?? null) : null,
    next_attempt_at: record.next_attempt_at ?? null,
  }
}
