import { model } from "@medusajs/framework/utils"

export const EXPORT_STATUSES = ["pending", "running", "completed", "failed"] as const

/**
 * A CSV export of promo codes (one batch's, or every code), built in the
 * background by the worker and stored through Medusa's File Module.
 * `exported` of `total` is the progress; `file_id` names the stored file once
 * the export is `completed`.
 */
export const PromocodeExport = model
  .define("promocode_export", {
    id: model.id({ prefix: "pcexp" }).primaryKey(),
    batch_id: model.text().nullable(),
    status: model.enum([...EXPORT_STATUSES]).default("pending"),
    total: model.number().default(0),
    exported: model.number().default(0),
    file_id: model.text().nullable(),
    filename: model.text(),
    error: model.text().nullable(),
  })
  .indexes([{ name: "IDX_promocode_export_batch_id", on: ["batch_id"] }])
