import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MathBN, MedusaError } from "@medusajs/framework/utils"
import type { GrantOrExtendInput, GrantPrevious } from "../types"
import {
  endLapsed,
  lockLive,
  rawAmount,
  snapshot,
  SUBSCRIPTION_CHANGED,
  writeSnapshot,
} from "./lifecycle"
import { periodEnd } from "./period"
import { runStatement } from "./sql"
import { lockCustomer } from "./sql"

/**
 * One grant under the customer's lock (see README.md, "Plan changes"):
 * - "new": a subscription starts now (`trialing` for the Trial);
 * - "extension": the live one gets one more period appended to its end;
 * - "upgrade": the live one switches to the plan now, a new period from now.
 * A live subscription whose end has passed is ended on the way.
 */
export async function applyGrant(
  manager: SqlEntityManager,
  input: GrantOrExtendInput,
  now: Date
): Promise<{ subscription_id: string; previous: GrantPrevious; period: { start: Date; end: Date } }> {
  const terms = {
    interval: input.interval,
    interval_count: input.interval_count,
    free_days: input.free_days,
  }
  const purchaseId = input.purchase_id ?? null
  const amount = input.amount ?? null

  await lockCustomer(manager, input.customer_id)
  const rows = await lockLive(manager, input.customer_id)
  const lapsed = rows.filter((row) => row.ends_at.getTime() <= now.getTime())
  const live = rows.find((row) => row.ends_at.getTime() > now.getTime()) ?? null
  // Without a decision from the caller: the same plan extends, another upgrades.
  const change =
    input.change ?? (live ? (live.variant_id === input.variant_id ? "extension" : "upgrade") : "new")
  if (
    input.expected_subscription_id !== undefined &&
    (live?.id ?? null) !== input.expected_subscription_id
  ) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "The subscription changed while this purchase was being made",
      SUBSCRIPTION_CHANGED
    )
  }
  if (change === "new" && live) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Customer ${input.customer_id} already has a live subscription ${live.id}`,
      SUBSCRIPTION_CHANGED
    )
  }
  if (change !== "new" && !live) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Customer ${input.customer_id} has no live subscription to ${change}`,
      SUBSCRIPTION_CHANGED
    )
  }
  const ended = await endLapsed(manager, lapsed)
  const base = { customer_id: input.customer_id, purchase_id: purchaseId, ended }

  if (change === "new" || !live) {
    const id = generateEntityId(undefined, "sub")
    const end = periodEnd(now, terms)
    await runStatement(
      manager,
      `INSERT INTO subscription
         (id, customer_id, product_id, variant_id, status, is_trial, starts_at, ends_at,
          current_period_start, period_amount, raw_period_amount, currency_code, last_purchase_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        input.customer_id,
        input.product_id,
        input.variant_id,
        input.is_trial ? "trialing" : "active",
        !!input.is_trial,
        now,
        end,
        now,
        amount,
        rawAmount(amount),
        input.currency_code ?? null,
        purchaseId,
      ]
    )
    return {
      subscription_id: id,
      period: { start: now, end },
      previous: { ...base, action: "created", subscription_id: id, granted_ends_at: end.toISOString(), before: null },
    }
  }

  const before = snapshot(live)
  if (change === "extension") {
    const end = periodEnd(live.ends_at, terms)
    const worth = MathBN.add(live.period_amount ?? 0, amount ?? 0).toString()
    await writeSnapshot(manager, {
      ...before,
      ends_at: end.toISOString(),
      period_amount: worth,
      currency_code: live.currency_code ?? input.currency_code ?? null,
      cancel_at_period_end: false,
      canceled_at: null,
      pending_variant_id: null,
      last_purchase_id: purchaseId,
    })
    return {
      subscription_id: live.id,
      period: { start: live.ends_at, end },
      previous: { ...base, action: "extended", subscription_id: live.id, granted_ends_at: end.toISOString(), before },
    }
  }

  const end = new Date(periodEnd(now, terms).getTime() + (input.extra_ms ?? 0))
  await writeSnapshot(manager, {
    ...before,
    product_id: input.product_id,
    variant_id: input.variant_id,
    status: "active",
    is_trial: false,
    ends_at: end.toISOString(),
    current_period_start: now.toISOString(),
    period_amount: amount === null ? null : String(amount),
    currency_code: input.currency_code ?? live.currency_code,
    cancel_at_period_end: false,
    canceled_at: null,
    pending_variant_id: null,
    last_purchase_id: purchaseId,
  })
  return {
    subscription_id: live.id,
    period: { start: now, end },
    previous: { ...base, action: "upgraded", subscription_id: live.id, granted_ends_at: end.toISOString(), before },
  }
}

/** Undoes one `applyGrant` while the subscription still has the end it gave. */
export async function undoGrant(
  manager: SqlEntityManager,
  previous: GrantPrevious
): Promise<boolean> {
  await lockCustomer(manager, previous.customer_id)
  const grantedEndsAt = new Date(previous.granted_ends_at)
  let reverted: boolean
  if (previous.action === "created") {
    reverted =
      (await runStatement(manager, `DELETE FROM subscription WHERE id = ? AND ends_at = ?`, [
        previous.subscription_id,
        grantedEndsAt,
      ])) > 0
  } else {
    reverted = previous.before
      ? await writeSnapshot(manager, previous.before, { ends_at: grantedEndsAt })
      : false
  }
  if (!reverted) {
    return false
  }
  for (const row of previous.ended) {
    await runStatement(
      manager,
      `UPDATE subscription SET status = ?, updated_at = now() WHERE id = ? AND status IN ('canceled', 'expired')`,
      [row.status, row.id]
    )
  }
  return true
}
