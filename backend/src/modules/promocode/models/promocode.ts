import { model } from "@medusajs/framework/utils"
import { PromocodeUsage } from "./promocode-usage"
import { PROMOCODE_DURATIONS, PROMOCODE_TYPES } from "../lib/definition"

export { PROMOCODE_TYPES }

/**
 * A promo code and the rules it carries.
 *
 * `code` is stored trimmed and upper-cased; its unique index covers
 * soft-deleted rows too, so a code is never handed out twice.
 * `reserved_count` and `used_count` are maintained by the service under a row
 * lock (the service's update refuses them): `reserved_count` counts
 * reservations currently held, `used_count` counts redemptions.
 * `validated_count` counts shoppers' previews that found the code usable (an
 * atomic increment: a number, not a journal row per checkout page view).
 */
export const Promocode = model
  .define("promocode", {
    id: model.id({ prefix: "promo" }).primaryKey(),
    code: model.text().searchable(),
    type: model.enum([...PROMOCODE_TYPES]),
    // percentage: 0 < value <= 100; fixed: amount off (> 0) in currency_code
    value: model.bigNumber().nullable(),
    currency_code: model.text().nullable(),
    // free_period: number of days of its single variant at price 0
    free_days: model.number().nullable(),
    // restrictions; an empty list means no restriction
    variant_ids: model.json<string[]>().default([]),
    product_ids: model.json<string[]>().default([]),
    customer_ids: model.json<string[]>().default([]),
    starts_at: model.dateTime().nullable(),
    ends_at: model.dateTime().nullable(),
    is_active: model.boolean().default(true),
    // null = unlimited
    usage_limit: model.number().nullable(),
    // null = unlimited
    per_customer_limit: model.number().default(1).nullable(),
    first_purchase_only: model.boolean().default(false),
    description: model.text().searchable().nullable(),
    // how many charges the discount lasts (lib/definition.ts normalizeDuration)
    duration: model.enum([...PROMOCODE_DURATIONS]).default("once"),
    // with `repeating`: the first charge and the next duration_periods - 1 renewals
    duration_periods: model.number().nullable(),
    batch_id: model.text().nullable(),
    reserved_count: model.number().default(0),
    used_count: model.number().default(0),
    validated_count: model.number().default(0),
    usages: model.hasMany(() => PromocodeUsage, { mappedBy: "promocode" }),
  })
  .indexes([
    {
      name: "IDX_promocode_code_unique",
      on: ["code"],
      unique: true,
      // not scoped to deleted_at: a code stays taken after a soft delete, and
      // bulk generation relies on `ON CONFLICT (code)` inferring this index
      where: null,
    },
    // a batch's codes, and the export's keyset pages (batch_id, id > last)
    { name: "IDX_promocode_batch_id_id", on: ["batch_id", "id"] },
    // the admin list's default order (-created_at): the first page of a
    // million codes is read off the end of this index
    { name: "IDX_promocode_created_at_id", on: ["created_at", "id"] },
    // `q` (ILIKE '%text%' on code or description) with pg_trgm. DML cannot
    // name an operator class: the migration creates these with gin_trgm_ops
    // (and the pg_trgm extension); schema diffs compare them by name only.
    { name: "IDX_promocode_code_trgm", on: ["code"], type: "gin" },
    { name: "IDX_promocode_description_trgm", on: ["description"], type: "gin" },
  ])
  .checks([
    {
      name: "promocode_counters_not_negative",
      expression: (columns) =>
        `${columns.reserved_count} >= 0 AND ${columns.used_count} >= 0`,
    },
  ])
