import createMiddleware from "next-intl/middleware"
import type { NextRequest } from "next/server"
import { routing } from "./i18n/routing"
import { AUTH_COOKIE, authCookieOptions } from "./lib/auth/cookie"
import { needsRefresh } from "./lib/auth/token"
import { refreshToken } from "./lib/data/auth"

const handleI18nRouting = createMiddleware(routing)

/**
 * Locale in the URL (next-intl), and the customer's token kept fresh: past the middle of
 * its lifetime it is traded for a new one (`POST /auth/token/refresh`) and the cookie is
 * renewed with the response, so an active shopper stays signed in. A token that has ended
 * is gone already: the cookie lives exactly as long as the token.
 */
export default async function proxy(request: NextRequest) {
  const response = handleI18nRouting(request)

  const token = request.cookies.get(AUTH_COOKIE)?.value
  if (token && needsRefresh(token)) {
    const fresh = await refreshToken(token)
    if (fresh) {
      const headers = new Headers(request.headers)
      if (!headers.has("x-forwarded-proto")) {
        headers.set("x-forwarded-proto", request.nextUrl.protocol.replace(":", ""))
      }
      response.cookies.set(AUTH_COOKIE, fresh, authCookieOptions(fresh, headers))
    }
  }
  return response
}

export const config = {
  // Everything except Next.js internals, API routes and files with an extension.
  matcher: "/((?!api|_next|_vercel|.*\\..*).*)",
}
