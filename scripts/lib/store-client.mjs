// A small HTTP client for tests that drive real servers: JSON calls with a
// publishable key and a bearer token, and signing up a customer.
import { randomUUID } from "node:crypto"

/** JSON call; resolves to { status, data } and never throws on an HTTP error. */
export async function call(base, path, { method = "GET", body, token, key, headers = {} } = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      "content-type": "application/json",
      ...(key ? { "x-publishable-api-key": key } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await res.text()
  let data = null
  try {
    data = JSON.parse(text)
  } catch {
    data = text
  }
  return { status: res.status, data }
}

/** Registers a customer and signs in; resolves to { email, token }. */
export async function signUpCustomer(base, key, prefix = "test") {
  const email = `${prefix}-${randomUUID()}@test.local`
  const password = "secret-pass"
  const reg = await call(base, "/auth/customer/emailpass/register", { method: "POST", body: { email, password } })
  if (reg.status !== 200) throw new Error(`register: ${reg.status} ${JSON.stringify(reg.data)}`)
  const created = await call(base, "/store/customers", {
    method: "POST",
    token: reg.data.token,
    key,
    body: { email, first_name: prefix },
  })
  if (created.status !== 200) throw new Error(`customer: ${created.status} ${JSON.stringify(created.data)}`)
  const login = await call(base, "/auth/customer/emailpass", { method: "POST", body: { email, password } })
  return { email, token: login.data.token }
}

/** The variant id of a seeded tariff's first plan. */
export async function planOf(base, key, handle) {
  const { data } = await call(base, "/store/tariffs", { key })
  return data.tariffs.find((t) => t.handle === handle).plans[0].variant_id
}

/** Polls `check` until it returns a truthy value. */
export async function until(what, check, timeoutMs, intervalMs = 250) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, intervalMs))
  }
}
