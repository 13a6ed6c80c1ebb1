import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"
import { LIVE_STATUSES } from "../models/subscription"
import type { SubscriptionSnapshot } from "../types"
import { runStatement, selectRows } from "./sql"

/**
 * Row-level helpers of the subscription lifecycle, always called inside the
 * service's transaction after `lockCustomer`.
 */

export const SUBSCRIPTION_NOT_FOUND = "SUBSCRIPTION_NOT_FOUND"
export const SUBSCRIPTION_NOT_ACTIVE = "SUBSCRIPTION_NOT_ACTIVE"
export const SUBSCRIPTION_NOT_CANCELED = "SUBSCRIPTION_NOT_CANCELED"
export const SUBSCRIPTION_CHANGED = "SUBSCRIPTION_CHANGED"

const LIVE_SQL = LIVE_STATUSES.map((s) => `'${s}'`).join(", ")

export type SubscriptionRow = {
  id: string
  customer_id: string
  product_id: string
  variant_id: string
  status: string
  is_trial: boolean
  ends_at: Date
  current_period_start: Date
  period_amount: string | null
  currency_code: string | null
  cancel_at_period_end: boolean
  canceled_at: Date | null
  pending_variant_id: string | null
  last_purchase_id: string | null
}

const COLUMNS = `id, customer_id, product_id, variant_id, status, is_trial, ends_at,
  current_period_start, period_amount::text AS period_amount, currency_code,
  cancel_at_period_end, canceled_at, pending_variant_id, last_purchase_id`

/** Whether the customer took the Trial (`trial`) and completed any purchase (`paid`); 3 parameters: the customer. */
export const HISTORY_SQL = `
  EXISTS (SELECT 1 FROM subscription WHERE customer_id = ? AND is_trial AND deleted_at IS NULL)
  OR EXISTS (SELECT 1 FROM purchase WHERE customer_id = ? AND status = 'completed'
              AND original_amount = 0 AND deleted_at IS NULL) AS trial,
  EXISTS (SELECT 1 FROM purchase WHERE customer_id = ? AND status = 'completed'
           AND deleted_at IS NULL) AS paid`

/**
 * The customer's live subscription at `now` (latest end first; null
 * columns when none) and the purchase history, in one round trip: what a
 * preview and a purchase read before deciding. Not locked.
 */
export async function readSaleContext(
  manager: SqlEntityManager,
  customerId: string,
  now: Date
): Promise<{ live: SubscriptionRow | null; trial: boolean; paid: boolean }> {
  const [row] = await selectRows<Partial<SubscriptionRow> & { trial: boolean; paid: boolean }>(
    manager,
    `SELECT live.*, history.* FROM (SELECT ${HISTORY_SQL}) history
       LEFT JOIN LATERAL (
         SELECT ${COLUMNS} FROM subscription
          WHERE customer_id = ? AND status IN (${LIVE_SQL}) AND ends_at > ? AND deleted_at IS NULL
          ORDER BY ends_at DESC LIMIT 1
       ) live ON true`,
    [customerId, customerId, customerId, customerId, now]
  )
  const { trial = false, paid = false, ...live } = row ?? {}
  return { live: live.id ? (live as SubscriptionRow) : null, trial: trial === true, paid: paid === true }
}

/** The customer's live subscriptions (normally one), locked, latest end first. */
export function lockLive(manager: SqlEntityManager, customerId: string) {
  return selectRows<SubscriptionRow>(
    manager,
    `SELECT ${COLUMNS} FROM subscription
      WHERE customer_id = ? AND status IN (${LIVE_SQL}) AND deleted_at IS NULL
      ORDER BY ends_at DESC
        FOR UPDATE`,
    [customerId]
  )
}

/** One subscription, locked; NOT_FOUND when missing or not the customer's (when given). */
export async function lockOne(
  manager: SqlEntityManager,
  id: string,
  customerId?: string | null
): Promise<SubscriptionRow> {
  const [row] = await selectRows<SubscriptionRow>(
    manager,
    `SELECT ${COLUMNS} FROM subscription WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
    [id]
  )
  if (!row || (customerId && row.customer_id !== customerId)) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Subscription with id: ${id} was not found`,
      SUBSCRIPTION_NOT_FOUND
    )
  }
  return row
}

export function isLive(row: SubscriptionRow, now: Date): boolean {
  return (
    (LIVE_STATUSES as readonly string[]).includes(row.status) &&
    row.ends_at.getTime() > now.getTime()
  )
}

export function assertLive(row: SubscriptionRow, now: Date): void {
  if (!isLive(row, now)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Subscription ${row.id} has ended`,
      SUBSCRIPTION_NOT_ACTIVE
    )
  }
}

/** The status a live subscription ends with at its period end. */
export function endStatus(row: { cancel_at_period_end: boolean }): "canceled" | "expired" {
  return row.cancel_at_period_end ? "canceled" : "expired"
}

/**
 * Ends live subscriptions whose end has passed (`canceled` if cancelled,
 * else `expired`); returns their former statuses for an undo.
 */
export async function endLapsed(
  manager: SqlEntityManager,
  rows: SubscriptionRow[]
): Promise<{ id: string; status: string }[]> {
  for (const row of rows) {
    await runStatement(
      manager,
      `UPDATE subscription SET status = ?, updated_at = now() WHERE id = ?`,
      [endStatus(row), row.id]
    )
  }
  return rows.map((row) => ({ id: row.id, status: row.status }))
}

export function snapshot(row: SubscriptionRow): SubscriptionSnapshot {
  return {
    id: row.id,
    product_id: row.product_id,
    variant_id: row.variant_id,
    status: row.status,
    is_trial: row.is_trial,
    ends_at: row.ends_at.toISOString(),
    current_period_start: row.current_period_start.toISOString(),
    period_amount: row.period_amount,
    currency_code: row.currency_code,
    cancel_at_period_end: row.cancel_at_period_end,
    canceled_at: row.canceled_at ? row.canceled_at.toISOString() : null,
    pending_variant_id: row.pending_variant_id,
    last_purchase_id: row.last_purchase_id,
  }
}

/** `raw_*` column value of a bigNumber field. */
export function rawAmount(amount: string | number | null): string | null {
  return amount === null ? null : JSON.stringify({ value: String(amount), precision: 20 })
}

/** Writes a snapshot back, every field of it. Returns whether the row was there. */
export async function writeSnapshot(
  manager: SqlEntityManager,
  s: SubscriptionSnapshot,
  where: { ends_at?: Date } = {}
): Promise<boolean> {
  const guard = where.ends_at ? " AND ends_at = ?" : ""
  const changed = await runStatement(
    manager,
    `UPDATE subscription
        SET product_id = ?, variant_id = ?, status = ?, is_trial = ?, ends_at = ?,
            current_period_start = ?, period_amount = ?, raw_period_amount = ?,
            currency_code = ?, cancel_at_period_end = ?, canceled_at = ?,
            pending_variant_id = ?, last_purchase_id = ?, updated_at = now()
      WHERE id = ?${guard}`,
    [
      s.product_id,
      s.variant_id,
      s.status,
      s.is_trial,
      new Date(s.ends_at),
      new Date(s.current_period_start),
      s.period_amount,
      rawAmount(s.period_amount),
      s.currency_code,
      s.cancel_at_period_end,
      s.canceled_at ? new Date(s.canceled_at) : null,
      s.pending_variant_id,
      s.last_purchase_id,
      s.id,
      ...(where.ends_at ? [where.ends_at] : []),
    ]
  )
  return changed > 0
}
