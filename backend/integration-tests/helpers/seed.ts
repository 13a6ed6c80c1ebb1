import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import seed, { SeedSummary } from "../../src/scripts/seed"
import { signIn, type Api } from "./auth"

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

/** Milliseconds, for the test clock's `as_of` moments. */
export const MINUTE = 60_000
export const DAY = 86_400_000
/** The moment `ms` after `from`, as ISO. */
export const at = (from: string | Date, ms: number) => new Date(new Date(from).getTime() + ms).toISOString()

/**
 * The demo shop seeded once for the file and its admin signed in before each
 * test. The objects returned are filled in by those hooks (use them inside
 * tests, not at collection time): `app` the seed's logins and keys, `admin`
 * request options with the admin's bearer token, `variants` the plan ids.
 */
export function useSeededShop(api: Api, getContainer: () => MedusaContainer) {
  const app = {} as SeededApp
  const admin: { headers: Record<string, string> } = { headers: {} }
  const variants: Record<string, string> = {}
  beforeAll(async () => {
    Object.assign(app, await seedDemo(getContainer()))
    Object.assign(variants, app.variants)
  })
  beforeEach(async () => {
    const token = await signIn(api, "user", app.admin.email, app.admin.password)
    admin.headers = { authorization: `Bearer ${token}` }
  })
  return { app, admin, variants }
}
