import { pipeline } from "node:stream/promises"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { promocodeService } from "../../../helpers"

/**
 * The CSV file of a completed export (header row, then one row per code),
 * streamed from the File Module to the admin: the file is read from storage,
 * never built on this server. An export not completed yet is a 400
 * (PROMOCODE_EXPORT_NOT_READY).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const job = await promocodeService(req.scope).retrievePromocodeExport(req.params.id)
  if (job.status !== "completed" || !job.file_id) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Export ${job.id} is ${job.status}; its file is not ready.`,
      "PROMOCODE_EXPORT_NOT_READY"
    )
  }
  const file = await req.scope.resolve(Modules.FILE).getDownloadStream(job.file_id)
  // a file missing from storage (deleted, or on another machine's local disk)
  // is a 404 before anything is sent
  await new Promise<void>((resolve, reject) => {
    file.once("readable", () => resolve())
    file.once("error", () =>
      reject(
        new MedusaError(
          MedusaError.Types.NOT_FOUND,
          `The file of export ${job.id} is missing from storage.`,
          "PROMOCODE_EXPORT_FILE_MISSING"
        )
      )
    )
  })
  res.status(200)
  res.setHeader("content-type", "text/csv; charset=utf-8")
  res.setHeader("content-disposition", `attachment; filename="${job.filename}"`)
  res.setHeader("cache-control", "no-store")
  res.setHeader("x-content-type-options", "nosniff")
  try {
    await pipeline(file, res)
  } catch (error) {
    // the status line is sent: cut the download short so it is seen as broken
    res.destroy(error as Error)
  }
}
