import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { PROMOCODE_BATCH_CREATED_EVENT } from "../generate-promocodes"
import {
  reopenPromocodeBatchStep,
  type ReopenPromocodeBatchInput,
} from "./steps/reopen-promocode-batch"

/**
 * Resumes a failed, stuck or forgotten generation batch where it stopped: the
 * batch is checked and queued again, and `promocode-batch.created` hands it
 * to the worker, whose generation counts the codes already written. Run by
 * POST /admin/promocodes/batches/:id/resume and by the
 * `promocode-resume-batches` job.
 */
export const resumePromocodeBatchWorkflow = createWorkflow(
  "resume-promocode-batch",
  (input: ReopenPromocodeBatchInput) => {
    const batch = reopenPromocodeBatchStep(input)
    const event = transform({ batch }, ({ batch }) => ({ id: batch.id }))
    emitEventStep({ eventName: PROMOCODE_BATCH_CREATED_EVENT, data: event })
    return new WorkflowResponse(batch)
  }
)
