import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reportRange } from "../../../../lib/report-range"
import type { AdminSubscriptionReportParamsType } from "../validators"
import { subscriptionReport } from "./aggregate"

/**
 * Subscribers by status, MRR, renewal success rate and churn over [from, to)
 * (default: the last 30 days; a date-only `to` includes that day), one point
 * per UTC day, ISO week or month.
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, AdminSubscriptionReportParamsType>,
  res: MedusaResponse
) {
  const { from, to } = reportRange(req.validatedQuery, "SUBSCRIPTION_REPORT")
  const report = await subscriptionReport(req.scope, { from, to, interval: req.validatedQuery.interval })
  res.json({ report })
}
