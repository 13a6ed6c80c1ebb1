import {
  authenticate,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"

const verify = authenticate("customer", ["session", "bearer"])

/**
 * `authenticate("customer", ["session", "bearer"])` for our store routes,
 * without checking the token a second time: Medusa's own store middleware has
 * already run the same check on every /store request (letting anonymous
 * requests through), so a customer's auth context found on the request is
 * used as is. Anything else (no context, another actor, a context that asks
 * for MFA) goes through Medusa's check, which answers 401 as before.
 */
export function customerOnly(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const auth = (req as { auth_context?: Record<string, unknown> }).auth_context
  if (auth?.actor_type === "customer" && typeof auth.actor_id === "string" && auth.actor_id && !auth.mfa_enabled) {
    return next()
  }
  return verify(req, res, next)
}
