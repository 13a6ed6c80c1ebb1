import { z } from "@medusajs/framework/zod"
import { isoDate } from "../../../../lib/validation"

export const AdminRunRenewals = z
  .object({
    /** run the pass as if it were this moment (only with SUBSCRIPTION_TEST_CLOCK=true) */
    as_of: isoDate().optional(),
  })
  .strict()
export type AdminRunRenewalsType = z.infer<typeof AdminRunRenewals>
