import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REFERENCE_PAGE } from "../openapi/reference-page"

/** The API reference page; outside /store and /admin, so no key and no sign-in. */
export async function GET(_req: MedusaRequest, res: MedusaResponse) {
  res.type("html").send(REFERENCE_PAGE)
}
