import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reportRange } from "../../../../../lib/report-range"
import { REPORT_COLUMNS } from "../../../../../lib/subscription-report"
import { inOnePage, streamCsv } from "../../../promocodes/csv"
import type { AdminSubscriptionReportParamsType } from "../../validators"
import { subscriptionReport } from "../aggregate"

/**
 * The subscription report as CSV: one row per bucket with the charts'
 * figures (REPORT_COLUMNS); MRR in the report's currency, rates as fractions
 * (empty without attempts or live subscriptions).
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, AdminSubscriptionReportParamsType>,
  res: MedusaResponse
) {
  const { from, to } = reportRange(req.validatedQuery, "SUBSCRIPTION_REPORT")
  const { interval } = req.validatedQuery
  const report = await subscriptionReport(req.scope, { from, to, interval })
  const rows = report.points.map((point) => REPORT_COLUMNS.map((column) => point[column]))
  const stamp = (d: Date) => d.toISOString().slice(0, 10)
  const header = REPORT_COLUMNS.map((c) => (c === "mrr" ? `mrr_${report.currency_code}` : c))
  await streamCsv(res, `subscription-report-${interval}-${stamp(from)}-${stamp(to)}.csv`, header, inOnePage(rows))
}
