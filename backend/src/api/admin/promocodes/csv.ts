import type { MedusaResponse } from "@medusajs/framework/http"
import { csvRow } from "../../../lib/csv"

// the cells and rows of every CSV the admin downloads (src/lib/csv.ts)
export { csvCell, csvRow } from "../../../lib/csv"

/**
 * Streams a CSV file: the header row, then each page of rows as it comes,
 * waiting for the client to drain the socket, so a large export never sits in
 * memory. Stops reading when the client goes away.
 */
export async function streamCsv(
  res: MedusaResponse,
  filename: string,
  header: string[],
  pages: AsyncIterable<unknown[][]>
): Promise<void> {
  // the response closes before it is finished only when the client went away
  // (the request's own "close" fires as soon as a GET has been read)
  let closed = false
  res.on("close", () => {
    closed = !res.writableFinished
  })
  res.status(200)
  res.setHeader("content-type", "text/csv; charset=utf-8")
  res.setHeader("content-disposition", `attachment; filename="${filename}"`)
  res.setHeader("cache-control", "no-store")
  res.setHeader("x-content-type-options", "nosniff")
  const write = async (chunk: string) => {
    if (!res.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off("drain", done)
          res.off("close", done)
          resolve()
        }
        res.on("drain", done)
        res.on("close", done)
      })
    }
  }
  await write(csvRow(header))
  try {
    for await (const rows of pages) {
      if (closed) {
        break
      }
      await write(rows.map(csvRow).join(""))
    }
  } catch (error) {
    // the status line is sent: all that is left is to cut the download short,
    // so the client sees a broken transfer rather than a silently short file
    res.destroy(error as Error)
    return
  }
  res.end()
}

/** Rows already in memory (a report's few hundred) as the one page `streamCsv` takes. */
export async function* inOnePage(rows: unknown[][]): AsyncIterable<unknown[][]> {
  yield rows
}
