import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import type { BigNumberInput } from "@medusajs/framework/types"
import { generateEntityId } from "@medusajs/framework/utils"
import { bigNumberColumns, runStatement } from "../../../lib/sql"
import type { JournalAction } from "./definition"

/**
 * The journal's one writer: every row of `promocode_journal` is appended by
 * these helpers, alone or as the last part of a statement of the ledger.
 */

export type JournalEntry = {
  promocode_id?: string | null
  code: string
  customer_id?: string | null
  purchase_id?: string | null
  usage_id?: string | null
  action: JournalAction
  reason?: string | null
  discount_amount?: BigNumberInput | null
  currency_code?: string | null
}

/**
 * The INSERT statement appending `entries` to the journal, to run alone or as
 * the last part of a statement with data-modifying CTEs. `created_at` is the
 * wall clock at the insert (not the start of the transaction), so rows are in
 * the order things happened.
 */
export function journalInsert(entries: JournalEntry[]): {
  sql: string
  params: unknown[]
} {
  const rows = entries.map((entry) => {
    const discount = bigNumberColumns(entry.discount_amount)
    return {
      id: generateEntityId(undefined, "pcjrn"),
      promocode_id: entry.promocode_id ?? null,
      code: entry.code,
      customer_id: entry.customer_id ?? null,
      purchase_id: entry.purchase_id ?? null,
      usage_id: entry.usage_id ?? null,
      action: entry.action,
      reason: entry.reason ?? null,
      discount_amount: discount.numeric,
      raw_discount_amount: discount.raw,
      currency_code: entry.currency_code ?? null,
    }
  })
  return {
    sql: `INSERT INTO promocode_journal
       (id, promocode_id, code, customer_id, purchase_id, usage_id, action,
        reason, discount_amount, raw_discount_amount, currency_code,
        created_at, updated_at)
     SELECT x.id, x.promocode_id, x.code, x.customer_id, x.purchase_id,
            x.usage_id, x.action, x.reason, x.discount_amount,
            x.raw_discount_amount, x.currency_code,
            clock_timestamp(), clock_timestamp()
     FROM jsonb_to_recordset(?::jsonb) AS x(
       id text, promocode_id text, code text, customer_id text,
       purchase_id text, usage_id text, action text, reason text,
       discount_amount numeric, raw_discount_amount jsonb, currency_code text)`,
    params: [JSON.stringify(rows)],
  }
}

/** Appends rows to the journal in one INSERT. */
export async function insertJournal(
  manager: SqlEntityManager,
  entries: JournalEntry[]
): Promise<void> {
  if (!entries.length) {
    return
  }
  const { sql, params } = journalInsert(entries)
  await runStatement(manager, sql, params)
}

/**
 * Counts a shopper's preview that found the code usable: one atomic increment
 * of the code's `validated_count` (views are a number, not journal rows).
 */
export async function countValidation(
  manager: SqlEntityManager,
  promocodeId: string
): Promise<void> {
  await addViews(manager, new Map([[promocodeId, 1]]))
}

/**
 * Adds counted views to their codes' `validated_count`, every code in one
 * statement (an increment each, so processes flushing at once add up).
 */
export async function addViews(
  manager: SqlEntityManager,
  views: ReadonlyMap<string, number>
): Promise<void> {
  if (!views.size) {
    return
  }
  const rows = [...views].map(([id, n]) => ({ id, n }))
  await runStatement(
    manager,
    `UPDATE promocode p SET validated_count = p.validated_count + v.n
     FROM jsonb_to_recordset(?::jsonb) AS v(id text, n int)
     WHERE p.id = v.id AND p.deleted_at IS NULL`,
    [JSON.stringify(rows)]
  )
}
