import { z } from "@medusajs/framework/zod"

export const StoreReplacePaymentMethod = z
  .object({ token: z.string().trim().min(1).max(100) })
  .strict()
export type StoreReplacePaymentMethodType = z.infer<typeof StoreReplacePaymentMethod>
