import { model } from "@medusajs/framework/utils"

export const PURCHASE_STATUSES = ["pending", "completed", "failed"] as const
export type PurchaseStatus = (typeof PURCHASE_STATUSES)[number]

/** What a charge bought: a first period, one more period of the same plan, a plan change now, a renewal. */
export const PURCHASE_KINDS = ["new", "extension", "upgrade", "renewal"] as const
export type PurchaseKind = (typeof PURCHASE_KINDS)[number]

/**
 * One attempt of a customer to buy a tariff plan. Created `pending` by the
 * purchase workflow, then `completed` (paid and granted) or `failed` with a
 * `failure_reason` (card_declined, insufficient_funds, gateway_error, ...).
 * The plan's terms are copied so later edits of the plan don't rewrite history.
 * Amounts are in major units of `currency_code`; `original_amount` is the
 * plan's price, `total` = original − credit − discount.
 */
export const Purchase = model
  .define("purchase", {
    id: model.id({ prefix: "pur" }).primaryKey(),
    customer_id: model.text(),
    product_id: model.text(),
    variant_id: model.text(),
    interval: model.enum(["day", "month", "year"]),
    interval_count: model.number(),
    status: model.enum([...PURCHASE_STATUSES]).default("pending"),
    kind: model.enum([...PURCHASE_KINDS]).default("new"),
    /** the period this charge pays for */
    period_start: model.dateTime().nullable(),
    period_end: model.dateTime().nullable(),
    /** an upgrade: the unused part of the old period, deducted before the promo code */
    credit_amount: model.bigNumber().nullable(),
    original_amount: model.bigNumber(),
    discount_amount: model.bigNumber(),
    total: model.bigNumber(),
    currency_code: model.text(),
    promocode: model.text().nullable(),
    promocode_usage_id: model.text().nullable(),
    payment_collection_id: model.text().nullable(),
    payment_id: model.text().nullable(),
    failure_reason: model.text().nullable(),
    idempotency_key: model.text().nullable(),
    subscription_id: model.text().nullable(),
    order_id: model.text().nullable(),
    completed_at: model.dateTime().nullable(),
  })
  .indexes([
    {
      name: "IDX_purchase_customer_idempotency_key_unique",
      on: ["customer_id", "idempotency_key"],
      unique: true,
      where: "idempotency_key IS NOT NULL",
    },
    {
      name: "IDX_purchase_customer_id_created_at",
      on: ["customer_id", "created_at"],
    },
    {
      name: "IDX_purchase_status",
      on: ["status"],
    },
    {
      // one renewal charge per (subscription, period start); failed attempts don't count
      name: "IDX_purchase_renewal_once_per_period",
      on: ["subscription_id", "period_start"],
      unique: true,
      where: "kind = 'renewal' AND status <> 'failed'",
    },
    {
      name: "IDX_purchase_promocode",
      on: ["promocode"],
      where: "promocode IS NOT NULL",
    },
  ])
