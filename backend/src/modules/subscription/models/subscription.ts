import { model } from "@medusajs/framework/utils"

export const SUBSCRIPTION_STATUSES = [
  "trialing",
  "active",
  "past_due",
  "canceled",
  "expired",
] as const
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number]

/** Statuses that give access; a customer has at most one subscription in one of them. */
export const LIVE_STATUSES = ["trialing", "active", "past_due"] as const satisfies readonly SubscriptionStatus[]

/**
 * A customer's access to a tariff (see README.md for the lifecycle).
 * `starts_at` is when the subscription began, `ends_at` when access ends (the
 * end of the current period, prepaid periods included). `period_amount` is
 * what the current period was worth when bought (charge + credit), the base of
 * an upgrade's credit and a prorated refund.
 */
export const Subscription = model
  .define("subscription", {
    id: model.id({ prefix: "sub" }).primaryKey(),
    customer_id: model.text(),
    product_id: model.text(),
    variant_id: model.text(),
    status: model.enum([...SUBSCRIPTION_STATUSES]).default("active"),
    is_trial: model.boolean().default(false),
    starts_at: model.dateTime(),
    ends_at: model.dateTime(),
    current_period_start: model.dateTime(),
    period_amount: model.bigNumber().nullable(),
    currency_code: model.text().nullable(),
    cancel_at_period_end: model.boolean().default(false),
    canceled_at: model.dateTime().nullable(),
    pending_variant_id: model.text().nullable(),
    /** the saved card `{ id, brand, last4 }`; set by renewals (a later issue) */
    payment_method: model.json().nullable(),
    last_purchase_id: model.text().nullable(),
    // Renewals (see src/workflows/renew-subscription)
    /** renew at the period end with the saved card */
    auto_renew: model.boolean().default(false),
    /** the Trial: the paid plan it converts to (null: the cheapest monthly plan) */
    convert_to_variant_id: model.text().nullable(),
    /** the Payment Module account holder the card is saved on */
    account_holder_id: model.text().nullable(),
    /** off-session charges made on the saved card so far */
    payment_method_charges: model.number().default(0),
    /** past_due: the start of the period being renewed (the old period end) */
    renewal_period_start: model.dateTime().nullable(),
    /** past_due: declined attempts for that period, and when the next one is due */
    renewal_attempts: model.number().default(0),
    next_attempt_at: model.dateTime().nullable(),
    /**
     * A promo code whose discount continues on renewals (duration `repeating`
     * or `forever`): `{ promocode_id, code, type, value, currency_code }` as it
     * was when bought; null when no discount continues
     */
    renewal_discount: model.json().nullable(),
    /** renewals the discount still applies to; null with a discount: forever */
    renewal_discounts_left: model.number().nullable(),
  })
  .indexes([
    {
      name: "IDX_subscription_customer_id_status",
      on: ["customer_id", "status"],
    },
    {
      name: "IDX_subscription_status_ends_at",
      on: ["status", "ends_at"],
    },
    {
      name: "IDX_subscription_renewal_due",
      on: ["status", "ends_at", "next_attempt_at"],
      where: "auto_renew = true",
    },
    {
      name: "IDX_subscription_one_live_per_customer",
      on: ["customer_id"],
      unique: true,
      where: "status IN ('trialing', 'active', 'past_due')",
    },
  ])
