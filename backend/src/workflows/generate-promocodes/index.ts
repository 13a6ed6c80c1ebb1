import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createPromocodeBatchStep,
  type CreatePromocodeBatchInput,
} from "./steps/create-promocode-batch"
import { generatePromocodeBatchStep } from "./steps/generate-promocode-batch"

/**
 * Emitted when a batch is recorded; its subscriber runs the generation. With
 * MEDUSA_WORKER_MODE=server + worker (and Redis) the event is queued and
 * consumed by the worker only, so generation never runs on an HTTP server.
 */
export const PROMOCODE_BATCH_CREATED_EVENT = "promocode-batch.created"

export type StartPromocodeGenerationInput = CreatePromocodeBatchInput

/**
 * `POST /admin/promocodes/generate`: checks the request, records the batch
 * (`pending`) and emits `promocode-batch.created`. Returns at once; the codes
 * are generated in the background by `generate-promocodes`.
 */
export const startPromocodeGenerationWorkflow = createWorkflow(
  "start-promocode-generation",
  (input: StartPromocodeGenerationInput) => {
    const batch = createPromocodeBatchStep(input)
    const event = transform({ batch }, ({ batch }) => ({ id: batch.id }))
    emitEventStep({ eventName: PROMOCODE_BATCH_CREATED_EVENT, data: event })
    return new WorkflowResponse(batch)
  }
)

export type GeneratePromocodesInput = { batch_id: string }

/**
 * Generates (or resumes) the codes of a recorded batch. Run by the
 * `promocode-batch.created` subscriber and the resume job, on the worker.
 */
export const generatePromocodesWorkflow = createWorkflow(
  "generate-promocodes",
  (input: GeneratePromocodesInput) => {
    const batch = generatePromocodeBatchStep({ batch_id: input.batch_id })
    return new WorkflowResponse(batch)
  }
)
