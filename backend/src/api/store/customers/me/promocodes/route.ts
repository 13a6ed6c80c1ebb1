import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PROMOCODE_MODULE, type PromocodeModuleService } from "../../../../../modules/promocode"

/**
 * Codes an admin assigned to the signed-in customer's account, newest first;
 * "used" once the customer has redeemed the code, else "available".
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const customerId = req.auth_context.actor_id
  const promocodes = req.scope.resolve<PromocodeModuleService>(PROMOCODE_MODULE)
  const assignments = await promocodes.listPromocodeJournals(
    { customer_id: customerId, action: "assigned" },
    { order: { created_at: "DESC" }, take: 100 }
  )
  const ids = [...new Set(assignments.map((a) => a.promocode_id).filter((id): id is string => !!id))]
  if (!ids.length) {
    return res.json({ promocodes: [] })
  }
  const [codes, redeemed] = await Promise.all([
    promocodes.listPromocodes({ id: ids }),
    promocodes.listPromocodeUsages(
      { promocode_id: ids, customer_id: customerId, status: "redeemed" },
      { select: ["promocode_id"] }
    ),
  ])
  const used = new Set(redeemed.map((u) => u.promocode_id))
  const byId = new Map(codes.map((c) => [c.id, c]))
  res.json({
    promocodes: ids
      .filter((id) => byId.has(id))
      .map((id) => {
        const code = byId.get(id)!
        return {
          code: code.code,
          type: code.type,
          value: code.value == null ? null : Number(code.value),
          currency_code: code.currency_code ?? null,
          free_days: code.free_days ?? null,
          ends_at: code.ends_at ?? null,
          description: code.description ?? null,
          assigned_at: assignments.find((a) => a.promocode_id === id)!.created_at,
          status: used.has(id) ? "used" : "available",
        }
      }),
  })
}
