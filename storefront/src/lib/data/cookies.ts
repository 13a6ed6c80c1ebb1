import "server-only"
import { cookies, headers } from "next/headers"
import { AUTH_COOKIE, authCookieOptions } from "@/lib/auth/cookie"
import { secondsLeft } from "@/lib/auth/token"

/** The customer's token from the httpOnly cookie, or null when signed out or ended. */
export async function getAuthToken(): Promise<string | null> {
  const token = (await cookies()).get(AUTH_COOKIE)?.value
  return token && secondsLeft(token) > 0 ? token : null
}

/** Only from a Server Action (cookies cannot be set while a page renders). */
export async function setAuthToken(token: string): Promise<void> {
  const [cookieStore, requestHeaders] = await Promise.all([cookies(), headers()])
  cookieStore.set(AUTH_COOKIE, token, authCookieOptions(token, requestHeaders))
}

/** Only from a Server Action. */
export async function removeAuthToken(): Promise<void> {
  ;(await cookies()).delete(AUTH_COOKIE)
}
