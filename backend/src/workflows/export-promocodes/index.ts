import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createPromocodeExportStep,
  type CreatePromocodeExportInput,
} from "./steps/create-promocode-export"
import {
  writePromocodeExportStep,
  type WritePromocodeExportInput,
} from "./steps/write-promocode-export"

/**
 * Emitted when an export is recorded; its subscriber builds the file. With
 * MEDUSA_WORKER_MODE=server + worker (and Redis) only the worker consumes it,
 * so the CSV is never built on an HTTP server.
 */
export const PROMOCODE_EXPORT_CREATED_EVENT = "promocode-export.created"

/**
 * `POST /admin/promocodes/export`: records the export (`pending`) and emits
 * `promocode-export.created`; returns at once. Poll
 * GET /admin/promocodes/export/:id, then download the file.
 */
export const startPromocodeExportWorkflow = createWorkflow(
  "start-promocode-export",
  (input: CreatePromocodeExportInput) => {
    const created = createPromocodeExportStep(input)
    const event = transform({ created }, ({ created }) => ({ id: created.id }))
    emitEventStep({ eventName: PROMOCODE_EXPORT_CREATED_EVENT, data: event })
    return new WorkflowResponse(created)
  }
)

/**
 * Builds the CSV file of a recorded export through the File Module, in
 * constant memory, saving progress as it goes. Run on the worker by the
 * `promocode-export.created` subscriber.
 */
export const exportPromocodesWorkflow = createWorkflow(
  "export-promocodes",
  (input: WritePromocodeExportInput) => {
    const result = writePromocodeExportStep(input)
    return new WorkflowResponse(result)
  }
)
