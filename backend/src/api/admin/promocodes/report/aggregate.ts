import type { MedusaContainer } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { subscriptionService } from "../../../../lib/purchases"
import type { PromocodeReport } from "../../../../modules/promocode"
import { promocodeService } from "../helpers"

/** rows read per query while aggregating */
const PAGE_SIZE = 5000

type Decimal = ReturnType<typeof MathBN.convert>
type Sums = Map<string, Decimal>
export type Amounts = { currency_code: string | null; amount: number }[]

export type TopCode = {
  promocode_id: string | null
  code: string
  redemptions: number
  discount_given: Amounts
  revenue: Amounts
}

export type ReportRange = { from: Date; to: Date; promocode_id?: string | null }

function add(sums: Sums, currency: string | null | undefined, amount: unknown) {
  if (amount === null || amount === undefined) return
  const key = currency ?? ""
  sums.set(key, MathBN.add(sums.get(key) ?? 0, amount as number))
}

export function amounts(sums: Sums): Amounts {
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amount]) => ({
      currency_code: currency || null,
      amount: MathBN.convert(amount).toNumber(),
    }))
}

/** The service's decimal strings as JSON numbers, like the rest of the API. */
export function numericReport(report: PromocodeReport) {
  const convert = (list: { currency_code: string | null; amount: string }[]) =>
    list.map(({ currency_code, amount }) => ({ currency_code, amount: Number(amount) }))
  return {
    ...report,
    discount_given: convert(report.discount_given),
    by_day: report.by_day.map((day) => ({ ...day, discount_given: convert(day.discount_given) })),
  }
}

/**
 * Revenue of completed purchases made with a promo code in [from, to), per
 * code and per UTC day, each per currency. Purchases belong to the
 * subscription module: read through its service, page by page (keyset on id),
 * summed with decimal arithmetic.
 */
export async function promocodeRevenue(
  container: MedusaContainer,
  { from, to, code }: { from: Date; to: Date; code?: string | null }
) {
  const purchases = subscriptionService(container)
  const byCode = new Map<string, Sums>()
  const byDay = new Map<string, Sums>()
  let after: string | null = null
  for (;;) {
    const rows = await purchases.listPurchases(
      {
        status: "completed",
        promocode: code ?? { $ne: null },
        created_at: { $gte: from, $lt: to },
        ...(after ? { id: { $gt: after } } : {}),
      },
      {
        select: ["id", "promocode", "total", "currency_code", "created_at"],
        take: PAGE_SIZE,
        order: { id: "ASC" },
      }
    )
    for (const row of rows) {
      const key = row.promocode as string
      if (!byCode.has(key)) byCode.set(key, new Map())
      add(byCode.get(key)!, row.currency_code, row.total)
      const day = new Date(row.created_at).toISOString().slice(0, 10)
      if (!byDay.has(day)) byDay.set(day, new Map())
      add(byDay.get(day)!, row.currency_code, row.total)
    }
    if (rows.length < PAGE_SIZE) break
    after = rows[rows.length - 1].id
  }
  return { byCode, byDay }
}

/**
 * The codes redeemed most in [from, to): redemptions and discount given from
 * the journal, revenue from the purchases made with them.
 */
export async function topCodes(
  container: MedusaContainer,
  range: ReportRange & { code?: string | null; limit: number },
  revenue: Map<string, Sums>
): Promise<TopCode[]> {
  const promocodes = promocodeService(container)
  const byCode = new Map<string, { promocode_id: string | null; redemptions: number; discount: Sums }>()
  let after: string | null = null
  for (;;) {
    const rows = await promocodes.listPromocodeJournals(
      {
        action: "redeemed",
        created_at: { $gte: range.from, $lt: range.to },
        ...(range.promocode_id ? { promocode_id: range.promocode_id } : {}),
        ...(after ? { id: { $gt: after } } : {}),
      },
      {
        select: ["id", "promocode_id", "code", "discount_amount", "currency_code"],
        take: PAGE_SIZE,
        order: { id: "ASC" },
      }
    )
    for (const row of rows) {
      const entry = byCode.get(row.code) ?? {
        promocode_id: row.promocode_id ?? null,
        redemptions: 0,
        discount: new Map(),
      }
      entry.redemptions += 1
      add(entry.discount, row.currency_code, row.discount_amount)
      byCode.set(row.code, entry)
    }
    if (rows.length < PAGE_SIZE) break
    after = rows[rows.length - 1].id
  }

  const codes = new Set([...byCode.keys(), ...revenue.keys()])
  const missingIds = [...codes].filter((code) => !byCode.get(code)?.promocode_id)
  const ids = new Map<string, string>()
  if (missingIds.length) {
    const found = await promocodes.listPromocodes(
      { code: missingIds },
      { select: ["id", "code"], withDeleted: true }
    )
    found.forEach((p) => ids.set(p.code, p.id))
  }
  const revenueTotal = (code: string) =>
    [...(revenue.get(code)?.values() ?? [])].reduce(
      (sum, amount) => MathBN.add(sum, amount),
      MathBN.convert(0)
    )
  return [...codes]
    .map((code) => ({
      promocode_id: byCode.get(code)?.promocode_id ?? ids.get(code) ?? null,
      code,
      redemptions: byCode.get(code)?.redemptions ?? 0,
      discount_given: amounts(byCode.get(code)?.discount ?? new Map()),
      revenue: amounts(revenue.get(code) ?? new Map()),
      revenueTotal: revenueTotal(code),
    }))
    .sort(
      (a, b) =>
        b.redemptions - a.redemptions ||
        MathBN.convert(b.revenueTotal).comparedTo(a.revenueTotal) ||
        a.code.localeCompare(b.code)
    )
    .slice(0, range.limit)
    .map(({ revenueTotal: _, ...top }) => top)
}
