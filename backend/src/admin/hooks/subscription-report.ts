import { keepPreviousData, useQuery } from "@tanstack/react-query"
import type { ReportInterval } from "../../lib/subscription-report"
import { subscriptionReportKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { SubscriptionReport } from "../lib/types"

export type SubscriptionReportParams = { from: string; to: string; interval: ReportInterval }

/** GET /admin/subscriptions/report: one point per day, week or month of the range. */
export function useSubscriptionReport(params: SubscriptionReportParams, enabled = true) {
  return useQuery({
    enabled,
    queryKey: subscriptionReportKeys.report(params),
    queryFn: () =>
      sdk.client.fetch<{ report: SubscriptionReport }>("/admin/subscriptions/report", { query: params }),
    placeholderData: keepPreviousData,
  })
}
