// The capacity bench's virtual shoppers: our journey and Medusa's checkout
// journey, each step a request through the open-loop driver's context, with
// seeded think times and branch shares (bench/capacity.mjs runs them).
import { BUY_SHARE, MEDUSA_CODE, OUR_CODE, PASSWORD, SEED, THINK_MEAN_S, WRONG_CODE_SHARE } from "./capacity-config.mjs"
import { journeyRandom } from "./open-loop.mjs"

export function customerPool(emails) {
  const free = [...emails.keys()]
  return {
    take() {
      if (!free.length) throw new Error(`all ${emails.length} customers are in a journey (the driver's pool is too small for this rate)`)
      const i = free.shift()
      return { i, email: emails[i] }
    },
    release(c) {
      free.push(c.i)
    },
  }
}

const pause = (r) => THINK_MEAN_S * (0.5 + r())

/**
 * Whether journey i takes a branch of the given share: in every block of ten
 * consecutive journeys exactly share × 10 do, in a seeded order, so even a
 * short step at a low rate has its share of purchases and wrong codes.
 */
function shareOf(seed, i, share, salt) {
  const block = Math.floor(i / 10)
  const r = journeyRandom(seed * 31 + salt, block)
  const order = Array.from({ length: 10 }, (_, k) => k)
  for (let k = 9; k > 0; k--) {
    const j = Math.floor(r() * (k + 1))
    ;[order[k], order[j]] = [order[j], order[k]]
  }
  return order[i % 10] < Math.round(share * 10)
}

/** Our shopper: tariffs → sign in → preview (a share with a wrong code) → purchase (a share) → account. */
export function ourJourney({ seed, variantId, tag, customers, phase }) {
  const key = { "x-publishable-api-key": seed.publishable_key }
  return async (ctx, i) => {
    const r = journeyRandom(SEED, i)
    const wrongCode = shareOf(SEED, i, WRONG_CODE_SHARE, 1)
    const buys = shareOf(SEED, i, BUY_SHARE, 2)
    const accountPath = shareOf(SEED, i, 0.5, 3) ? "/store/subscriptions" : "/store/purchases"
    const thinks = [pause(r), pause(r), pause(r), pause(r)]
    const customer = customers.take()
    try {
      await ctx.step("tariffs", "GET", "/store/tariffs", { headers: key }, (a) => a.status === 200 && a.body.tariffs.length > 0)
      await ctx.think(thinks[0])
      const { token } = await ctx.step(
        "sign in",
        "POST",
        "/auth/customer/emailpass",
        { headers: key, body: { email: customer.email, password: PASSWORD } },
        (a) => a.status === 200 && typeof a.body.token === "string"
      )
      const auth = { ...key, authorization: `Bearer ${token}` }
      await ctx.think(thinks[1])
      const code = wrongCode ? `NOSUCH${i.toString(36).toUpperCase()}X` : OUR_CODE
      await ctx.step(
        wrongCode ? "preview (wrong code)" : "preview",
        "POST",
        "/store/purchases/preview",
        { headers: auth, body: { variant_id: variantId, promocode: code } },
        (a) =>
          wrongCode
            ? a.status >= 400 && a.status < 500 && a.status !== 429 && String(a.body?.code).startsWith("PROMOCODE")
            : a.status === 200 && a.body.preview.promocode?.code === OUR_CODE
      )
      if (buys) {
        await ctx.think(thinks[2])
        await ctx.step(
          "purchase",
          "POST",
          "/store/purchases",
          {
            headers: { ...auth, "idempotency-key": `cap-${tag}-${phase}-${i}` },
            body: { variant_id: variantId, ...(wrongCode ? {} : { promocode: OUR_CODE }), payment: { token: "tok_success" } },
          },
          (a) => a.status === 201 && a.body.purchase.status === "completed"
        )
      }
      await ctx.think(thinks[3])
      await ctx.step("account", "GET", accountPath, { headers: auth }, (a) => a.status === 200)
    } finally {
      customers.release(customer)
    }
  }
}

/** Medusa's guest checkout: cart → line item → promotion → (a share) payment collection, session, complete. */
export function medusaJourney({ seed, variantId, tag, phase, buyShare }) {
  const key = { "x-publishable-api-key": seed.publishable_key }
  return async (ctx, i) => {
    const r = journeyRandom(SEED + 1, i)
    const buys = shareOf(SEED + 1, i, buyShare, 2)
    const thinks = [pause(r), pause(r), pause(r), pause(r), pause(r)]
    const { cart } = await ctx.step(
      "cart",
      "POST",
      "/store/carts",
      { headers: key, body: { region_id: seed.region_ids.rub, email: `shopper-${tag}-${phase}-${i}@bench.local` } },
      (a) => a.status === 200 && Boolean(a.body.cart?.id)
    )
    await ctx.think(thinks[0])
    await ctx.step(
      "line item",
      "POST",
      `/store/carts/${cart.id}/line-items`,
      { headers: key, body: { variant_id: variantId, quantity: 1 } },
      (a) => a.status === 200 && a.body.cart.items.length === 1
    )
    await ctx.think(thinks[1])
    await ctx.step(
      "promotion",
      "POST",
      `/store/carts/${cart.id}/promotions`,
      { headers: key, body: { promo_codes: [MEDUSA_CODE] } },
      (a) => a.status === 200 && a.body.cart.promotions.some((p) => p.code === MEDUSA_CODE)
    )
    if (!buys) return
    await ctx.think(thinks[2])
    const { payment_collection } = await ctx.step(
      "payment collection",
      "POST",
      "/store/payment-collections",
      { headers: key, body: { cart_id: cart.id } },
      (a) => a.status === 200 && Boolean(a.body.payment_collection?.id)
    )
    await ctx.think(thinks[3])
    await ctx.step(
      "payment session",
      "POST",
      `/store/payment-collections/${payment_collection.id}/payment-sessions`,
      { headers: key, body: { provider_id: "pp_system_default" } },
      (a) => a.status === 200
    )
    await ctx.think(thinks[4])
    await ctx.step("complete", "POST", `/store/carts/${cart.id}/complete`, { headers: key }, (a) => a.status === 200 && a.body.type === "order")
  }
}
