import "server-only"
import { FetchError } from "@medusajs/js-sdk"
import { BACKEND_TIMEOUT_MS, sdk } from "@/lib/config"

/*
 * Customer accounts through Medusa's auth module (emailpass provider). Calls go through
 * `sdk.client.fetch` (which, unlike `sdk.auth.*`, takes a timeout) and never through the
 * sdk's token store: the shared `sdk` must not remember one shopper's token for the next.
 * Every token goes back to the caller, which keeps it in the httpOnly cookie.
 */

type TokenResponse = { token?: string; location?: string }

const withTimeout = () => AbortSignal.timeout(BACKEND_TIMEOUT_MS)

export type SignInResult =
  | { status: "ok"; token: string }
  | { status: "wrong_credentials" }
  | { status: "unavailable" }

export type RegisterInput = {
  email: string
  password: string
  first_name: string
  last_name: string
}

export type RegisterResult =
  | { status: "ok"; token: string }
  | { status: "email_taken" }
  | { status: "unavailable" }

const statusOf = (error: unknown) =>
  error instanceof FetchError ? error.status : undefined

/** `POST /auth/customer/emailpass`: 401 for an unknown email or a wrong password. */
export async function signIn(
  email: string,
  password: string
): Promise<SignInResult> {
  try {
    const { token } = await sdk.client.fetch<TokenResponse>(
      "/auth/customer/emailpass",
      { method: "POST", body: { email, password }, signal: withTimeout() }
    )
    if (!token) {
      // A redirect to a third-party provider or an MFA challenge: not set up for customers.
      console.error("Sign-in asked for a step the storefront does not support")
      return { status: "unavailable" }
    }
    return { status: "ok", token }
  } catch (error) {
    if (statusOf(error) === 401 || statusOf(error) === 400) {
      return { status: "wrong_credentials" }
    }
    console.error("Sign-in failed:", error)
    return { status: "unavailable" }
  }
}

/**
 * A new account: the auth identity (`POST /auth/customer/emailpass/register`, whose 401 means
 * the email has an account already), the customer with the registration token
 * (`POST /store/customers`), then a sign-in for a token that carries the customer's id.
 *
 * If the customer cannot be created after the identity was, registering again with the same
 * email and password succeeds: Medusa returns the identity that has no customer yet.
 */
export async function register(input: RegisterInput): Promise<RegisterResult> {
  let registrationToken: string
  try {
    const { token } = await sdk.client.fetch<TokenResponse>(
      "/auth/customer/emailpass/register",
      {
        method: "POST",
        body: { email: input.email, password: input.password },
        signal: withTimeout(),
      }
    )
    if (!token) {
      throw new Error("The registration answer has no token")
    }
    registrationToken = token
  } catch (error) {
    if (statusOf(error) === 401) {
      return { status: "email_taken" }
    }
    console.error("Registration failed:", error)
    return { status: "unavailable" }
  }

  try {
    await sdk.client.fetch("/store/customers", {
      method: "POST",
      body: {
        email: input.email,
        first_name: input.first_name,
        last_name: input.last_name,
      },
      headers: { authorization: `Bearer ${registrationToken}` },
      signal: withTimeout(),
    })
  } catch (error) {
    console.error("Could not create the customer:", error)
    return { status: "unavailable" }
  }

  const signedIn = await signIn(input.email, input.password)
  return signedIn.status === "ok" ? signedIn : { status: "unavailable" }
}

/** `POST /auth/token/refresh`: a fresh token for a valid one, or null. */
export async function refreshToken(token: string): Promise<string | null> {
  try {
    const { token: fresh } = await sdk.client.fetch<{ token?: string }>(
      "/auth/token/refresh",
      {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
        signal: withTimeout(),
      }
    )
    return typeof fresh === "string" && fresh ? fresh : null
  } catch (error) {
    if (statusOf(error) !== 401) {
      console.error("Could not refresh the customer's token:", error)
    }
    return null
  }
}
