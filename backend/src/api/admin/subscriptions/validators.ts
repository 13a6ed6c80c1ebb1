import { z } from "@medusajs/framework/zod"
import { isoDateString } from "../../../lib/validation"
import { REPORT_INTERVALS } from "../../../lib/subscription-report"

export const AdminCancelSubscription = z
  .object({
    at: z.enum(["now", "period_end"]),
    refund: z.enum(["none", "prorated"]).default("none"),
  })
  .strict()
  .refine((body) => body.at === "now" || body.refund === "none", {
    message: "A refund is only given when cancelling now",
    path: ["refund"],
  })
export type AdminCancelSubscriptionType = z.infer<typeof AdminCancelSubscription>

export const AdminSubscriptionReportParams = z
  .object({
    from: isoDateString().optional(),
    to: isoDateString().optional(),
    /** one point per UTC day, ISO week (from Monday) or month */
    interval: z.enum(REPORT_INTERVALS).default("day"),
  })
  .strict()
export type AdminSubscriptionReportParamsType = z.infer<typeof AdminSubscriptionReportParams>
