import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { openApiDocument } from "../../openapi/document"

/** The OpenAPI 3.1 document of our routes, generated from the registry. */
export async function GET(_req: MedusaRequest, res: MedusaResponse) {
  res.json(openApiDocument())
}
