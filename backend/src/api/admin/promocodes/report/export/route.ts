import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { inOnePage, streamCsv } from "../../csv"
import { daysOf, promocodeService, reportRange } from "../../helpers"
import type { AdminReportExportParamsType } from "../../validators"
import { amounts, promocodeRevenue } from "../aggregate"

const COUNTS = [
  "attempts",
  "validations",
  "reservations",
  "redemptions",
  "assignments",
  "releases",
  "rejections",
] as const

/**
 * The report as CSV, one row per UTC day of the range (days without activity
 * included): the journal counts, then discount given and revenue per currency
 * (`discount_rub`, `revenue_rub`, ...).
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, AdminReportExportParamsType>,
  res: MedusaResponse
) {
  const { promocode_id } = req.validatedQuery
  const { from, to } = reportRange(req.validatedQuery)
  const promocodes = promocodeService(req.scope)
  const code = promocode_id
    ? (await promocodes.retrievePromocode(promocode_id, { select: ["id", "code"] })).code
    : null
  const [report, revenue] = await Promise.all([
    promocodes.report({ from, to, promocode_id: promocode_id ?? null }),
    promocodeRevenue(req.scope, { from, to, code }),
  ])

  const byDay = new Map(report.by_day.map((day) => [day.day, day]))
  const currencies = [
    ...new Set([
      ...report.by_day.flatMap((d) => d.discount_given.map((a) => a.currency_code ?? "")),
      ...[...revenue.byDay.values()].flatMap((sums) => [...sums.keys()]),
    ]),
  ].sort()
  const rows = daysOf(from, to).map((day) => {
    const counts = byDay.get(day)
    const discount = new Map(
      (counts?.discount_given ?? []).map((a) => [a.currency_code ?? "", Number(a.amount)])
    )
    const income = new Map(
      amounts(revenue.byDay.get(day) ?? new Map()).map((a) => [a.currency_code ?? "", a.amount])
    )
    return [
      day,
      ...COUNTS.map((name) => counts?.[name] ?? 0),
      ...currencies.map((c) => discount.get(c) ?? 0),
      ...currencies.map((c) => income.get(c) ?? 0),
    ]
  })
  const header = [
    "day",
    ...COUNTS,
    ...currencies.map((c) => `discount_${c || "none"}`),
    ...currencies.map((c) => `revenue_${c || "none"}`),
  ]
  const stamp = (d: Date) => d.toISOString().slice(0, 10)
  await streamCsv(res, `promocode-report-${stamp(from)}-${stamp(to)}.csv`, header, inOnePage(rows))
}
