import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import seed, { SeedSummary } from "../../src/scripts/seed"

export type SeededApp = SeedSummary & {
  /** plan variant ids by "<tariff handle>:<interval>", e.g. "standard:month" */
  variants: Record<string, string>
  storeHeaders: (extra?: Record<string, string>) => { headers: Record<string, string> }
}

/** Runs the demo seed inside the test app and returns its logins and keys. */
export async function seedDemo(container: MedusaContainer): Promise<SeededApp> {
  const summary = await seed({ container, args: [] })
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "product_variant",
    fields: ["id", "product.handle", "subscription_plan.interval"],
  })
  const variants: Record<string, string> = {}
  for (const v of data) {
    if (v.product && v.subscription_plan) {
      variants[`${v.product.handle}:${v.subscription_plan.interval}`] = v.id
    }
  }
  return {
    ...summary,
    variants,
    storeHeaders: (extra = {}) => ({
      headers: { "x-publishable-api-key": summary.publishable_key, ...extra },
    }),
  }
}
