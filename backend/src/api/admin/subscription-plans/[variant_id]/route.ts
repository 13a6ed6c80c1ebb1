import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { forgetCachedCatalog } from "../../../../lib/ttl-cache"
import { upsertSubscriptionPlanWorkflow } from "../../../../workflows/upsert-subscription-plan"
import type { AdminUpsertPlanType } from "../../validators"

/** Sets the plan terms of a tariff variant (creates them when it has none). */
export async function POST(
  req: AuthenticatedMedusaRequest<AdminUpsertPlanType>,
  res: MedusaResponse
) {
  const { result: plan } = await upsertSubscriptionPlanWorkflow(req.scope).run({
    input: { variant_id: req.params.variant_id, ...req.validatedBody },
  })
  // the store's tariff list and plans show the new terms at once (other processes within the cache's TTL)
  forgetCachedCatalog()
  res.json({
    plan: {
      id: plan.id,
      variant_id: req.params.variant_id,
      interval: plan.interval,
      interval_count: plan.interval_count,
      trial_days: plan.trial_days,
    },
  })
}
