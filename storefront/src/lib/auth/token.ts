/**
 * Reading a Medusa JWT's times without verifying it: the backend verifies every token it is
 * sent. The storefront only needs to know when a token ends (the cookie's lifetime) and when
 * to refresh it. Used by server code and the proxy, never in the browser (the cookie is
 * httpOnly).
 */
export type TokenTimes = {
  /** Issued at, in seconds since the epoch. */
  iat: number
  /** Expires at, in seconds since the epoch. */
  exp: number
}

export function readTokenTimes(token: string): TokenTimes | null {
  const payload = token.split(".")[1]
  if (!payload) {
    return null
  }
  try {
    const base64 = payload.replace(/-/g, "+").replace(/_/g, "/")
    const claims: unknown = JSON.parse(atob(base64))
    if (!claims || typeof claims !== "object") {
      return null
    }
    const { iat, exp } = claims as Record<string, unknown>
    if (typeof exp !== "number") {
      return null
    }
    return { iat: typeof iat === "number" ? iat : exp, exp }
  } catch {
    return null
  }
}

/** Seconds the token has left (0 when it has ended or cannot be read). */
export function secondsLeft(token: string, nowMs = Date.now()): number {
  const times = readTokenTimes(token)
  return times ? Math.max(0, Math.floor(times.exp - nowMs / 1000)) : 0
}

/** Past the middle of its lifetime: time to trade it for a fresh one. */
export function needsRefresh(token: string, nowMs = Date.now()): boolean {
  const times = readTokenTimes(token)
  if (!times) {
    return false
  }
  const now = nowMs / 1000
  return now < times.exp && now >= times.iat + (times.exp - times.iat) / 2
}
