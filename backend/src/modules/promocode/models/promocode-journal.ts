import { model } from "@medusajs/framework/utils"
import { JOURNAL_ACTIONS } from "../lib/definition"

export { JOURNAL_ACTIONS }

/**
 * Append-only journal of everything that happened to promo codes: every
 * validation (accepted or rejected with its reason), reservation, release,
 * redemption and admin assignment. `promocode_id` is not a foreign key: a
 * rejection of an unknown code has none, and rows outlive deleted codes.
 */
export const PromocodeJournal = model
  .define("promocode_journal", {
    id: model.id({ prefix: "pcjrn" }).primaryKey(),
    promocode_id: model.text().nullable(),
    code: model.text(),
    customer_id: model.text().nullable(),
    purchase_id: model.text().nullable(),
    usage_id: model.text().nullable(),
    action: model.enum([...JOURNAL_ACTIONS]),
    // error code (PROMOCODE_*) for rejections, e.g. payment_declined or
    // expired_reservation for releases
    reason: model.text().nullable(),
    discount_amount: model.bigNumber().nullable(),
    currency_code: model.text().nullable(),
  })
  .indexes([
    {
      name: "IDX_promocode_journal_promocode_created_at",
      on: ["promocode_id", "created_at"],
    },
    { name: "IDX_promocode_journal_created_at", on: ["created_at"] },
    // a customer's promo code history (admin widget, assigned codes in the store)
    {
      name: "IDX_promocode_journal_customer_created_at",
      on: ["customer_id", "created_at"],
    },
  ])
