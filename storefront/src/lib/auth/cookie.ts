import { secondsLeft } from "./token"

/** The httpOnly cookie that holds the customer's Medusa JWT. */
export const AUTH_COOKIE = "_cinema_jwt"

type CookieOptions = {
  httpOnly: true
  sameSite: "lax"
  secure: boolean
  path: string
  maxAge: number
}

/**
 * The cookie lives as long as the token, so the browser drops it when the token ends.
 * `Secure` when the shopper reached the storefront over HTTPS (directly or through a proxy
 * that says so in `X-Forwarded-Proto`), so that plain-HTTP local setups still work.
 */
export function authCookieOptions(token: string, headers: Headers): CookieOptions {
  return {
    httpOnly: true,
    sameSite: "lax",
    secure: isHttps(headers),
    path: "/",
    maxAge: secondsLeft(token),
  }
}

function isHttps(headers: Headers): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim()
  if (forwarded) {
    return forwarded === "https"
  }
  return headers.get("origin")?.startsWith("https://") ?? false
}
