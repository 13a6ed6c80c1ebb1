import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { promocodeService } from "../../helpers"
import { exportResponse } from "../response"

/** One export: status, exported / total and progress (0..1), its download_url when ready. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const job = await promocodeService(req.scope).retrievePromocodeExport(req.params.id)
  res.json({ export: exportResponse(job) })
}
