import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"
import type {
  AmountByCurrency,
  PromocodeReport,
  ReportInput,
  SearchPromocodesConfig,
  SearchPromocodesFilters,
  UsageStats,
} from "../types"
import { PROMOCODE_STATUSES, PromocodeStatus } from "./rules"
import { selectRows } from "../../../lib/sql"

/**
 * Read-only aggregate queries of the module (admin list, stats, report). Each
 * number is computed by PostgreSQL (WHERE / GROUP BY), never by loading rows.
 */

export const SEARCH_ORDER_FIELDS = [
  "created_at",
  "updated_at",
  "code",
  "type",
  "starts_at",
  "ends_at",
  "usage_limit",
  "used_count",
  "reserved_count",
] as const

/** Order fields that may be null: sorted with NULLS LAST both ways. */
const NULLABLE_ORDER_FIELDS: readonly string[] = ["starts_at", "ends_at", "usage_limit"]
/** Order fields unique on their own: no id tie-breaker needed. */
const UNIQUE_ORDER_FIELDS: readonly string[] = ["code"]

export const REPORT_DEFAULT_DAYS = 30
const MAX_SEARCH_LIMIT = 1000

/**
 * Counts up to this many matches exactly on every call (a scan that stops
 * there, a few milliseconds). Beyond it, counting a million rows on every
 * page would cost more than the page itself, so the exact count of a large
 * result is shared by every search with the same filters in this process:
 * recounted in the background once it is COUNT_REFRESH_MS old (callers get
 * the previous count meanwhile, never wait for a recount), dropped once it is
 * COUNT_MAX_AGE_MS old. A count above the limit may therefore lag a few
 * seconds behind inserts and deletes; below it, it is always exact.
 */
export const EXACT_COUNT_LIMIT = 10000
const COUNT_REFRESH_MS = 10000
const COUNT_MAX_AGE_MS = 60000
const COUNT_CACHE_SIZE = 100

type CountEntry = {
  /** when `value` was counted */
  at: number
  value: number | null
  /** a count in flight */
  pending: Promise<number> | null
}
const countCache = new Map<string, CountEntry>()

function recount(
  m: SqlEntityManager,
  key: string,
  whereSql: string,
  params: unknown[]
): Promise<number> {
  const entry: CountEntry = countCache.get(key) ?? {
    at: 0,
    value: null,
    pending: null,
  }
  if (entry.pending) {
    return entry.pending
  }
  const startedAt = Date.now()
  entry.pending = selectRows<{ count: number }>(
    m,
    `SELECT count(*)::int AS count FROM promocode WHERE ${whereSql}`,
    params
  ).then(
    ([row]) => {
      entry.at = startedAt
      entry.value = row.count
      entry.pending = null
      if (row.count <= EXACT_COUNT_LIMIT) {
        // small again (codes deleted): counted exactly on every call from now
        countCache.delete(key)
      }
      return row.count
    },
    (error) => {
      entry.pending = null
      throw error
    }
  )
  countCache.delete(key)
  countCache.set(key, entry)
  if (countCache.size > COUNT_CACHE_SIZE) {
    countCache.delete(countCache.keys().next().value as string)
  }
  return entry.pending
}

/**
 * The shared count of a result known to be large, or null when there is none
 * recent enough. Starts a background recount when it is getting old.
 */
function knownLargeCount(
  m: SqlEntityManager,
  key: string,
  whereSql: string,
  params: unknown[]
): number | null {
  const entry = countCache.get(key)
  if (!entry || entry.value === null) {
    return null
  }
  const age = Date.now() - entry.at
  if (age >= COUNT_MAX_AGE_MS) {
    return null
  }
  if (age >= COUNT_REFRESH_MS && !entry.pending) {
    // a failed background recount keeps the previous value until it expires
    recount(m, key, whereSql, params).catch(() => undefined)
  }
  return entry.value
}

function invalid(message: string): MedusaError {
  return new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

function toDate(value: Date | string, field: string): Date {
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) {
    throw invalid(`${field} must be a valid date.`)
  }
  return date
}

/** SQL for "the code is in this status at `now`", matching promocodeStatus. */
function statusCondition(
  status: PromocodeStatus,
  now: string
): [string, unknown[]] {
  const started = "(starts_at IS NULL OR starts_at <= ?::timestamptz)"
  const notEnded = "(ends_at IS NULL OR ends_at > ?::timestamptz)"
  const usedUp =
    "(usage_limit IS NOT NULL AND reserved_count + used_count >= usage_limit)"
  switch (status) {
    case "inactive":
      return ["NOT is_active", []]
    case "scheduled":
      return ["(is_active AND starts_at > ?::timestamptz)", [now]]
    case "expired":
      return [
        `(is_active AND ${started} AND ends_at <= ?::timestamptz)`,
        [now, now],
      ]
    case "used_up":
      return [
        `(is_active AND ${started} AND ${notEnded} AND ${usedUp})`,
        [now, now],
      ]
    case "active":
      return [
        `(is_active AND ${started} AND ${notEnded} AND NOT ${usedUp})`,
        [now, now],
      ]
  }
}

/**
 * The ids of one page of codes matching the filters, in order, and the total
 * number of matches. Throws INVALID_DATA for a bad limit, offset, order field
 * or status.
 */
export async function searchPromocodeIds(
  m: SqlEntityManager,
  filters: SearchPromocodesFilters,
  config: SearchPromocodesConfig & { now: Date }
): Promise<{ ids: string[]; count: number }> {
  const limit = config.limit ?? 20
  const offset = config.offset ?? 0
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT) {
    throw invalid(`limit must be a whole number from 1 to ${MAX_SEARCH_LIMIT}.`)
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw invalid("offset must be a whole number of at least 0.")
  }
  const orderText = config.order ?? "-created_at"
  const orderField = orderText.replace(/^-/, "")
  if (!(SEARCH_ORDER_FIELDS as readonly string[]).includes(orderField)) {
    throw invalid(
      `order must be one of ${SEARCH_ORDER_FIELDS.join(", ")} ` +
        `(prefix - for descending).`
    )
  }
  const direction = orderText.startsWith("-") ? "DESC" : "ASC"

  const where: string[] = ["deleted_at IS NULL"]
  const params: unknown[] = []
  if (filters.q) {
    // a plain substring: escape LIKE's wildcards and its escape character
    const text = String(filters.q).slice(0, 200)
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    where.push(
      `(code ILIKE ? ESCAPE '\\' OR description ILIKE ? ESCAPE '\\')`
    )
    params.push(pattern, pattern)
  }
  if (filters.batch_id) {
    where.push("batch_id = ?")
    params.push(filters.batch_id)
  }
  if (filters.type) {
    where.push("type = ?")
    params.push(filters.type)
  }
  const statuses = !filters.status
    ? []
    : Array.isArray(filters.status)
      ? filters.status
      : [filters.status]
  if (statuses.some((status) => !PROMOCODE_STATUSES.includes(status))) {
    throw invalid(`status must be one of ${PROMOCODE_STATUSES.join(", ")}.`)
  }
  if (statuses.length) {
    const conditions = statuses.map((status) =>
      statusCondition(status, config.now.toISOString())
    )
    where.push(`(${conditions.map(([sql]) => sql).join(" OR ")})`)
    conditions.forEach(([, values]) => params.push(...values))
  }

  const whereSql = where.join(" AND ")
  // NULLS LAST only where a null can occur: on a NOT NULL column it would stop
  // PostgreSQL from reading a descending order off an ascending index
  const nulls = NULLABLE_ORDER_FIELDS.includes(orderField) ? " NULLS LAST" : ""
  const tieBreak = !UNIQUE_ORDER_FIELDS.includes(orderField)
  const orderBy = (column: string, id: string) =>
    `${column} ${direction}${nulls}${tieBreak ? `, ${id} ${direction}` : ""}`
  const pageOf = async () =>
    (
      await selectRows<{ id: string }>(
        m,
        `SELECT id FROM promocode WHERE ${whereSql}
         ORDER BY ${orderBy(orderField, "id")}
         LIMIT ? OFFSET ?`,
        [...params, limit, offset]
      )
    ).map((row) => row.id)
  const countKey = JSON.stringify([
    filters.q ?? null,
    filters.batch_id ?? null,
    filters.type ?? null,
    [...statuses].sort(),
  ])

  // known to be a large result: the page off its index, the shared count
  const known = knownLargeCount(m, countKey, whereSql, params)
  if (known !== null) {
    return { ids: await pageOf(), count: known }
  }

  // one scan for a small result: the matches (at most EXACT_COUNT_LIMIT + 1)
  // are collected once, counted, and the page is sorted out of them
  const [first] = await selectRows<{ count: number; ids: string[] | null }>(
    m,
    `WITH matched AS MATERIALIZED (
       SELECT id, ${orderField} AS sort_key FROM promocode
       WHERE ${whereSql}
       LIMIT ${EXACT_COUNT_LIMIT + 1}
     )
     SELECT (SELECT count(*)::int FROM matched) AS count,
            (SELECT array_agg(page.id ORDER BY ${orderBy("page.sort_key", "page.id")})
             FROM (SELECT id, sort_key FROM matched
                   ORDER BY ${orderBy("sort_key", "id")}
                   LIMIT ? OFFSET ?) AS page) AS ids`,
    [...params, limit, offset]
  )
  if (first.count <= EXACT_COUNT_LIMIT) {
    return { ids: first.ids ?? [], count: first.count }
  }
  const [ids, count] = await Promise.all([
    pageOf(),
    recount(m, countKey, whereSql, params),
  ])
  return { ids, count }
}

/** Uses of one code by status, customers, discounts and rejections. */
export async function usageAggregates(
  m: SqlEntityManager,
  promocode: {
    id: string
    usage_limit: number | null
    reserved_count: number
    used_count: number
  }
): Promise<UsageStats> {
  const [byStatus, discounts, customers, rejections] = await Promise.all([
    selectRows<{ status: string; count: number; last_at: Date | null }>(
      m,
      `SELECT status, count(*)::int AS count, max(redeemed_at) AS last_at
       FROM promocode_usage
       WHERE promocode_id = ? AND deleted_at IS NULL
       GROUP BY status`,
      [promocode.id]
    ),
    selectRows<AmountByCurrency>(
      m,
      `SELECT currency_code, sum(discount_amount)::text AS amount
       FROM promocode_usage
       WHERE promocode_id = ? AND status = 'redeemed'
         AND discount_amount IS NOT NULL AND deleted_at IS NULL
       GROUP BY currency_code ORDER BY currency_code`,
      [promocode.id]
    ),
    selectRows<{ customers: number }>(
      m,
      `SELECT count(DISTINCT customer_id)::int AS customers
       FROM promocode_usage
       WHERE promocode_id = ? AND status IN ('reserved', 'redeemed')
         AND deleted_at IS NULL`,
      [promocode.id]
    ),
    selectRows<{ reason: string | null; count: number }>(
      m,
      `SELECT reason, count(*)::int AS count FROM promocode_journal
       WHERE promocode_id = ? AND action = 'rejected' AND deleted_at IS NULL
       GROUP BY reason ORDER BY count DESC, reason`,
      [promocode.id]
    ),
  ])
  const row = (status: string) => byStatus.find((r) => r.status === status)
  const limit = promocode.usage_limit ?? null
  return {
    promocode_id: promocode.id,
    reserved: row("reserved")?.count ?? 0,
    redeemed: row("redeemed")?.count ?? 0,
    released: row("released")?.count ?? 0,
    customers: customers[0]?.customers ?? 0,
    discount_given: discounts,
    rejections_by_reason: rejections,
    usage_limit: limit,
    remaining:
      limit === null
        ? null
        : Math.max(0, limit - promocode.reserved_count - promocode.used_count),
    last_redeemed_at: row("redeemed")?.last_at ?? null,
  }
}

type ActionCount = { action: string; count: number }

function totals(rows: ActionCount[]) {
  const n = (action: string) =>
    rows.find((row) => row.action === action)?.count ?? 0
  return {
    // a preview that found the code usable is counted on the code
    // (validated_count), not journaled: attempts are the journal's tries
    attempts: n("rejected") + n("reserved"),
    validations: n("validated"),
    reservations: n("reserved"),
    redemptions: n("redeemed"),
    assignments: n("assigned"),
    releases: n("released"),
    rejections: n("rejected"),
  }
}

/**
 * The journal over [from, to) (default: the last 30 days), for every code or
 * one. Throws INVALID_DATA when from is not before to.
 */
export async function journalReport(
  m: SqlEntityManager,
  input: ReportInput
): Promise<PromocodeReport> {
  const to = input.to ? toDate(input.to, "to") : new Date()
  const from = input.from
    ? toDate(input.from, "from")
    : new Date(to.getTime() - REPORT_DEFAULT_DAYS * 24 * 60 * 60 * 1000)
  if (from.getTime() >= to.getTime()) {
    throw invalid("from must be before to.")
  }
  const where = `created_at >= ?::timestamptz AND created_at < ?::timestamptz
    AND deleted_at IS NULL
    ${input.promocode_id ? "AND promocode_id = ?" : ""}`
  const params: unknown[] = [from.toISOString(), to.toISOString()]
  if (input.promocode_id) {
    params.push(input.promocode_id)
  }
  const day = `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`

  const [byAction, byReason, discount, byDayAction, byDayDiscount, views] =
    await Promise.all([
      selectRows<ActionCount>(
        m,
        `SELECT action, count(*)::int AS count FROM promocode_journal
         WHERE ${where} GROUP BY action`,
        params
      ),
      selectRows<{ action: string; reason: string | null; count: number }>(
        m,
        `SELECT action, reason, count(*)::int AS count FROM promocode_journal
         WHERE ${where} AND action IN ('rejected', 'released')
         GROUP BY action, reason ORDER BY count DESC, reason`,
        params
      ),
      selectRows<AmountByCurrency>(
        m,
        `SELECT currency_code, sum(discount_amount)::text AS amount
         FROM promocode_journal
         WHERE ${where} AND action = 'redeemed'
           AND discount_amount IS NOT NULL
         GROUP BY currency_code ORDER BY currency_code`,
        params
      ),
      selectRows<{ day: string } & ActionCount>(
        m,
        `SELECT ${day} AS day, action, count(*)::int AS count
         FROM promocode_journal WHERE ${where}
         GROUP BY 1, 2 ORDER BY 1`,
        params
      ),
      selectRows<{ day: string } & AmountByCurrency>(
        m,
        `SELECT ${day} AS day, currency_code,
                sum(discount_amount)::text AS amount
         FROM promocode_journal
         WHERE ${where} AND action = 'redeemed'
           AND discount_amount IS NOT NULL
         GROUP BY 1, 2 ORDER BY 1, 2`,
        params
      ),
      selectRows<{ views: number }>(
        m,
        `SELECT coalesce(sum(validated_count), 0)::int AS views FROM promocode
         WHERE deleted_at IS NULL ${input.promocode_id ? "AND id = ?" : ""}`,
        input.promocode_id ? [input.promocode_id] : []
      ),
    ])

  const byReasonOf = (action: string) =>
    byReason
      .filter((row) => row.action === action)
      .map(({ reason, count }) => ({ reason, count }))
  const days = [...new Set(byDayAction.map((row) => row.day))]
  return {
    from,
    to,
    ...totals(byAction),
    views: views[0]?.views ?? 0,
    rejections_by_reason: byReasonOf("rejected"),
    releases_by_reason: byReasonOf("released"),
    discount_given: discount,
    by_day: days.map((d) => ({
      day: d,
      ...totals(byDayAction.filter((row) => row.day === d)),
      discount_given: byDayDiscount
        .filter((row) => row.day === d)
        .map(({ currency_code, amount }) => ({ currency_code, amount })),
    })),
  }
}
