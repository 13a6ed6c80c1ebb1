import { once } from "node:events"
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
export const EXPORT_PAGE_SIZE = 2000
/**
 * Pause between pages, so an export of a million codes leaves the database
 * and the event loop to the requests that share them (on a server running in
 * `shared` mode, the export runs in the same process as the API).
 */
const PAUSE_MS = Number(process.env.PROMOCODE_EXPORT_PAUSE_MS ?? 5)

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
      const stream = upload.writeStream
      const uploaded = upload.promise
      // a failed upload rejects `uploaded` while pages are still being written
      uploaded.catch(() => undefined)

      await write(stream, csvRow([...EXPORT_COLUMNS]))
      let after: string | null = null
      let exported = 0
      do {
        const page = await promocodes.readExportPage({
          batch_id: job.batch_id ?? null,
          after,
          limit: EXPORT_PAGE_SIZE,
        })
        if (page.rows.length) {
          await write(stream, page.rows.map(csvRow).join(""))
          exported += page.rows.length
          await promocodes.updatePromocodeExports({ id: job.id, exported })
        }
        after = page.next
        if (after && PAUSE_MS > 0) {
          await sleep(PAUSE_MS)
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
