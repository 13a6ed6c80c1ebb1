import { model } from "@medusajs/framework/utils"
import { Promocode } from "./promocode"
import { USAGE_STATUSES } from "../lib/definition"

export { USAGE_STATUSES }

/**
 * One use of a promo code by a customer. A reservation (`reserved`) counts
 * against the limits at once; it ends either `redeemed` (final) or `released`
 * (given back: failed payment, expiry, compensation).
 */
export const PromocodeUsage = model
  .define("promocode_usage", {
    id: model.id({ prefix: "pcuse" }).primaryKey(),
    promocode: model.belongsTo(() => Promocode, { mappedBy: "usages" }),
    customer_id: model.text(),
    purchase_id: model.text().nullable(),
    status: model.enum([...USAGE_STATUSES]).default("reserved"),
    expires_at: model.dateTime(),
    // null only for an admin assignment made without a price
    original_amount: model.bigNumber().nullable(),
    discount_amount: model.bigNumber().nullable(),
    currency_code: model.text().nullable(),
    redeemed_at: model.dateTime().nullable(),
    released_at: model.dateTime().nullable(),
    release_reason: model.text().nullable(),
  })
  .indexes([
    {
      name: "IDX_promocode_usage_code_customer_status",
      on: ["promocode_id", "customer_id", "status"],
    },
    {
      name: "IDX_promocode_usage_status_expires_at",
      on: ["status", "expires_at"],
    },
  ])
