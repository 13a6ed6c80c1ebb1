import { randomUUID } from "node:crypto"

export type Api = {
  post: (url: string, body?: unknown, config?: unknown) => Promise<any>
  get: (url: string, config?: unknown) => Promise<any>
}

/** Registers a new customer through Medusa's auth and returns a bearer token. */
export async function registerCustomer(
  api: Api,
  publishableKey: string,
  overrides: { email?: string; password?: string; first_name?: string } = {}
) {
  const email = overrides.email ?? `buyer-${randomUUID()}@test.local`
  const password = overrides.password ?? "secret-password"
  const { data: registration } = await api.post("/auth/customer/emailpass/register", {
    email,
    password,
  })
  const { data: created } = await api.post(
    "/store/customers",
    { email, first_name: overrides.first_name ?? "Test", last_name: "Buyer" },
    {
      headers: {
        authorization: `Bearer ${registration.token}`,
        "x-publishable-api-key": publishableKey,
      },
    }
  )
  const token = await signIn(api, "customer", email, password)
  return {
    id: created.customer.id as string,
    email,
    token,
    headers: (extra: Record<string, string> = {}) => ({
      headers: {
        authorization: `Bearer ${token}`,
        "x-publishable-api-key": publishableKey,
        ...extra,
      },
    }),
  }
}

export async function signIn(api: Api, actor: "customer" | "user", email: string, password: string) {
  const { data } = await api.post(`/auth/${actor}/emailpass`, { email, password })
  return data.token as string
}

/** The error response of a request expected to fail. */
export async function failure(request: Promise<any>) {
  try {
    const res = await request
    throw new Error(`expected a failure, got ${res.status}: ${JSON.stringify(res.data)}`)
  } catch (error: any) {
    if (!error.response) throw error
    return error.response as { status: number; data: any }
  }
}
