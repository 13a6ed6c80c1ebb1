import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { startPromocodeGenerationWorkflow } from "../../../../workflows/generate-promocodes"
import { batchResponse } from "../helpers"
import type { AdminGeneratePromocodesType } from "../validators"

/**
 * Starts the generation of `count` unique codes sharing the given rules: the
 * batch is recorded and 202 answered at once; the codes are generated in the
 * background (on the worker). Poll GET /admin/promocodes/batches/:id.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<AdminGeneratePromocodesType>,
  res: MedusaResponse
) {
  const { count, prefix, length, ...rules } = req.validatedBody
  const { result } = await startPromocodeGenerationWorkflow(req.scope).run({
    input: {
      count,
      prefix: prefix ?? "",
      length: length ?? null,
      rules,
    },
  })
  res.status(202).json({ batch: batchResponse(result) })
}
