import { createHash, timingSafeEqual } from "node:crypto"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { refreshJobLag, registry } from "../../lib/metrics"

/**
 * Prometheus metrics of this process (README "Metrics"). Off (404) unless
 * METRICS_TOKEN is set; then it needs `Authorization: Bearer <METRICS_TOKEN>`.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const token = process.env.METRICS_TOKEN
  if (!token) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "Metrics are off (METRICS_TOKEN is unset)")
  }
  const given = /^Bearer (.+)$/i.exec(req.get("authorization") ?? "")?.[1] ?? ""
  if (!sameSecret(given, token)) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized", "METRICS_UNAUTHORIZED")
  }
  await refreshJobLag(req.scope)
  res.setHeader("content-type", registry.contentType)
  res.send(await registry.metrics())
}

/** Compares in constant time (digests, so the lengths match). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest()
  return timingSafeEqual(digest(given), digest(expected))
}
