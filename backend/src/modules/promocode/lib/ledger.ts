import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError, generateEntityId } from "@medusajs/framework/utils"
import { bigNumberColumns, runStatement, selectRows } from "../../../lib/sql"
import { RULE_KEYS, type PromocodeDuration, type UsageStatus } from "./definition"
import type { DiscountBreakdown } from "./discount"
import { PromocodeAdminErrorCode } from "./errors"
import { type JournalEntry, insertJournal, journalInsert } from "./journal"
import type { PromocodeRuleFields, PromocodeType } from "./types"

/**
 * The usage ledger: the SQL of reserve, release, redeem and expiry. Every
 * function runs inside the caller's transaction and changes a limit counter
 * only under the promo code's row lock (`SELECT ... FOR UPDATE`), codes
 * before usages, so limits hold under any number of concurrent callers on any
 * number of servers.
 */

type Manager = SqlEntityManager

export const DEFAULT_RESERVATION_TTL_MS = 15 * 60 * 1000
const MAX_RESERVATION_TTL_MS = 7 * 24 * 60 * 60 * 1000

/** expired reservations handled per promo code row lock */
export const EXPIRY_CHUNK_SIZE = 500

/** The columns of a promocode row read under its lock: derived from RULE_KEYS. */
export const PROMOCODE_COLUMNS: readonly string[] = [
  "id",
  "code",
  ...RULE_KEYS,
  "reserved_count",
  "used_count",
]
const PROMOCODE_SELECT = PROMOCODE_COLUMNS.join(", ")

/** A promocode row read with raw SQL (decimals come as strings). */
export type PromocodeRow = PromocodeRuleFields & {
  id: string
  code: string
  type: PromocodeType
  value: string | null
  description: string | null
  duration: PromocodeDuration
  duration_periods: number | null
}

export type UsageRow = {
  id: string
  promocode_id: string
  customer_id: string
  purchase_id: string | null
  status: UsageStatus
  discount_amount: string | null
  currency_code: string | null
}

const USAGE_RETURNING =
  "RETURNING id, customer_id, purchase_id, discount_amount, currency_code"

export function requireString(value: unknown, field: string): string {
  if (typeof value !== "string" || !value.trim().length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${field} is required.`
    )
  }
  return value
}

/** Throws INVALID_DATA unless `ttl` is a whole number of ms, 1 to 7 days. */
export function checkReservationTtl(ttl: number): number {
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_RESERVATION_TTL_MS) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "The reservation time to live must be a whole number of " +
        `milliseconds from 1 to ${MAX_RESERVATION_TTL_MS}.`
    )
  }
  return ttl
}

export async function lockByCode(
  m: Manager,
  code: string
): Promise<PromocodeRow | undefined> {
  return await selectByCode(m, code, "FOR UPDATE")
}

/** A code's row (not deleted) without a lock: what a preview evaluates. */
export async function findByCode(
  m: Manager,
  code: string
): Promise<PromocodeRow | undefined> {
  return await selectByCode(m, code, "")
}

async function selectByCode(
  m: Manager,
  code: string,
  lock: "FOR UPDATE" | ""
): Promise<PromocodeRow | undefined> {
  const [row] = await selectRows<PromocodeRow>(
    m,
    `SELECT ${PROMOCODE_SELECT} FROM promocode
     WHERE code = ? AND deleted_at IS NULL ${lock}`,
    [code]
  )
  return row
}

/**
 * Locks a code by id. Soft-deleted codes are included by default: uses held
 * on a code must still be released or redeemed after it is deleted.
 */
export async function lockById(
  m: Manager,
  id: string,
  { includeDeleted = true }: { includeDeleted?: boolean } = {}
): Promise<PromocodeRow | undefined> {
  const [row] = await selectRows<PromocodeRow>(
    m,
    `SELECT ${PROMOCODE_SELECT} FROM promocode
     WHERE id = ? ${includeDeleted ? "" : "AND deleted_at IS NULL"}
     FOR UPDATE`,
    [id]
  )
  return row
}

/** Locks the promo code row a usage belongs to (codes before usages). */
export async function lockForUsage(
  m: Manager,
  usageId: string
): Promise<PromocodeRow> {
  const [usage] = await selectRows<{ promocode_id: string }>(
    m,
    `SELECT promocode_id FROM promocode_usage WHERE id = ?`,
    [requireString(usageId, "usage id")]
  )
  const promocode = usage ? await lockById(m, usage.promocode_id) : undefined
  if (!promocode) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Promo code usage with id: ${usageId} was not found`,
      PromocodeAdminErrorCode.USAGE_NOT_FOUND
    )
  }
  return promocode
}

/**
 * The customer's reserved + redeemed uses of a code; skipped (0) when the
 * code has no per-customer limit, since nothing reads it then.
 */
export async function countCustomerUses(
  m: Manager,
  promocode: { id: string; per_customer_limit?: number | null },
  customerId: string
): Promise<number> {
  if (
    promocode.per_customer_limit === null ||
    promocode.per_customer_limit === undefined
  ) {
    return 0
  }
  const [row] = await selectRows<{ uses: number }>(
    m,
    `SELECT count(*)::int AS uses FROM promocode_usage
     WHERE promocode_id = ? AND customer_id = ?
       AND status IN ('reserved', 'redeemed') AND deleted_at IS NULL`,
    [promocode.id, customerId]
  )
  return row?.uses ?? 0
}

/**
 * Inserts a usage, bumps the matching counter (reserved_count for a
 * reservation, used_count for a direct redemption) and journals it, in one
 * statement: the row lock is held for as few round trips as possible.
 */
export async function insertUse(
  m: Manager,
  usage: {
    promocode: { id: string; code: string }
    customer_id: string
    purchase_id: string | null
    status: "reserved" | "redeemed"
    expires_at: Date
    discount: DiscountBreakdown | null
  },
  actions: ("reserved" | "redeemed" | "assigned")[]
): Promise<string> {
  const id = generateEntityId(undefined, "pcuse")
  const original = bigNumberColumns(usage.discount?.original_amount)
  const discount = bigNumberColumns(usage.discount?.discount_amount)
  const journal = journalInsert(
    actions.map((action) => ({
      promocode_id: usage.promocode.id,
      code: usage.promocode.code,
      customer_id: usage.customer_id,
      purchase_id: usage.purchase_id,
      usage_id: id,
      action,
      discount_amount: usage.discount?.discount_amount ?? null,
      currency_code: usage.discount?.currency_code ?? null,
    }))
  )
  const counter =
    usage.status === "reserved"
      ? "reserved_count = reserved_count + 1"
      : "used_count = used_count + 1"
  await runStatement(
    m,
    `WITH new_usage AS (
       INSERT INTO promocode_usage
         (id, promocode_id, customer_id, purchase_id, status, expires_at,
          original_amount, raw_original_amount, discount_amount,
          raw_discount_amount, currency_code, redeemed_at)
       VALUES (?, ?, ?, ?, ?, ?::timestamptz, ?::numeric, ?::jsonb,
               ?::numeric, ?::jsonb, ?,
               CASE WHEN ? = 'redeemed' THEN now() END)
     ), counter AS (
       UPDATE promocode SET ${counter}, updated_at = now() WHERE id = ?
     )
     ${journal.sql}`,
    [
      id,
      usage.promocode.id,
      usage.customer_id,
      usage.purchase_id,
      usage.status,
      usage.expires_at.toISOString(),
      original.numeric,
      original.raw ? JSON.stringify(original.raw) : null,
      discount.numeric,
      discount.raw ? JSON.stringify(discount.raw) : null,
      usage.discount?.currency_code ?? null,
      usage.status,
      usage.promocode.id,
      ...journal.params,
    ]
  )
  return id
}

function usageJournal(
  promocode: { id: string; code: string },
  usage: UsageRow,
  action: "released" | "redeemed",
  reason: string | null
): JournalEntry {
  return {
    promocode_id: promocode.id,
    code: promocode.code,
    customer_id: usage.customer_id,
    purchase_id: usage.purchase_id,
    usage_id: usage.id,
    action,
    reason,
    discount_amount: usage.discount_amount,
    currency_code: usage.currency_code,
  }
}

/**
 * `reserved` -> `released` under the code's lock, reserved_count - 1, journal
 * `released`. False when the usage was no longer reserved (nothing changed).
 */
export async function releaseUsage(
  m: Manager,
  usageId: string,
  reason: string,
  purchaseId: string | null
): Promise<boolean> {
  const promocode = await lockForUsage(m, usageId)
  const released = await selectRows<UsageRow>(
    m,
    `UPDATE promocode_usage
     SET status = 'released', released_at = now(), release_reason = ?,
         purchase_id = COALESCE(?, purchase_id), updated_at = now()
     WHERE id = ? AND status = 'reserved'
     ${USAGE_RETURNING}`,
    [requireString(reason, "reason").slice(0, 255), purchaseId, usageId]
  )
  if (!released.length) {
    return false
  }
  await runStatement(
    m,
    `UPDATE promocode SET reserved_count = reserved_count - 1,
       updated_at = now()
     WHERE id = ?`,
    [promocode.id]
  )
  await insertJournal(m, [
    usageJournal(promocode, released[0], "released", reason),
  ])
  return true
}

/**
 * `reserved` -> `redeemed` under the code's lock, reserved_count - 1 and
 * used_count + 1, journal `redeemed`. Nothing to do for a redeemed usage;
 * NOT_ALLOWED (PROMOCODE_USAGE_NOT_RESERVED) for a released one.
 */
export async function redeemUsage(
  m: Manager,
  usageId: string,
  purchaseId: string | null
): Promise<void> {
  const promocode = await lockForUsage(m, usageId)
  const redeemed = await selectRows<UsageRow>(
    m,
    `UPDATE promocode_usage
     SET status = 'redeemed', redeemed_at = now(),
         purchase_id = COALESCE(?, purchase_id), updated_at = now()
     WHERE id = ? AND status = 'reserved'
     ${USAGE_RETURNING}`,
    [purchaseId, usageId]
  )
  if (!redeemed.length) {
    const [current] = await selectRows<{ status: string }>(
      m,
      `SELECT status FROM promocode_usage WHERE id = ?`,
      [usageId]
    )
    if (current?.status === "redeemed") {
      return
    }
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Promo code usage ${usageId} was released and can no longer be ` +
        "redeemed.",
      PromocodeAdminErrorCode.USAGE_NOT_RESERVED
    )
  }
  await runStatement(
    m,
    `UPDATE promocode
     SET reserved_count = reserved_count - 1, used_count = used_count + 1,
         updated_at = now()
     WHERE id = ?`,
    [promocode.id]
  )
  await insertJournal(m, [
    usageJournal(promocode, redeemed[0], "redeemed", null),
  ])
}

/** Codes with reservations expired at `now`, other than those in `seen`. */
export async function codesWithExpiredReservations(
  m: Manager,
  now: Date,
  seen: Set<string>
): Promise<string[]> {
  const rows = await selectRows<{ promocode_id: string }>(
    m,
    `SELECT DISTINCT promocode_id FROM promocode_usage
     WHERE status = 'reserved' AND expires_at <= ?::timestamptz
       AND deleted_at IS NULL
       AND promocode_id NOT IN (SELECT jsonb_array_elements_text(?::jsonb))
     LIMIT 100`,
    [now.toISOString(), JSON.stringify([...seen])]
  )
  return rows.map((row) => row.promocode_id)
}

/**
 * Releases up to EXPIRY_CHUNK_SIZE of one code's reservations expired at
 * `now`, under its row lock, with reason `expired_reservation`.
 */
export async function releaseExpiredOf(
  m: Manager,
  promocodeId: string,
  now: Date
): Promise<number> {
  const promocode = await lockById(m, promocodeId)
  if (!promocode) {
    return 0
  }
  const released = await selectRows<UsageRow>(
    m,
    `UPDATE promocode_usage
     SET status = 'released', released_at = now(),
         release_reason = 'expired_reservation', updated_at = now()
     WHERE id IN (
       SELECT id FROM promocode_usage
       WHERE promocode_id = ? AND status = 'reserved'
         AND expires_at <= ?::timestamptz AND deleted_at IS NULL
       ORDER BY expires_at
       LIMIT ${EXPIRY_CHUNK_SIZE}
     )
     ${USAGE_RETURNING}`,
    [promocodeId, now.toISOString()]
  )
  if (!released.length) {
    return 0
  }
  await runStatement(
    m,
    `UPDATE promocode SET reserved_count = reserved_count - ?,
       updated_at = now()
     WHERE id = ?`,
    [released.length, promocodeId]
  )
  await insertJournal(
    m,
    released.map((row) =>
      usageJournal(promocode, row, "released", "expired_reservation")
    )
  )
  return released.length
}
