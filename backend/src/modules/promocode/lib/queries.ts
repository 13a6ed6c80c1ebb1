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
import { selectRows } from "./sql"

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

export const REPORT_DEFAULT_DAYS = 30
const MAX_SEARCH_LIMIT = 1000

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
  const [[{ count }], page] = await Promise.all([
    selectRows<{ count: number }>(
      m,
      `SELECT count(*)::int AS count FROM promocode WHERE ${whereSql}`,
      params
    ),
    selectRows<{ id: string }>(
      m,
      `SELECT id FROM promocode WHERE ${whereSql}
       ORDER BY ${orderField} ${direction} NULLS LAST, id ${direction}
       LIMIT ? OFFSET ?`,
      [...params, limit, offset]
    ),
  ])
  return { ids: page.map((row) => row.id), count }
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
    attempts: n("validated") + n("rejected") + n("reserved"),
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

  const [byAction, byReason, discount, byDayAction, byDayDiscount] =
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
