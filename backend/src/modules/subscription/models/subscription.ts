import { model } from "@medusajs/framework/utils"

export const SUBSCRIPTION_STATUSES = ["active", "expired", "replaced"] as const
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number]

/**
 * A customer's access to a tariff (product) from `starts_at` to `ends_at`.
 * At most one subscription per customer is `active` (unique partial index);
 * buying the same tariff extends it, buying another one `replaced` it, and a
 * job marks it `expired` once `ends_at` has passed.
 */
export const Subscription = model
  .define("subscription", {
    id: model.id({ prefix: "sub" }).primaryKey(),
    customer_id: model.text(),
    product_id: model.text(),
    variant_id: model.text(),
    status: model.enum([...SUBSCRIPTION_STATUSES]).default("active"),
    starts_at: model.dateTime(),
    ends_at: model.dateTime(),
    last_purchase_id: model.text().nullable(),
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
      name: "IDX_subscription_one_active_per_customer",
      on: ["customer_id"],
      unique: true,
      where: "status = 'active'",
    },
  ])
