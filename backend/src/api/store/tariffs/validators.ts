import { z } from "@medusajs/framework/zod"

export const StoreGetTariffsParams = z
  .object({
    region_id: z.string().trim().min(1).max(100).optional(),
  })
  .strict()

export type StoreGetTariffsParamsType = z.infer<typeof StoreGetTariffsParams>
