import { z } from "@medusajs/framework/zod"
import { id } from "../../../lib/validation"

export const StoreGetTariffsParams = z
  .object({
    region_id: id(100).optional(),
  })
  .strict()

export type StoreGetTariffsParamsType = z.infer<typeof StoreGetTariffsParams>
