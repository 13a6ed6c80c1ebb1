import type { MedusaContainer } from "@medusajs/framework/types"
import seed, { SeedSummary } from "../../src/scripts/seed"

export type SeededApp = SeedSummary & {
  storeHeaders: (extra?: Record<string, string>) => { headers: Record<string, string> }
}

/** Runs the demo seed inside the test app and returns its logins and keys. */
export async function seedDemo(container: MedusaContainer): Promise<SeededApp> {
  const summary = await seed({ container, args: [] })
  return {
    ...summary,
    storeHeaders: (extra = {}) => ({
      headers: { "x-publishable-api-key": summary.publishable_key, ...extra },
    }),
  }
}
