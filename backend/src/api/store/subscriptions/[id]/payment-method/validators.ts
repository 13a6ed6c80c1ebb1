import { z } from "@medusajs/framework/zod"
import { id } from "../../../../../lib/validation"

/** The new card's payment token, as the purchase's `payment.token`. */
export const StoreReplacePaymentMethod = z.object({ token: id(100) }).strict()
export type StoreReplacePaymentMethodType = z.infer<typeof StoreReplacePaymentMethod>
