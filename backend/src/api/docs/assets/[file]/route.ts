import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { referenceAsset } from "../../../openapi/reference-page"

/** The reference page's script and styles, from the installed swagger-ui-dist. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const asset = referenceAsset(req.params.file)
  if (!asset) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No such file: ${req.params.file}`)
  }
  res.set("cache-control", "public, max-age=3600").type(asset.contentType).send(asset.body)
}
