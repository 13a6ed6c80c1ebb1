import { once } from "node:events"
import { performance } from "node:perf_hooks"
import { setTimeout as sleep } from "node:timers/promises"
import type { Writable } from "node:stream"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { csvRow } from "../../../lib/csv"
import {
  EXPORT_COLUMNS,
  PROMOCODE_MODULE,
  type PromocodeExportDTO,
  type PromocodeModuleService,
} from "../../../modules/promocode"

/** codes read per keyset page (one indexed range scan each) */
export const EXPORT_PAGE_SIZE = 1000
/**
 * After each page the export rests at least as long as the page took (and
 * PROMOCODE_EXPORT_PAUSE_MS, 5 ms by default): it takes at most about half of
 * the time of the event loop and of its database connection, however busy
 * the machine is, and leaves the rest to the requests that share them (with
 * MEDUSA_WORKER_MODE=shared the export runs in the process that answers the
 * API).
 */
const PAUSE_MS = Number(process.env.PROMOCODE_EXPORT_PAUSE_MS ?? 5)
/** progress is saved at most this often */
const PROGRESS_EVERY_MS = 500

async function write(stream: Writable, chunk: string): Promise<void> {
  if (!stream.write(chunk)) {
    await once(stream, "drain")
  }
}

export type WritePromocodeExportInput = { export_id: string }

/**
 * Builds the CSV of an export in constant memory: keyset pages of codes are
 * turned into rows and written straight into a File Module upload stream
 * (`getUploadStream`, the local provider by default), waiting for the stream
 * to drain; `exported` is saved after every page for the admin's progress
 * bar. On success the export is `completed` with its `file_id`; on failure it
 * is `failed` with the error and the partial file is deleted.
 *
 * An export another runner has claimed (a duplicate event) is left to it.
 * No compensation: nothing is left to undo once the step has thrown.
 */
export const writePromocodeExportStep = createStep(
  "write-promocode-export",
  async (input: WritePromocodeExportInput, { container }) => {
    const promocodes = container.resolve<PromocodeModuleService>(PROMOCODE_MODULE)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    if (!(await promocodes.claimExport(input.export_id))) {
      logger.info(`promo code export ${input.export_id} is not pending: left as it is`)
      return new StepResponse(await promocodes.retrievePromocodeExport(input.export_id))
    }
    const job: PromocodeExportDTO = await promocodes.retrievePromocodeExport(input.export_id)
    const files = container.resolve(Modules.FILE)
    const started = Date.now()
    let fileKey: string | null = null
    try {
      const total = await promocodes.countExportRows(job.batch_id ?? null)
      await promocodes.updatePromocodeExports({ id: job.id, total })
      const upload = await files.getUploadStream({
        // the export id makes the stored name unguessable
        filename: `${job.id}-${job.filename}`,
        mimeType: "text/csv",
        access: "private",
      })
      fileKey = upload.fileKey
      // recorded now, so that a runner that dies leaves a file the resume job can delete
      await promocodes.updatePromocodeExports({ id: job.id, file_id: fileKey })
      const stream = upload.writeStream
      const uploaded = upload.promise
      // a failed upload rejects `uploaded` while pages are still being written
      uploaded.catch(() => undefined)

      await write(stream, csvRow([...EXPORT_COLUMNS]))
      let after: string | null = null
      let exported = 0
      let savedAt = Date.now()
      do {
        const pageStarted = performance.now()
        const page = await promocodes.readExportPage({
          batch_id: job.batch_id ?? null,
          after,
          limit: EXPORT_PAGE_SIZE,
        })
        if (page.rows.length) {
          await write(stream, page.rows.map(csvRow).join(""))
          exported += page.rows.length
          if (Date.now() - savedAt >= PROGRESS_EVERY_MS) {
            await promocodes.updatePromocodeExports({ id: job.id, exported })
            savedAt = Date.now()
          }
        }
        after = page.next
        if (after) {
          await sleep(Math.max(PAUSE_MS, performance.now() - pageStarted))
        }
      } while (after)
      stream.end()
      await uploaded

      const done: PromocodeExportDTO = await promocodes.updatePromocodeExports({
        id: job.id,
        status: "completed",
        file_id: fileKey,
        // codes deleted or added while the export ran
        total: exported,
        exported,
      })
      logger.info(
        `promo code export ${job.id}: ${exported} codes in ` +
          `${((Date.now() - started) / 1000).toFixed(1)} s`
      )
      return new StepResponse(done)
    } catch (error) {
      if (fileKey) {
        await files.deleteFiles(fileKey).catch(() => undefined)
      }
      const message = error instanceof Error ? error.message : "Unknown export error"
      await promocodes.updatePromocodeExports({
        id: job.id,
        status: "failed",
        error: message.slice(0, 2000),
      })
      throw error
    }
  }
)
