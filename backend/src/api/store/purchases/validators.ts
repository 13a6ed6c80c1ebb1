import { z } from "@medusajs/framework/zod"
import { id, text } from "../../../lib/validation"
// a leaf file, not the module's index (the storefront type-checks this file)
import { MAX_CODE_LENGTH } from "../../../modules/promocode/lib/code"

const variantId = id(100)
const promocode = text().trim().max(MAX_CODE_LENGTH).optional().nullable()

export const StorePreviewPurchase = z
  .object({ variant_id: variantId, promocode })
  .strict()
export type StorePreviewPurchaseType = z.infer<typeof StorePreviewPurchase>

export const StoreCreatePurchase = z
  .object({
    variant_id: variantId,
    promocode,
    payment: z
      .object({ token: id(100) })
      .strict()
      .optional(),
    /** renew with the saved card (default: true for paid plans; the Trial: when a card token is given) */
    auto_renew: z.boolean().optional(),
    /** the Trial: the paid plan it converts to (default: the cheapest monthly one) */
    convert_to_variant_id: variantId.optional(),
  })
  .strict()
export type StoreCreatePurchaseType = z.infer<typeof StoreCreatePurchase>

export const StoreListParams = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type StoreListParamsType = z.infer<typeof StoreListParams>

/** Idempotency-Key header: printable ASCII, at most 255 characters. */
export const IdempotencyKey = z.string().regex(/^[\x21-\x7e]{1,255}$/)
