import { z } from "@medusajs/framework/zod"
import { id, isoDateString } from "../../../lib/validation"
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

export const AdminRefundSubscription = z
  .object({
    /** the purchase (of this subscription) whose payment is refunded */
    purchase_id: id(100),
    /** in major units; omitted: everything the purchase can still give back */
    amount: z.number().positive().max(1_000_000_000).multipleOf(0.01).optional(),
  })
  .strict()
export type AdminRefundSubscriptionType = z.infer<typeof AdminRefundSubscription>

/** Retry now takes no parameters. */
export const AdminRetrySubscription = z.object({}).strict()
export type AdminRetrySubscriptionType = z.infer<typeof AdminRetrySubscription>
