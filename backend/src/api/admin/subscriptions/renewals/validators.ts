import { z } from "@medusajs/framework/zod"

export const AdminRunRenewals = z
  .object({
    /** run the pass as if it were this moment (only with SUBSCRIPTION_TEST_CLOCK=true) */
    as_of: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
export type AdminRunRenewalsType = z.infer<typeof AdminRunRenewals>
