import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { startPromocodeExportWorkflow } from "../../../../workflows/export-promocodes"
import { promocodeService } from "../helpers"
import type { AdminExportPromocodesParamsType } from "../validators"
import { exportResponse } from "./response"

/** how many recent exports the list shows */
const RECENT_EXPORTS = 20

/**
 * The most recent exports (of one batch with `batch_id`), newest first: what
 * the admin shows after a page reload.
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, AdminExportPromocodesParamsType>,
  res: MedusaResponse
) {
  const { batch_id } = req.validatedQuery
  const exports = await promocodeService(req.scope).listPromocodeExports(
    batch_id ? { batch_id } : {},
    { take: RECENT_EXPORTS, order: { created_at: "DESC", id: "DESC" } }
  )
  res.json({ exports: exports.map(exportResponse) })
}

/**
 * Starts a CSV export of a batch's codes (`batch_id`) or of every code: the
 * export is recorded and 202 answered at once; the worker writes the file in
 * the background. Poll GET /admin/promocodes/export/:id until `completed`,
 * then GET its `download_url`. An unknown batch is a 404.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<AdminExportPromocodesParamsType>,
  res: MedusaResponse
) {
  const { result } = await startPromocodeExportWorkflow(req.scope).run({
    input: { batch_id: req.validatedBody.batch_id ?? null },
  })
  res.status(202).json({ export: exportResponse(result) })
}
