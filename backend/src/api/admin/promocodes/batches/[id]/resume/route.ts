import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resumePromocodeBatchWorkflow } from "../../../../../../workflows/resume-promocode-batch"
import { batchResponse } from "../../../helpers"

/**
 * Resumes a failed (or stuck) batch where it stopped: the batch is queued
 * again (`pending`) and handed to the worker; 202. A completed batch, or one
 * that is being generated right now, is a 400.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await resumePromocodeBatchWorkflow(req.scope).run({
    input: { batch_id: req.params.id },
  })
  res.status(202).json({ batch: batchResponse(result) })
}
