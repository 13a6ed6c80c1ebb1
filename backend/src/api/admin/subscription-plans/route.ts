import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AdminListPlansType } from "../validators"

/** The plan terms of the given variants (variants without terms are left out). */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, AdminListPlansType>,
  res: MedusaResponse
) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "subscription_plan.*"],
    filters: { id: req.validatedQuery.variant_id },
  })
  const plans = variants
    .filter((v) => v.subscription_plan)
    .map((v) => ({
      id: v.subscription_plan!.id,
      variant_id: v.id,
      interval: v.subscription_plan!.interval,
      interval_count: v.subscription_plan!.interval_count,
      trial_days: v.subscription_plan!.trial_days,
    }))
  res.json({ plans })
}
