import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { addDays } from "./period"
import { runStatement, selectRows } from "./sql"

/**
 * Renewals and dunning (see src/workflows/renew-subscription). The pure rules
 * (retry schedule, what a decline does) are exported for unit tests; the
 * statements run inside the service's transaction after `lockCustomer`.
 */

/** Days after the period end when a declined renewal is retried (SUBSCRIPTION_RETRY_DAYS, default "1,3,5"). */
export const DEFAULT_RETRY_DAYS = [1, 3, 5]

/**
 * Parses "1,3,5" into [1, 3, 5]. Every entry a positive integer, strictly
 * increasing; anything else throws (a misconfiguration stops the job loudly).
 * Empty or unset: the default.
 */
export function parseRetryDays(value: string | undefined | null): number[] {
  if (value === undefined || value === null || value.trim() === "") {
    return [...DEFAULT_RETRY_DAYS]
  }
  const days = value.split(",").map((part) => Number(part.trim()))
  days.forEach((day, i) => {
    if (!Number.isInteger(day) || day < 1 || (i > 0 && day <= days[i - 1])) {
      throw new RangeError(
        `SUBSCRIPTION_RETRY_DAYS must be increasing positive whole days like "1,3,5", got "${value}"`
      )
    }
  })
  return days
}

export const DEFAULT_RENEWAL_CONCURRENCY = 4
const MAX_RENEWAL_CONCURRENCY = 32

/**
 * How many renewals one pass runs at once (SUBSCRIPTION_RENEWAL_CONCURRENCY,
 * default 4): a whole number from 1 to 32; anything else throws, as
 * `parseRetryDays`. Each running renewal holds its customer's lock and a
 * database connection.
 */
export function parseRenewalConcurrency(value: string | undefined | null): number {
  if (value === undefined || value === null || value.trim() === "") {
    return DEFAULT_RENEWAL_CONCURRENCY
  }
  const n = Number(value.trim())
  if (!Number.isInteger(n) || n < 1 || n > MAX_RENEWAL_CONCURRENCY) {
    throw new RangeError(
      `SUBSCRIPTION_RENEWAL_CONCURRENCY must be a whole number from 1 to ${MAX_RENEWAL_CONCURRENCY}, got "${value}"`
    )
  }
  return n
}

export type AfterDecline =
  | { status: "past_due"; next_attempt_at: Date; ends_at: Date; renewal_attempts: number }
  | { status: "expired"; next_attempt_at: null; ends_at: Date; renewal_attempts: number }

/**
 * What the `declined`-th declined attempt (1-based) for the period starting
 * at `periodStart` does: `past_due` with the next retry at
 * periodStart + retryDays[declined - 1] and access kept to the last retry;
 * once every retry has declined, `expired` (access ends at `now`, never
 * before the period start).
 */
export function afterDecline(
  periodStart: Date,
  declined: number,
  retryDays: number[],
  now: Date
): AfterDecline {
  if (declined <= retryDays.length) {
    return {
      status: "past_due",
      next_attempt_at: addDays(periodStart, retryDays[declined - 1]),
      ends_at: addDays(periodStart, retryDays[retryDays.length - 1]),
      renewal_attempts: declined,
    }
  }
  const end = now.getTime() > periodStart.getTime() ? now : periodStart
  return { status: "expired", next_attempt_at: null, ends_at: end, renewal_attempts: declined }
}

/** The columns renewals read and write, besides the lifecycle's snapshot. */
export type RenewalRow = {
  id: string
  customer_id: string
  status: string
  is_trial: boolean
  variant_id: string
  pending_variant_id: string | null
  convert_to_variant_id: string | null
  currency_code: string | null
  ends_at: Date
  cancel_at_period_end: boolean
  auto_renew: boolean
  payment_method: { id: string; brand: string; last4: string } | null
  account_holder_id: string | null
  payment_method_charges: number
  renewal_period_start: Date | null
  renewal_attempts: number
  next_attempt_at: Date | null
  renewal_discount: RenewalDiscount | null
  renewal_discounts_left: number | null
}

/**
 * A promo code's discount that continues on renewals (its duration
 * `repeating` or `forever`), as the code was when bought.
 */
export type RenewalDiscount = {
  promocode_id: string
  code: string
  type: "percentage" | "fixed"
  value: number
  currency_code: string | null
}

/** The renewal state to restore on a compensation: plain JSON. */
export type RenewalState = {
  id: string
  auto_renew: boolean
  payment_method: { id: string; brand: string; last4: string } | null
  account_holder_id: string | null
  convert_to_variant_id: string | null
  payment_method_charges: number
  renewal_period_start: string | null
  renewal_attempts: number
  next_attempt_at: string | null
  renewal_discount: RenewalDiscount | null
  /** renewals the discount still applies to; null with a discount: every one */
  renewal_discounts_left: number | null
}

/** The discount the next renewal gets, if any is left. */
export function nextRenewalDiscount(s: {
  renewal_discount: RenewalDiscount | null
  renewal_discounts_left: number | null
}): RenewalDiscount | null {
  if (!s.renewal_discount) return null
  return s.renewal_discounts_left === null || s.renewal_discounts_left > 0 ? s.renewal_discount : null
}

/** After a paid renewal: one renewal of a repeating discount used up (cleared at 0). */
export function afterDiscountedRenewal(s: {
  renewal_discount: RenewalDiscount | null
  renewal_discounts_left: number | null
}): { renewal_discount: RenewalDiscount | null; renewal_discounts_left: number | null } {
  if (!s.renewal_discount || s.renewal_discounts_left === null) {
    return { renewal_discount: s.renewal_discount, renewal_discounts_left: s.renewal_discounts_left }
  }
  const left = s.renewal_discounts_left - 1
  return left > 0
    ? { renewal_discount: s.renewal_discount, renewal_discounts_left: left }
    : { renewal_discount: null, renewal_discounts_left: null }
}

const RENEWAL_COLUMNS = `id, customer_id, status, is_trial, variant_id, pending_variant_id,
  convert_to_variant_id, currency_code, ends_at, cancel_at_period_end, auto_renew, payment_method,
  account_holder_id, payment_method_charges, renewal_period_start, renewal_attempts, next_attempt_at,
  renewal_discount, renewal_discounts_left`

/** Renewable: auto-renewing, a saved card, not cancelled. */
const RENEWABLE = `auto_renew AND payment_method IS NOT NULL AND NOT cancel_at_period_end AND deleted_at IS NULL`

/** Due at `now`: a trialing or active period ended, or a past_due retry came. */
const DUE = `${RENEWABLE} AND (
  (status IN ('trialing', 'active') AND ends_at <= ?) OR (status = 'past_due' AND next_attempt_at <= ?))`

/**
 * Where a page of due subscriptions ended: the next page starts after it.
 * `ends_at` is PostgreSQL's text of the timestamp, exact to the microsecond
 * (a JS Date keeps milliseconds: a cursor rounded down could return the same
 * page again).
 */
export type DueCursor = { ends_at: string; id: string }

export type DueRow = DueCursor & { customer_id: string }

/**
 * One page of the subscriptions due at `now` in (ends_at, id) order, after
 * `after` (a keyset cursor: the next rows after the last one read, never the
 * rows already handled, even those still due after an error).
 */
export function listDue(manager: SqlEntityManager, now: Date, limit: number, after?: DueCursor | null) {
  const keyset = after ? ` AND (ends_at, id) > (?::timestamptz, ?)` : ""
  return selectRows<DueRow>(
    manager,
    // ordered by the column, not the text the select names the same
    `SELECT id, customer_id, ends_at::text AS ends_at FROM subscription
      WHERE ${DUE}${keyset} ORDER BY subscription.ends_at, subscription.id LIMIT ?`,
    after ? [now, now, after.ends_at, after.id, limit] : [now, now, limit]
  )
}

export async function lockRenewal(manager: SqlEntityManager, id: string): Promise<RenewalRow | null> {
  const [row] = await selectRows<RenewalRow>(
    manager,
    `SELECT ${RENEWAL_COLUMNS} FROM subscription WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
    [id]
  )
  return row ?? null
}

/** Whether the row is due at `now`; `force` (a new card) makes a past_due row due at once. */
export function isDue(row: RenewalRow, now: Date, force = false): boolean {
  const renewable = row.auto_renew && !!row.payment_method && !row.cancel_at_period_end
  if (!renewable) {
    return false
  }
  if (row.status === "past_due") {
    return force || (!!row.next_attempt_at && row.next_attempt_at.getTime() <= now.getTime())
  }
  return (row.status === "trialing" || row.status === "active") && row.ends_at.getTime() <= now.getTime()
}

/** The start of the period a renewal pays for: the old period end. */
export function renewalStart(row: RenewalRow): Date {
  return row.status === "past_due" && row.renewal_period_start ? row.renewal_period_start : row.ends_at
}

/**
 * Ends live subscriptions whose end has passed and that will not renew (no
 * auto-renew, no card, or cancelled): `canceled` if cancelled, else `expired`.
 */
export function endNotRenewing(manager: SqlEntityManager, now: Date) {
  return runStatement(
    manager,
    `UPDATE subscription
        SET status = CASE WHEN cancel_at_period_end THEN 'canceled' ELSE 'expired' END,
            next_attempt_at = NULL, updated_at = now()
      WHERE status IN ('trialing', 'active', 'past_due') AND ends_at <= ? AND deleted_at IS NULL
        AND NOT (${RENEWABLE})`,
    [now]
  )
}

export function renewalState(row: RenewalRow): RenewalState {
  return {
    id: row.id,
    auto_renew: row.auto_renew,
    payment_method: row.payment_method,
    account_holder_id: row.account_holder_id,
    convert_to_variant_id: row.convert_to_variant_id,
    payment_method_charges: row.payment_method_charges,
    renewal_period_start: row.renewal_period_start?.toISOString() ?? null,
    renewal_attempts: row.renewal_attempts,
    next_attempt_at: row.next_attempt_at?.toISOString() ?? null,
    renewal_discount: row.renewal_discount,
    renewal_discounts_left: row.renewal_discounts_left,
  }
}

export async function writeRenewalState(manager: SqlEntityManager, s: RenewalState): Promise<void> {
  await runStatement(
    manager,
    `UPDATE subscription
        SET auto_renew = ?, payment_method = ?, account_holder_id = ?, convert_to_variant_id = ?,
            payment_method_charges = ?, renewal_period_start = ?, renewal_attempts = ?,
            next_attempt_at = ?, renewal_discount = ?, renewal_discounts_left = ?, updated_at = now()
      WHERE id = ?`,
    [
      s.auto_renew,
      s.payment_method ? JSON.stringify(s.payment_method) : null,
      s.account_holder_id,
      s.convert_to_variant_id,
      s.payment_method_charges,
      s.renewal_period_start ? new Date(s.renewal_period_start) : null,
      s.renewal_attempts,
      s.next_attempt_at ? new Date(s.next_attempt_at) : null,
      s.renewal_discount ? JSON.stringify(s.renewal_discount) : null,
      s.renewal_discounts_left,
      s.id,
    ]
  )
}
