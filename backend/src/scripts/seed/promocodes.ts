import { ExecArgs } from "@medusajs/framework/types"

/**
 * Demo promo codes. Filled in by the promo code module (issue 3); until then
 * the seed creates none.
 */
export async function seedPromocodes(_container: ExecArgs["container"]) {
  return
}
