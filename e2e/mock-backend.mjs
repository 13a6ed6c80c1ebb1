#!/usr/bin/env node
// A stand-in for the Medusa backend, for developing the storefront without Postgres:
// `node e2e/mock-backend.mjs` (PORT, default 9100). It serves DESIGN.md's store contract
// with state kept in memory (lost on restart):
//
//   GET  /store/regions, /store/tariffs[?region_id=]       the seed's catalogue
//   POST /auth/customer/emailpass/register                 401 "Identity with email already exists"
//   POST /auth/customer/emailpass                          401 "Invalid email or password"
//   POST /auth/token/refresh                               a new token for a valid one
//   POST /store/customers, GET /store/customers/me         (Bearer)
//   POST /store/purchases/preview, POST /store/purchases   (Bearer; Idempotency-Key replays)
//   GET  /store/purchases, /store/subscriptions, /store/customers/me/promocodes (Bearer)
//   POST /store/subscriptions/:id/cancel, /store/subscriptions/:id/resume   (Bearer)
//
// Subscriptions follow DESIGN.md's lifecycle: the same plan appends a period
// (`extension`), a dearer one starts now with the unused time credited (`upgrade`), a
// cheaper one is scheduled for the period end (`pending_variant_id`, nothing charged), the
// Trial once and never after a paid plan (TRIAL_NOT_AVAILABLE); no renewal.
//
// Demo data: viewer@cinema.local / viewer12345 (with two assigned codes). Promo codes:
// WELCOME100 (100 RUB off, once per customer), SALE10 (10 %), FREEMONTH (Standard monthly
// for free), EXPIRED2024, USEDUP, SOON (not started), OFF (inactive), VIPONLY (not for
// you), FIRSTONLY (first purchase only). Test cards: tok_success, tok_declined,
// tok_insufficient_funds, tok_error. Error messages follow Accept-Language (ru, en).
//
// Switches: MOCK_TARIFFS=empty|error, MOCK_DELAY_MS (every answer), MOCK_PURCHASE_DELAY_MS
// (purchases only, to see the progress state), MOCK_TOKEN_TTL_S (token lifetime, default a
// day; short values exercise the refresh), MOCK_LOSE_FIRST_ANSWER=1 (the first answer for
// every Idempotency-Key is a 503 after the purchase was made: a retry with the same key
// gets the stored result). An email containing "+fail@" makes auth answer 500.
// The real e2e run (`make test`) uses the real backend, not this file.
import { createHmac, randomBytes } from "node:crypto"
import http from "node:http"

const PORT = Number(process.env.PORT ?? 9100)
const MODE = process.env.MOCK_TARIFFS ?? "seed"
const DELAY_MS = Number(process.env.MOCK_DELAY_MS ?? 0)
const PURCHASE_DELAY_MS = Number(process.env.MOCK_PURCHASE_DELAY_MS ?? 0)
const TOKEN_TTL_S = Number(process.env.MOCK_TOKEN_TTL_S ?? 24 * 60 * 60)
const LOSE_FIRST_ANSWER = process.env.MOCK_LOSE_FIRST_ANSWER === "1"
const JWT_SECRET = "mock-backend-only"
const DAY_MS = 24 * 60 * 60 * 1000

// ── Catalogue ──────────────────────────────────────────────────────────────────────────

const REGIONS = [
  { id: "reg_mock_rub", name: "Россия", currency_code: "rub", countries: [{ iso_2: "ru" }] },
  {
    id: "reg_mock_usd",
    name: "International",
    currency_code: "usd",
    countries: [{ iso_2: "us" }, { iso_2: "gb" }, { iso_2: "de" }],
  },
]
const DEFAULT_REGION = REGIONS[0]

// Mirrors backend/src/scripts/seed/data.ts.
const TARIFFS = [
  {
    id: "prod_mock_trial",
    title: "Trial",
    handle: "trial",
    description: "7 days of the whole catalogue for free.",
    plans: [
      { variant_id: "variant_mock_trial_7d", title: "7 days", interval: "day", interval_count: 7, trial_days: 7, prices: { rub: 0, usd: 0 } },
    ],
  },
  {
    id: "prod_mock_standard",
    title: "Standard",
    handle: "standard",
    description: "Films and series in Full HD on two screens.",
    plans: [
      { variant_id: "variant_mock_standard_1m", title: "Monthly", interval: "month", interval_count: 1, trial_days: 0, prices: { rub: 399, usd: 5 } },
      { variant_id: "variant_mock_standard_1y", title: "Yearly", interval: "year", interval_count: 1, trial_days: 0, prices: { rub: 3990, usd: 50 } },
    ],
  },
  {
    id: "prod_mock_premium",
    title: "Premium",
    handle: "premium",
    description: "Everything in 4K HDR on four screens, premieres included.",
    plans: [
      { variant_id: "variant_mock_premium_1m", title: "Monthly", interval: "month", interval_count: 1, trial_days: 0, prices: { rub: 699, usd: 9 } },
      { variant_id: "variant_mock_premium_1y", title: "Yearly", interval: "year", interval_count: 1, trial_days: 0, prices: { rub: 6990, usd: 90 } },
    ],
  },
]

function tariffsFor(region) {
  return TARIFFS.map(({ plans, ...tariff }) => ({
    ...tariff,
    plans: plans.map(({ prices, ...plan }) => ({
      ...plan,
      price: { amount: prices[region.currency_code], currency_code: region.currency_code },
    })),
  }))
}

function findPlan(variantId) {
  for (const tariff of TARIFFS) {
    const plan = tariff.plans.find((p) => p.variant_id === variantId)
    if (plan) return { tariff, plan }
  }
  return null
}

function planEnd(start, plan) {
  const end = new Date(start)
  if (plan.interval === "day") end.setUTCDate(end.getUTCDate() + plan.interval_count)
  if (plan.interval === "month") end.setUTCMonth(end.getUTCMonth() + plan.interval_count)
  if (plan.interval === "year") end.setUTCFullYear(end.getUTCFullYear() + plan.interval_count)
  return end
}

// ── Promo codes ────────────────────────────────────────────────────────────────────────

const PROMOCODES = {
  WELCOME100: { type: "fixed", value: 100, currency_code: "rub", per_customer_limit: 1 },
  SALE10: { type: "percentage", value: 10 },
  FREEMONTH: { type: "free_period", value: null, free_days: 30, variant_ids: ["variant_mock_standard_1m"] },
  EXPIRED2024: { type: "percentage", value: 20, ends_at: "2024-12-31T23:59:59Z" },
  USEDUP: { type: "percentage", value: 50, usage_limit: 1, used_count: 1 },
  SOON: { type: "percentage", value: 15, starts_at: "2099-01-01T00:00:00Z" },
  OFF: { type: "percentage", value: 15, is_active: false },
  VIPONLY: { type: "percentage", value: 30, customer_emails: ["vip@cinema.local"] },
  FIRSTONLY: { type: "percentage", value: 25, first_purchase_only: true },
}

const MESSAGES = {
  PROMOCODE_NOT_FOUND: { en: "This promo code does not exist.", ru: "Такого промокода не существует." },
  PROMOCODE_INACTIVE: { en: "This promo code is no longer active.", ru: "Этот промокод больше не действует." },
  PROMOCODE_NOT_STARTED: { en: "This promo code is not valid yet.", ru: "Этот промокод ещё не начал действовать." },
  PROMOCODE_EXPIRED: { en: "This promo code has expired.", ru: "Срок действия этого промокода истёк." },
  PROMOCODE_USED_UP: { en: "This promo code has been used the maximum number of times.", ru: "Этот промокод уже использован максимальное число раз." },
  PROMOCODE_ALREADY_USED: { en: "You have already used this promo code.", ru: "Вы уже использовали этот промокод." },
  PROMOCODE_NOT_FOR_CUSTOMER: { en: "This promo code is not available for your account.", ru: "Этот промокод недоступен для вашей учётной записи." },
  PROMOCODE_NOT_APPLICABLE: { en: "This promo code does not apply to the selected plan.", ru: "Этот промокод не применяется к выбранному тарифу." },
  PROMOCODE_FIRST_PURCHASE_ONLY: { en: "This promo code is only valid for a first purchase.", ru: "Этот промокод действует только на первую покупку." },
  PAYMENT_DECLINED: { en: "The payment was declined.", ru: "Платёж отклонён." },
  TRIAL_NOT_AVAILABLE: { en: "The free trial is available once, to new subscribers.", ru: "Пробный период доступен один раз и только новым подписчикам." },
  SUBSCRIPTION_NOT_FOUND: { en: "Subscription not found.", ru: "Подписка не найдена." },
  SUBSCRIPTION_NOT_ACTIVE: { en: "The subscription is not active.", ru: "Подписка не активна." },
}

class ApiError extends Error {
  constructor(status, type, message, code, extra = {}) {
    super(message)
    Object.assign(this, { status, type, code, extra })
  }
}

const promoError = (code) =>
  new ApiError(code === "PROMOCODE_NOT_FOUND" ? 404 : 400, code === "PROMOCODE_NOT_FOUND" ? "not_found" : "invalid_data", null, code)

/** The price of a plan for a customer with an optional code, or a thrown rejection. */
function price(customer, plan, rawCode, region = DEFAULT_REGION) {
  const change = decide(customer, plan, region)
  const original = plan.prices[region.currency_code]
  const currency = region.currency_code
  const chargeable = change.change === "scheduled" ? 0 : original - change.credit
  const code = typeof rawCode === "string" ? rawCode.trim().toUpperCase() : ""
  if (!code || change.change === "scheduled") {
    return { ...change, original, discount: 0, total: chargeable, currency, promocode: null }
  }
  const promo = PROMOCODES[code]
  const now = Date.now()
  if (!promo) throw promoError("PROMOCODE_NOT_FOUND")
  if (promo.is_active === false) throw promoError("PROMOCODE_INACTIVE")
  if (promo.starts_at && Date.parse(promo.starts_at) > now) throw promoError("PROMOCODE_NOT_STARTED")
  if (promo.ends_at && Date.parse(promo.ends_at) < now) throw promoError("PROMOCODE_EXPIRED")
  const used = purchases.filter((p) => p.status === "completed" && p.promocode === code)
  if (promo.usage_limit !== undefined && (promo.used_count ?? 0) + used.length >= promo.usage_limit) {
    throw promoError("PROMOCODE_USED_UP")
  }
  const mine = used.filter((p) => p.customer_id === customer.id)
  if (promo.per_customer_limit !== undefined && mine.length >= promo.per_customer_limit) {
    throw promoError("PROMOCODE_ALREADY_USED")
  }
  if (promo.customer_emails && !promo.customer_emails.includes(customer.email)) {
    throw promoError("PROMOCODE_NOT_FOR_CUSTOMER")
  }
  if (promo.variant_ids && !promo.variant_ids.includes(plan.variant_id)) {
    throw promoError("PROMOCODE_NOT_APPLICABLE")
  }
  if (promo.type === "fixed" && promo.currency_code !== currency) {
    throw promoError("PROMOCODE_NOT_APPLICABLE")
  }
  if (
    promo.first_purchase_only &&
    purchases.some((p) => p.status === "completed" && p.customer_id === customer.id)
  ) {
    throw promoError("PROMOCODE_FIRST_PURCHASE_ONLY")
  }
  let discount = 0
  if (promo.type === "percentage") discount = Math.round(chargeable * promo.value) / 100
  if (promo.type === "fixed") discount = Math.min(chargeable, promo.value)
  if (promo.type === "free_period") discount = chargeable
  return {
    ...change,
    original,
    discount,
    total: Math.round(Math.max(0, chargeable - discount) * 100) / 100,
    currency,
    promocode: { code, type: promo.type, value: promo.value },
  }
}

// ── Accounts and tokens ────────────────────────────────────────────────────────────────

const identities = new Map() // email → { id, password, customer_id }
const customers = new Map() // id → customer
const assigned = new Map() // customer id → [{ code, assigned_at }]

const b64url = (value) => Buffer.from(value).toString("base64url")

function issueToken(identity) {
  const iat = Math.floor(Date.now() / 1000)
  const payload = {
    actor_id: identity.customer_id ?? "",
    actor_type: "customer",
    auth_identity_id: identity.id,
    app_metadata: identity.customer_id ? { customer_id: identity.customer_id } : {},
    iat,
    exp: iat + TOKEN_TTL_S,
  }
  const unsigned = `${b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${b64url(JSON.stringify(payload))}`
  return `${unsigned}.${createHmac("sha256", JWT_SECRET).update(unsigned).digest("base64url")}`
}

/** The claims of a valid bearer token, or null. */
function claimsOf(req) {
  const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")
  if (!match) return null
  const [header, payload, signature] = match[1].split(".")
  const expected = createHmac("sha256", JWT_SECRET).update(`${header}.${payload}`).digest("base64url")
  if (!payload || signature !== expected) return null
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString())
  return claims.exp * 1000 > Date.now() ? claims : null
}

const unauthorized = () => new ApiError(401, "unauthorized", "Unauthorized")

function requireCustomer(req) {
  const claims = claimsOf(req)
  const customer = claims?.actor_id ? customers.get(claims.actor_id) : null
  if (!customer) throw unauthorized()
  return customer
}

function createAccount(email, password, first_name, last_name) {
  const identity = { id: `authid_${randomBytes(6).toString("hex")}`, password, customer_id: null }
  identities.set(email, identity)
  const customer = {
    id: `cus_${randomBytes(8).toString("hex")}`,
    email,
    first_name,
    last_name,
    has_account: true,
    created_at: new Date().toISOString(),
  }
  customers.set(customer.id, customer)
  identity.customer_id = customer.id
  return customer
}

{
  const viewer = createAccount("viewer@cinema.local", "viewer12345", "Demo", "Viewer")
  assigned.set(viewer.id, [
    { code: "SALE10", assigned_at: new Date(Date.now() - 3 * DAY_MS).toISOString() },
    { code: "FREEMONTH", assigned_at: new Date(Date.now() - 10 * DAY_MS).toISOString() },
  ])
}

// ── Purchases and subscriptions ────────────────────────────────────────────────────────

const purchases = [] // newest last
const subscriptions = []
const idempotent = new Map() // `${customer}:${key}` → { fingerprint, status, body, answered }

const DECLINES = {
  tok_declined: "card_declined",
  tok_insufficient_funds: "insufficient_funds",
  tok_error: "gateway_error",
}

const LIVE = ["trialing", "active", "past_due"]
const isTrial = (plan) => plan.trial_days > 0 || plan.interval === "day"

/** Ends what has ended: a cancelled subscription is `canceled`, another `expired`. */
function settle(now = Date.now()) {
  for (const s of subscriptions) {
    if (LIVE.includes(s.status) && Date.parse(s.current_period_end) <= now) {
      s.status = s.cancel_at_period_end ? "canceled" : "expired"
    }
  }
}

function liveOf(customer) {
  settle()
  return subscriptions.find((s) => s.customer_id === customer.id && LIVE.includes(s.status)) ?? null
}

/**
 * What buying `plan` does now (DESIGN.md, Subscription lifecycle): `new`, `extension`,
 * `upgrade` (credit: the paid amount × the time left / the period, rounded down to
 * kopecks) or `scheduled`; the Trial only for a customer with no subscription and no paid
 * purchase before.
 */
function decide(customer, plan, region = DEFAULT_REGION) {
  const now = Date.now()
  if (isTrial(plan)) {
    const hadAny =
      subscriptions.some((s) => s.customer_id === customer.id) ||
      purchases.some((p) => p.customer_id === customer.id && p.status === "completed" && p.total > 0)
    if (hadAny) throw new ApiError(400, "not_allowed", null, "TRIAL_NOT_AVAILABLE")
  }
  const live = liveOf(customer)
  if (!live) return { change: "new", credit: 0, effective_at: new Date(now).toISOString() }
  if (live.variant_id === plan.variant_id) {
    return { change: "extension", credit: 0, effective_at: live.current_period_end }
  }
  const current = findPlan(live.variant_id).plan.prices[region.currency_code]
  if (plan.prices[region.currency_code] > current) {
    const start = Date.parse(live.current_period_start)
    const end = Date.parse(live.current_period_end)
    const credit = Math.floor((live.period_amount * 100 * (end - now)) / (end - start)) / 100
    return { change: "upgrade", credit: Math.max(0, credit), effective_at: new Date(now).toISOString() }
  }
  return { change: "scheduled", credit: 0, effective_at: live.current_period_end }
}

/** Applies a purchase to the subscription; returns it and the period paid for. */
function grant(customer, tariff, plan, quote) {
  const now = new Date()
  const live = liveOf(customer)
  if (live && quote.change === "extension") {
    const start = live.current_period_end
    live.current_period_end = planEnd(new Date(start), plan).toISOString()
    live.pending_variant_id = null
    live.cancel_at_period_end = false
    return { subscription: live, period: [start, live.current_period_end] }
  }
  if (live) {
    live.status = "canceled"
    live.current_period_end = now.toISOString()
  }
  const subscription = {
    id: `sub_${randomBytes(8).toString("hex")}`,
    customer_id: customer.id,
    status: isTrial(plan) ? "trialing" : "active",
    is_trial: isTrial(plan),
    current_period_start: now.toISOString(),
    current_period_end: planEnd(now, plan).toISOString(),
    cancel_at_period_end: false,
    pending_variant_id: null,
    payment_method: null,
    next_charge: null,
    period_amount: quote.original,
    product_id: tariff.id,
    variant_id: plan.variant_id,
    product_title: tariff.title,
    variant_title: plan.title,
  }
  subscriptions.push(subscription)
  return { subscription, period: [subscription.current_period_start, subscription.current_period_end] }
}

function purchase(customer, body) {
  const found = typeof body.variant_id === "string" ? findPlan(body.variant_id) : null
  if (!found) throw new ApiError(404, "not_found", `Variant with id: ${body.variant_id} was not found`)
  const token = body.payment?.token ?? "tok_success"
  if (!["tok_success", ...Object.keys(DECLINES)].includes(token)) {
    throw new ApiError(400, "invalid_data", `Invalid request: unknown payment token "${token}"`)
  }
  const { tariff, plan } = found
  const quote = price(customer, plan, body.promocode)
  if (quote.change === "scheduled") {
    const live = liveOf(customer)
    live.pending_variant_id = plan.variant_id
    return { change: "scheduled", purchase: null, subscription: publicSubscription(live) }
  }
  const record = {
    id: `pur_${randomBytes(8).toString("hex")}`,
    customer_id: customer.id,
    status: "pending",
    kind: quote.change,
    variant_id: plan.variant_id,
    product_id: tariff.id,
    product_title: tariff.title,
    variant_title: plan.title,
    original_amount: quote.original,
    credit_amount: quote.credit,
    discount_amount: quote.discount,
    total: quote.total,
    currency_code: quote.currency,
    promocode: quote.promocode?.code ?? null,
    period_start: null,
    period_end: null,
    created_at: new Date().toISOString(),
  }
  purchases.push(record)
  const decline = quote.total > 0 ? DECLINES[token] : undefined
  if (decline) {
    record.status = "failed"
    record.reason = decline
    throw new ApiError(402, "payment_authorization_error", null, "PAYMENT_DECLINED", {
      purchase_id: record.id,
      reason: decline,
    })
  }
  record.status = "completed"
  const { subscription, period } = grant(customer, tariff, plan, quote)
  ;[record.period_start, record.period_end] = period
  return { change: quote.change, purchase: publicPurchase(record), subscription: publicSubscription(subscription) }
}

/** `POST /store/subscriptions/:id/cancel|resume` of the customer's own live subscription. */
function changeSubscription(customer, id, action) {
  settle()
  const subscription = subscriptions.find((s) => s.id === id && s.customer_id === customer.id)
  if (!subscription) throw new ApiError(404, "not_found", null, "SUBSCRIPTION_NOT_FOUND")
  if (!LIVE.includes(subscription.status) || (action === "resume" && !subscription.cancel_at_period_end)) {
    throw new ApiError(400, "not_allowed", null, "SUBSCRIPTION_NOT_ACTIVE")
  }
  subscription.cancel_at_period_end = action === "cancel"
  return { subscription: publicSubscription(subscription) }
}

const publicPurchase = ({ customer_id, product_id, ...rest }) => rest
const publicSubscription = ({ customer_id, period_amount, ...rest }) => rest

// ── HTTP ───────────────────────────────────────────────────────────────────────────────

function send(res, status, body) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" })
  res.end(JSON.stringify(body))
}

const languageOf = (req) => (/^ru\b/i.test(req.headers["accept-language"] ?? "") ? "ru" : "en")

function sendError(req, res, error) {
  const message = MESSAGES[error.code]?.[languageOf(req)] ?? error.message
  send(res, error.status, {
    type: error.type,
    ...(error.code ? { code: error.code } : {}),
    message,
    ...error.extra,
  })
}

async function readBody(req) {
  const chunks = []
  for await (const chunk of req) chunks.push(chunk)
  if (!chunks.length) return {}
  try {
    const body = JSON.parse(Buffer.concat(chunks).toString())
    return body && typeof body === "object" ? body : {}
  } catch {
    throw new ApiError(400, "invalid_data", "Invalid request: the body is not JSON")
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

function page(items, url) {
  const limit = Math.min(100, Number(url.searchParams.get("limit") ?? 20) || 20)
  const offset = Math.max(0, Number(url.searchParams.get("offset") ?? 0) || 0)
  return { items: items.slice(offset, offset + limit), limit, offset }
}

async function handle(req, res, url) {
  const route = `${req.method} ${url.pathname}`

  if (route === "GET /health") return send(res, 200, { status: "ok" })

  // Medusa's auth routes need no publishable key.
  if (route === "POST /auth/customer/emailpass/register") {
    const { email, password } = await readBody(req)
    if (typeof email !== "string" || typeof password !== "string") {
      throw new ApiError(401, "unauthorized", "Email and password should be strings")
    }
    if (email.includes("+fail@")) throw new ApiError(500, "unknown_error", "An unknown error occurred.")
    const identity = identities.get(email)
    if (identity && (identity.customer_id || identity.password !== password)) {
      throw new ApiError(401, "unauthorized", "Identity with email already exists")
    }
    const fresh = identity ?? { id: `authid_${randomBytes(6).toString("hex")}`, password, customer_id: null }
    identities.set(email, fresh)
    return send(res, 200, { token: issueToken(fresh) })
  }
  if (route === "POST /auth/customer/emailpass") {
    const { email, password } = await readBody(req)
    if (typeof email === "string" && email.includes("+fail@")) {
      throw new ApiError(500, "unknown_error", "An unknown error occurred.")
    }
    const identity = identities.get(email)
    if (!identity || identity.password !== password) {
      throw new ApiError(401, "unauthorized", "Invalid email or password")
    }
    return send(res, 200, { token: issueToken(identity) })
  }
  if (route === "POST /auth/token/refresh") {
    const claims = claimsOf(req)
    const identity = claims && [...identities.values()].find((i) => i.id === claims.auth_identity_id)
    if (!identity) throw unauthorized()
    return send(res, 200, { token: issueToken(identity) })
  }

  if (!url.pathname.startsWith("/store/")) {
    throw new ApiError(404, "not_found", `Cannot ${req.method} ${url.pathname}`)
  }
  if (!req.headers["x-publishable-api-key"]) {
    throw new ApiError(
      400,
      "not_allowed",
      "Publishable API key required in the request header: x-publishable-api-key. You can manage your keys in settings in the dashboard."
    )
  }

  if (route === "GET /store/regions") {
    return send(res, 200, { regions: REGIONS, count: REGIONS.length, offset: 0, limit: 100 })
  }
  if (route === "GET /store/tariffs") {
    if (MODE === "error") throw new ApiError(500, "unknown_error", "An unknown error occurred.")
    const regionId = url.searchParams.get("region_id")
    const region = regionId ? REGIONS.find((r) => r.id === regionId) : DEFAULT_REGION
    if (!region) throw new ApiError(404, "not_found", `Region with id: ${regionId} was not found`, "REGION_NOT_FOUND")
    return send(res, 200, { tariffs: MODE === "empty" ? [] : tariffsFor(region), region })
  }

  if (route === "POST /store/customers") {
    const claims = claimsOf(req)
    if (!claims) throw unauthorized()
    if (claims.actor_id) throw new ApiError(400, "invalid_data", "Request already authenticated as a customer.")
    const identity = [...identities.entries()].find(([, i]) => i.id === claims.auth_identity_id)
    const { email, first_name, last_name } = await readBody(req)
    if (!identity || identity[0] !== email) throw new ApiError(400, "invalid_data", "Invalid request: email")
    const customer = createAccount(email, identity[1].password, first_name ?? null, last_name ?? null)
    return send(res, 200, { customer })
  }
  if (route === "GET /store/customers/me") {
    return send(res, 200, { customer: requireCustomer(req) })
  }
  if (route === "GET /store/customers/me/promocodes") {
    const customer = requireCustomer(req)
    const codes = (assigned.get(customer.id) ?? []).map(({ code, assigned_at }) => {
      const promo = PROMOCODES[code]
      const used = purchases.some((p) => p.status === "completed" && p.customer_id === customer.id && p.promocode === code)
      return {
        code,
        type: promo.type,
        value: promo.value,
        currency_code: promo.currency_code ?? null,
        free_days: promo.free_days ?? null,
        assigned_at,
        status: used ? "used" : "available",
      }
    })
    return send(res, 200, { promocodes: codes })
  }

  if (route === "POST /store/purchases/preview") {
    const customer = requireCustomer(req)
    const body = await readBody(req)
    if (typeof body.variant_id !== "string") throw new ApiError(400, "invalid_data", "Invalid request: Field 'variant_id' is required")
    if (body.promocode !== undefined && (typeof body.promocode !== "string" || body.promocode.length > 64)) {
      throw new ApiError(400, "invalid_data", "Invalid request: Field 'promocode' is invalid")
    }
    const found = findPlan(body.variant_id)
    if (!found) throw new ApiError(404, "not_found", `Variant with id: ${body.variant_id} was not found`)
    const quote = price(customer, found.plan, body.promocode)
    return send(res, 200, {
      preview: {
        variant_id: found.plan.variant_id,
        currency_code: quote.currency,
        original_amount: quote.original,
        credit_amount: quote.credit,
        discount_amount: quote.discount,
        total: quote.total,
        promocode: quote.promocode,
        change: quote.change,
        effective_at: quote.effective_at,
      },
    })
  }
  if (route === "POST /store/purchases") {
    const customer = requireCustomer(req)
    const body = await readBody(req)
    const key = req.headers["idempotency-key"]
    await sleep(PURCHASE_DELAY_MS)
    const run = () => {
      try {
        return { status: 201, body: purchase(customer, body) }
      } catch (error) {
        if (!(error instanceof ApiError)) throw error
        const message = MESSAGES[error.code]?.[languageOf(req)] ?? error.message
        return { status: error.status, body: { type: error.type, code: error.code, message, ...error.extra } }
      }
    }
    if (!key) {
      const result = run()
      return send(res, result.status, result.body)
    }
    const slot = `${customer.id}:${key}`
    const fingerprint = JSON.stringify(body)
    const stored = idempotent.get(slot)
    if (stored) {
      if (stored.fingerprint !== fingerprint) {
        throw new ApiError(409, "conflict", "Idempotency-Key was used with another request.", "IDEMPOTENCY_KEY_REUSED")
      }
      return send(res, stored.status, stored.body)
    }
    const result = run()
    idempotent.set(slot, { fingerprint, ...result })
    if (LOSE_FIRST_ANSWER) {
      throw new ApiError(503, "unknown_error", "The answer was lost on purpose (MOCK_LOSE_FIRST_ANSWER).")
    }
    return send(res, result.status, result.body)
  }
  if (route === "GET /store/purchases") {
    const customer = requireCustomer(req)
    const mine = purchases.filter((p) => p.customer_id === customer.id).reverse()
    const { items, limit, offset } = page(mine, url)
    return send(res, 200, { purchases: items.map(publicPurchase), count: mine.length, limit, offset })
  }
  const action = url.pathname.match(/^\/store\/subscriptions\/([^/]+)\/(cancel|resume)$/)
  if (req.method === "POST" && action) {
    const customer = requireCustomer(req)
    return send(res, 200, changeSubscription(customer, decodeURIComponent(action[1]), action[2]))
  }
  if (route === "GET /store/subscriptions") {
    const customer = requireCustomer(req)
    settle()
    const mine = subscriptions.filter((s) => s.customer_id === customer.id).reverse()
    const trialUsed = subscriptions.some((s) => s.customer_id === customer.id && s.is_trial)
    const paid = purchases.some((p) => p.customer_id === customer.id && p.status === "completed")
    const trial = trialUsed
      ? { available: false, reason: "trial_used" }
      : paid
        ? { available: false, reason: "paid_subscription" }
        : { available: true, reason: null }
    return send(res, 200, { subscriptions: mine.map(publicSubscription), trial })
  }

  throw new ApiError(404, "not_found", `Cannot ${req.method} ${url.pathname}`)
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? "/", `http://localhost:${PORT}`)
  setTimeout(() => {
    handle(req, res, url).catch((error) => {
      if (error instanceof ApiError) return sendError(req, res, error)
      process.stderr.write(`${error.stack ?? error}\n`)
      send(res, 500, { type: "unknown_error", message: "An unknown error occurred." })
    })
  }, DELAY_MS)
})

server.listen(PORT, () => {
  process.stdout.write(`mock backend on http://localhost:${PORT} (tariffs: ${MODE})\n`)
})

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0))
    server.closeAllConnections()
  })
}

