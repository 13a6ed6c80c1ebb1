// Data the purchase benchmark needs, prepared through the HTTP API before
// anything is measured: signed-in customers, the promo codes and ready carts.
import path from "node:path"
import { fileURLToPath } from "node:url"
import { BACKEND_DIR } from "../../scripts/lib/app.mjs"
import { run } from "../../scripts/lib/proc.mjs"
import { HttpError, mapLimit } from "./http.mjs"

const HERE = path.dirname(fileURLToPath(import.meta.url))

/**
 * Registers `count` customers the way a storefront does (emailpass register,
 * POST /store/customers, then a token that carries the customer id) and
 * returns their bearer tokens.
 */
export async function registerCustomers(api, { count, tag, password = "bench-password-1", concurrency = 8 }) {
  const indexes = Array.from({ length: count }, (_, i) => i)
  return mapLimit(indexes, concurrency, async (i) => {
    const email = `bench-${tag}-${i}@bench.local`
    const { token: registration } = await api("POST", "/auth/customer/emailpass/register", {
      body: { email, password },
    })
    await api("POST", "/store/customers", { token: registration, body: { email } })
    // The registration token has no customer yet; refreshing it returns one
    // for the new customer (no second password hash, unlike a sign-in).
    const { token } = await api("POST", "/auth/token/refresh", { token: registration })
    return token
  })
}

export async function adminToken(api, admin) {
  const { token } = await api("POST", "/auth/user/emailpass", { body: admin })
  return token
}

/**
 * Our percentage promo code with no usage limit and no per-customer limit,
 * so that every benchmark purchase may use it. Created through the admin API;
 * while that route is missing or refuses, through the promocode module in a
 * `medusa exec` script. Returns how it was created.
 */
export async function createOurPromocode(api, { token, code, databaseUrl, env }) {
  const rules = {
    type: "percentage",
    value: 10,
    usage_limit: null,
    per_customer_limit: null,
    description: "Benchmark: 10% off, unlimited",
  }
  try {
    await api("POST", "/admin/promocodes", { token, body: { code, ...rules } })
    return "POST /admin/promocodes"
  } catch (error) {
    if (!(error instanceof HttpError)) throw error
    await run("npx", ["medusa", "exec", path.join(HERE, "create-promocode.cjs")], {
      cwd: BACKEND_DIR,
      env: { ...env, DATABASE_URL: databaseUrl, BENCH_PROMOCODE: JSON.stringify({ code, ...rules }) },
      quiet: true,
    })
    return `a medusa exec script through the promocode module, as POST /admin/promocodes answered ${error.status} ${error.body.slice(0, 160)}`
  }
}

/** Medusa's own code promotion: 10% off the order, as `standard`, active. */
export async function createMedusaPromotion(api, { token, code }) {
  const { promotions } = await api("GET", `/admin/promotions?code=${encodeURIComponent(code)}`, { token })
  if (promotions.some((p) => p.code === code)) return
  await api("POST", "/admin/promotions", {
    token,
    body: {
      code,
      type: "standard",
      status: "active",
      is_automatic: false,
      application_method: {
        type: "percentage",
        target_type: "order",
        allocation: "across",
        value: 10,
      },
    },
  })
}

/** Carts in the region with the plan as their only line item and an email. */
export async function createCarts(api, { count, tag, regionId, variantId, concurrency = 4 }) {
  const indexes = Array.from({ length: count }, (_, i) => i)
  return mapLimit(indexes, concurrency, async (i) => {
    const { cart } = await api("POST", "/store/carts", {
      body: {
        region_id: regionId,
        email: `cart-${tag}-${i}@bench.local`,
        items: [{ variant_id: variantId, quantity: 1 }],
      },
    })
    if (cart.items?.length !== 1) throw new Error(`cart ${cart.id} was created without its line item`)
    return cart.id
  })
}

export async function applyPromotion(api, cartId, code) {
  const { cart } = await api("POST", `/store/carts/${cartId}/promotions`, {
    body: { promo_codes: [code] },
  })
  if (!(cart.promotions ?? []).some((p) => p.code === code)) {
    throw new Error(`cart ${cartId}: promotion ${code} was not applied`)
  }
}

/**
 * Makes carts ready to complete: the promotion applied (unless it already
 * is), a payment collection and a pp_system_default payment session.
 */
export async function readyCartsForCompletion(api, cartIds, { code, applied, concurrency = 4 }) {
  await mapLimit(cartIds, concurrency, async (cartId) => {
    if (!applied.has(cartId)) await applyPromotion(api, cartId, code)
    const { payment_collection } = await api("POST", "/store/payment-collections", {
      body: { cart_id: cartId },
    })
    await api("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, {
      body: { provider_id: "pp_system_default" },
    })
  })
}
