import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { runStatement, selectRows } from "../../../lib/sql"

/** The columns of a promo code export, in file order (the CSV's header row). */
export const EXPORT_COLUMNS = [
  "code",
  "type",
  "value",
  "currency_code",
  "free_days",
  "starts_at",
  "ends_at",
  "usage_limit",
  "per_customer_limit",
] as const

export type ExportPageInput = {
  /** one batch's codes; null: every code */
  batch_id: string | null
  /** the last code id of the previous page; null: the first page */
  after: string | null
  limit: number
}

export type ExportPage = {
  /** one row per code, cells in EXPORT_COLUMNS order */
  rows: unknown[][]
  /** the id to pass as `after` for the next page; null when this was the last */
  next: string | null
}

/**
 * One page of an export in code id order, after the previous page's last id
 * (keyset): each page is a range scan of the (batch_id, id) or primary key
 * index, however far the export has come, never an OFFSET that rescans what
 * was read. Plain rows, no ORM entities, so a page costs little CPU.
 */
export async function readExportPage(
  manager: SqlEntityManager,
  { batch_id, after, limit }: ExportPageInput
): Promise<ExportPage> {
  const where = ["deleted_at IS NULL"]
  const params: unknown[] = []
  if (batch_id) {
    where.push("batch_id = ?")
    params.push(batch_id)
  }
  if (after) {
    where.push("id > ?")
    params.push(after)
  }
  const rows = await selectRows<Record<string, unknown> & { id: string }>(
    manager,
    `SELECT id, ${EXPORT_COLUMNS.join(", ")} FROM promocode
     WHERE ${where.join(" AND ")} ORDER BY id LIMIT ?`,
    [...params, limit]
  )
  return {
    rows: rows.map((row) =>
      EXPORT_COLUMNS.map((column) =>
        column === "value" && row.value != null ? Number(row.value) : row[column]
      )
    ),
    next: rows.length === limit ? rows[rows.length - 1].id : null,
  }
}

/** How many codes an export of this batch (or of every code) will write. */
export async function countExportRows(
  manager: SqlEntityManager,
  batchId: string | null
): Promise<number> {
  const [{ total }] = await selectRows<{ total: number }>(
    manager,
    batchId
      ? `SELECT count(*)::int AS total FROM promocode WHERE deleted_at IS NULL AND batch_id = ?`
      : `SELECT count(*)::int AS total FROM promocode WHERE deleted_at IS NULL`,
    batchId ? [batchId] : []
  )
  return total
}

/**
 * Claims a pending export for one runner (pending → running): false when it
 * is not pending any more (another runner has it, or it is finished).
 */
export async function claimExport(manager: SqlEntityManager, id: string): Promise<boolean> {
  const changed = await runStatement(
    manager,
    `UPDATE promocode_export SET status = 'running', updated_at = now()
     WHERE id = ? AND status = 'pending' AND deleted_at IS NULL`,
    [id]
  )
  return changed > 0
}

/**
 * Exports abandoned by their runner: `running` with no progress saved for
 * `staleMs` (the process died), or still `pending` that long after they were
 * recorded (their event was lost). Each is set back to `pending` from the
 * start, in one statement that skips rows another caller is requeueing.
 * Returns their ids with the partial file of a dead runner, to delete.
 */
export async function requeueStaleExports(
  manager: SqlEntityManager,
  staleMs: number
): Promise<{ id: string; partial_file_id: string | null }[]> {
  return await selectRows(
    manager,
    `WITH stale AS (
       SELECT id, file_id FROM promocode_export
       WHERE deleted_at IS NULL
         AND ((status = 'running' AND updated_at < now() - make_interval(secs => ?))
           OR (status = 'pending' AND created_at < now() - make_interval(secs => ?)))
       ORDER BY created_at LIMIT 100
       FOR UPDATE SKIP LOCKED
     )
     UPDATE promocode_export e
     SET status = 'pending', exported = 0, file_id = NULL, updated_at = now()
     FROM stale WHERE e.id = stale.id
     RETURNING e.id, stale.file_id AS partial_file_id`,
    [staleMs / 1000, staleMs / 1000]
  )
}
