import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { httpRequestDuration } from "./registry"

/**
 * Times every request and records it under its route template
 * (`/store/purchases/:id`, as Medusa registered it), never the raw path, so
 * ids in URLs do not make a series each. Requests no route matched count as
 * `unmatched`.
 */
export function httpMetricsMiddleware(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const started = process.hrtime.bigint()
  res.once("finish", () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    httpRequestDuration.observe(
      { method: req.method, route: routeTemplate(req), status: String(res.statusCode) },
      seconds
    )
  })
  next()
}

function routeTemplate(req: MedusaRequest): string {
  const path = (req as { route?: { path?: unknown } }).route?.path
  if (typeof path === "string") {
    return `${req.baseUrl ?? ""}${path}`
  }
  return "unmatched"
}
