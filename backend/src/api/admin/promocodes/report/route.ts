import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { promocodeService, reportRange } from "../helpers"
import type { AdminReportParamsType } from "../validators"
import { numericReport, promocodeRevenue, topCodes } from "./aggregate"

/**
 * Aggregates over [from, to) (default: the last 30 days; a date-only `to`
 * includes that day): attempts, validations, reservations, redemptions,
 * assignments, releases, rejections by reason, discount given, the same per
 * UTC day, and the top codes with their redemptions, discount and revenue.
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, AdminReportParamsType>,
  res: MedusaResponse
) {
  const { promocode_id, top } = req.validatedQuery
  const { from, to } = reportRange(req.validatedQuery)
  const promocodes = promocodeService(req.scope)
  const code = promocode_id
    ? (await promocodes.retrievePromocode(promocode_id, { select: ["id", "code"] })).code
    : null
  const [report, revenue] = await Promise.all([
    promocodes.report({ from, to, promocode_id: promocode_id ?? null }),
    promocodeRevenue(req.scope, { from, to, code }),
  ])
  const top_codes = await topCodes(
    req.scope,
    { from, to, promocode_id, code, limit: top },
    revenue.byCode
  )
  res.json({ report: { ...numericReport(report), top_codes } })
}
