import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createPromocodeWorkflow } from "../../../workflows/create-promocode"
import { promocodeResponse, promocodeService } from "./helpers"
import type { AdminCreatePromocodeType, AdminListPromocodesParamsType } from "./validators"

/**
 * Promo codes matching `q` (substring of code or description), any of the
 * statuses, a type and a batch; sorted by `order`, paged by limit / offset.
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, AdminListPromocodesParamsType>,
  res: MedusaResponse
) {
  const { q, status, type, batch_id, order, limit, offset } = req.validatedQuery
  const now = new Date()
  const { promocodes, count } = await promocodeService(req.scope).searchPromocodes(
    {
      q: q || null,
      status: status ?? null,
      type: type ?? null,
      batch_id: batch_id ?? null,
    },
    { limit, offset, order, now }
  )
  res.json({
    promocodes: promocodes.map((p) => promocodeResponse(p, now)),
    count,
    limit,
    offset,
  })
}

/** Creates one code; a missing `code` is generated. */
export async function POST(
  req: AuthenticatedMedusaRequest<AdminCreatePromocodeType>,
  res: MedusaResponse
) {
  const { code, ...rules } = req.validatedBody
  const { result } = await createPromocodeWorkflow(req.scope).run({
    input: { ...rules, code: code ?? null },
  })
  res.status(201).json({ promocode: promocodeResponse(result) })
}
