import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { PromocodeModuleService } from "../../../../modules/promocode"
import { streamCsv } from "../csv"
import { promocodeService } from "../helpers"
import type { AdminExportPromocodesParamsType } from "../validators"

/** rows read per query while exporting */
const EXPORT_PAGE_SIZE = 5000

export const EXPORT_COLUMNS = [
  "code",
  "type",
  "value",
  "currency_code",
  "free_days",
  "starts_at",
  "ends_at",
  "usage_limit",
  "per_customer_limit",
] as const

/**
 * The codes of a batch (or every code) as a CSV download, streamed page by
 * page with keyset pagination on id: a million codes never sit in memory and
 * each page is an index range scan, not an OFFSET that rescans what was sent.
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, AdminExportPromocodesParamsType>,
  res: MedusaResponse
) {
  const { batch_id } = req.validatedQuery
  const promocodes = promocodeService(req.scope)
  if (batch_id) {
    // 404 for an unknown batch, before the download starts
    await promocodes.retrievePromocodeBatch(batch_id, { select: ["id"] })
  }
  const filename = `promocodes-${batch_id ?? "all"}.csv`.replace(/[^A-Za-z0-9_.-]/g, "_")
  await streamCsv(res, filename, [...EXPORT_COLUMNS], pages(promocodes, batch_id))
}

async function* pages(
  promocodes: PromocodeModuleService,
  batchId: string | undefined
): AsyncGenerator<unknown[][]> {
  let after: string | null = null
  for (;;) {
    const rows = await promocodes.listPromocodes(
      {
        ...(batchId ? { batch_id: batchId } : {}),
        ...(after ? { id: { $gt: after } } : {}),
      },
      {
        select: ["id", ...EXPORT_COLUMNS],
        take: EXPORT_PAGE_SIZE,
        order: { id: "ASC" },
      }
    )
    if (!rows.length) {
      return
    }
    yield rows.map((row) => [
      row.code,
      row.type,
      row.value == null ? null : Number(row.value),
      row.currency_code,
      row.free_days,
      row.starts_at,
      row.ends_at,
      row.usage_limit,
      row.per_customer_limit,
    ])
    if (rows.length < EXPORT_PAGE_SIZE) {
      return
    }
    after = rows[rows.length - 1].id
  }
}
