import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { PROMOCODE_BATCH_CREATED_EVENT } from "../../../../../../workflows/generate-promocodes"
import { batchResponse, promocodeService } from "../../../helpers"

/** a running batch silent this long is taken to be stuck (the module's takeover is 60 s) */
const STUCK_MS = 2 * 60 * 1000

/**
 * Resumes a failed (or stuck) batch where it stopped: the batch is queued
 * again (`pending`) and handed to the worker; 202. A completed batch, or one
 * that is being generated right now, is a 400.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const promocodes = promocodeService(req.scope)
  let batch = await promocodes.retrievePromocodeBatch(req.params.id)
  if (batch.status === "completed") {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Batch ${batch.id} is already completed.`,
      "PROMOCODE_BATCH_COMPLETED"
    )
  }
  if (batch.status === "running" && Date.now() - new Date(batch.updated_at).getTime() < STUCK_MS) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Batch ${batch.id} is being generated.`,
      "PROMOCODE_BATCH_RUNNING"
    )
  }
  if (batch.status === "failed") {
    batch = await promocodes.updatePromocodeBatches({ id: batch.id, status: "pending", error: null })
  }
  await req.scope
    .resolve(Modules.EVENT_BUS)
    .emit({ name: PROMOCODE_BATCH_CREATED_EVENT, data: { id: batch.id } })
  res.status(202).json({ batch: batchResponse(batch) })
}
