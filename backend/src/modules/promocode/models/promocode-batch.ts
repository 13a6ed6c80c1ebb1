import { model } from "@medusajs/framework/utils"

export const BATCH_STATUSES = [
  "pending",
  "running",
  "completed",
  "failed",
] as const

/**
 * A bulk generation job: `count` codes of `length` random characters after
 * `prefix`, all carrying the same `rules`. `generated` is the progress.
 */
export const PromocodeBatch = model.define("promocode_batch", {
  id: model.id({ prefix: "pcbat" }).primaryKey(),
  count: model.number(),
  generated: model.number().default(0),
  status: model.enum([...BATCH_STATUSES]).default("pending"),
  prefix: model.text().default(""),
  length: model.number().default(8),
  // the rules every generated code carries (same shape as a single code's
  // create input without `code`)
  rules: model.json().nullable(),
  error: model.text().nullable(),
})
