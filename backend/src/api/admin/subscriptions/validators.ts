import { z } from "@medusajs/framework/zod"

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
