import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"
import { bigNumberColumns, runStatement, selectRows } from "../../../lib/sql"
import { BATCH_STALE_MS } from "./batch-stale"
import { type NormalizedRules, RULE_KEYS, type RuleKey } from "./definition"
import { PromocodeAdminErrorCode } from "./errors"
import { generateIds } from "./ids"

/**
 * Bulk generation: the SQL of a batch's claim, its chunks and its end, and
 * the loop that draws codes until the batch has `count` of them.
 */


type Manager = SqlEntityManager

/** codes per INSERT in bulk generation */
export const GENERATION_CHUNK_SIZE = 5000
/** a running batch silent this long is considered crashed */
export const BATCH_STALE_SECONDS = BATCH_STALE_MS / 1000
/** draws in a row that add no code before the code space counts as exhausted */
const MAX_IDLE_DRAWS = 5

type StoredColumn = { column: string; cast: string; value: unknown }

const iso = (date: Date | null) => (date ? date.toISOString() : null)

/**
 * How each rule field is stored in `promocode`. A Record over RuleKey: a rule
 * field added to RULE_KEYS does not compile until it says how it is stored.
 */
const STORE_RULE: {
  [K in RuleKey]: (value: NormalizedRules[K]) => StoredColumn[]
} = {
  type: (value) => [{ column: "type", cast: "text", value }],
  value: (value) => {
    const stored = bigNumberColumns(value)
    return [
      { column: "value", cast: "numeric", value: stored.numeric },
      {
        column: "raw_value",
        cast: "jsonb",
        value: stored.raw ? JSON.stringify(stored.raw) : null,
      },
    ]
  },
  currency_code: (value) => [{ column: "currency_code", cast: "text", value }],
  free_days: (value) => [{ column: "free_days", cast: "int", value }],
  variant_ids: (value) => [
    { column: "variant_ids", cast: "jsonb", value: JSON.stringify(value) },
  ],
  product_ids: (value) => [
    { column: "product_ids", cast: "jsonb", value: JSON.stringify(value) },
  ],
  customer_ids: (value) => [
    { column: "customer_ids", cast: "jsonb", value: JSON.stringify(value) },
  ],
  starts_at: (value) => [
    { column: "starts_at", cast: "timestamptz", value: iso(value) },
  ],
  ends_at: (value) => [
    { column: "ends_at", cast: "timestamptz", value: iso(value) },
  ],
  is_active: (value) => [{ column: "is_active", cast: "boolean", value }],
  usage_limit: (value) => [{ column: "usage_limit", cast: "int", value }],
  per_customer_limit: (value) => [
    { column: "per_customer_limit", cast: "int", value },
  ],
  first_purchase_only: (value) => [
    { column: "first_purchase_only", cast: "boolean", value },
  ],
  description: (value) => [{ column: "description", cast: "text", value }],
  duration: (value) => [{ column: "duration", cast: "text", value }],
  duration_periods: (value) => [
    { column: "duration_periods", cast: "int", value },
  ],
}

/** The stored columns of every rule field, in RULE_KEYS order. */
export function ruleColumns(rules: NormalizedRules): StoredColumn[] {
  return RULE_KEYS.flatMap((key) =>
    (STORE_RULE[key] as (value: unknown) => StoredColumn[])(rules[key])
  )
}

/**
 * The INSERT of one chunk of a batch's codes: every code with the batch's
 * rules, a code already taken anywhere in the table skipped.
 */
export function batchInsert(
  batchId: string,
  codes: { id: string; code: string }[],
  rules: NormalizedRules
): { sql: string; params: unknown[] } {
  const stored = ruleColumns(rules)
  const columns = [
    "id",
    "code",
    ...stored.map((c) => c.column),
    "batch_id",
    "reserved_count",
    "used_count",
  ]
  const values = [
    "x.id",
    "x.code",
    ...stored.map((c) => `?::${c.cast}`),
    "?",
    "0",
    "0",
  ]
  return {
    sql: `INSERT INTO promocode (${columns.join(", ")})
     SELECT ${values.join(", ")}
     FROM jsonb_to_recordset(?::jsonb) AS x(id text, code text)
     ON CONFLICT (code) DO NOTHING`,
    params: [...stored.map((c) => c.value), batchId, JSON.stringify(codes)],
  }
}

/** Inserts a chunk and saves the batch's progress; returns the codes added. */
export async function insertBatchChunk(
  m: Manager,
  batchId: string,
  codes: string[],
  rules: NormalizedRules,
  generatedBefore: number
): Promise<number> {
  const ids = generateIds("promo", codes.length)
  const insert = batchInsert(
    batchId,
    codes.map((code, i) => ({ id: ids[i], code })),
    rules
  )
  const inserted = await runStatement(m, insert.sql, insert.params)
  await runStatement(
    m,
    `UPDATE promocode_batch SET generated = ?, updated_at = now()
     WHERE id = ?`,
    [generatedBefore + inserted, batchId]
  )
  return inserted
}

export async function countBatchCodes(
  m: Manager,
  batchId: string
): Promise<number> {
  const [{ existing }] = await selectRows<{ existing: number }>(
    m,
    `SELECT count(*)::int AS existing FROM promocode WHERE batch_id = ?`,
    [batchId]
  )
  return existing
}

/**
 * Claims a batch for this runner: one runner at a time; a runner silent for
 * BATCH_STALE_SECONDS (crashed) may be taken over, since every chunk refreshes
 * updated_at. Throws NOT_ALLOWED (PROMOCODE_BATCH_RUNNING) when it is taken.
 */
export async function claimBatch(
  m: Manager,
  batchId: string,
  generated: number,
  rules: unknown
): Promise<void> {
  const claimed = await runStatement(
    m,
    `UPDATE promocode_batch
     SET status = 'running', generated = ?, rules = ?::jsonb, error = NULL,
         updated_at = now()
     WHERE id = ? AND (status IN ('pending', 'failed')
       OR (status = 'running'
           AND updated_at < now() - make_interval(secs => ?)))`,
    [generated, JSON.stringify(rules), batchId, BATCH_STALE_SECONDS]
  )
  if (!claimed) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Batch ${batchId} is already being generated.`,
      PromocodeAdminErrorCode.BATCH_RUNNING
    )
  }
}

/**
 * Draws and inserts chunks until `count` codes exist, starting from
 * `generated`; the shortfall of a chunk (codes already taken) is drawn again.
 */
export async function generateMissing(options: {
  count: number
  generated: number
  draw: (count: number) => string[]
  insert: (codes: string[], generatedBefore: number) => Promise<number>
  onProgress?: (generated: number) => void | Promise<void>
}): Promise<void> {
  const { count, draw, insert, onProgress } = options
  let generated = options.generated
  let idleRounds = 0
  while (generated < count) {
    const wanted = Math.min(GENERATION_CHUNK_SIZE, count - generated)
    const inserted = await insert(draw(wanted), generated)
    generated += inserted
    idleRounds = inserted ? 0 : idleRounds + 1
    if (idleRounds >= MAX_IDLE_DRAWS) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "Could not draw new unique codes: the code space of this " +
          "prefix and length is exhausted.",
        PromocodeAdminErrorCode.INVALID
      )
    }
    await onProgress?.(generated)
  }
}

export async function completeBatch(m: Manager, batchId: string) {
  await runStatement(
    m,
    `UPDATE promocode_batch SET status = 'completed', updated_at = now()
     WHERE id = ?`,
    [batchId]
  )
}

export async function failBatch(m: Manager, batchId: string, error: unknown) {
  const message =
    error instanceof Error ? error.message : "Unknown generation error"
  await runStatement(
    m,
    `UPDATE promocode_batch SET status = 'failed', error = ?,
       updated_at = now()
     WHERE id = ?`,
    [message.slice(0, 2000), batchId]
  )
}
