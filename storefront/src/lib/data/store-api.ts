import "server-only"
import {
  BACKEND_TIMEOUT_MS,
  MEDUSA_BACKEND_URL,
  MEDUSA_PUBLISHABLE_KEY,
  readFromBackend,
} from "@/lib/config"
import { isStartingStatus } from "@/lib/util/backend-retry"

/**
 * An error answer of the store API: Medusa's `{ type, code, message }` plus whatever else
 * the route sends (a declined payment adds `purchase_id` and `reason`). `status` is 0 when
 * no answer came (backend down, timeout).
 */
export type StoreApiError = {
  status: number
  type: string | null
  code: string | null
  message: string | null
  body: Record<string, unknown>
}

export type StoreApiResult<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; error: StoreApiError }

type Options = {
  method?: "GET" | "POST"
  /** The customer's JWT, passed explicitly by the caller (never read here). */
  token: string
  /** Page language: the backend localizes its messages by `Accept-Language`. */
  locale: string
  query?: Record<string, string | number | undefined>
  body?: unknown
  headers?: Record<string, string>
  timeoutMs?: number
}

/**
 * A call to one of the customer's store routes (purchases, subscriptions, promo codes).
 *
 * The js-sdk's `FetchError` keeps only the status and the message of an error answer; these
 * routes put what the page needs in the body (`code` of a rejected promo code, `reason` and
 * `purchase_id` of a declined payment), so they are called with `fetch` here, with the same
 * base URL and publishable key as the `sdk` in `lib/config.ts`. Everything else goes
 * through the `sdk`.
 */
export async function storeApi<T>(
  path: string,
  { method = "GET", token, locale, query, body, headers, timeoutMs }: Options
): Promise<StoreApiResult<T>> {
  // Like the sdk: a base URL with a path (`https://host/api`) keeps it.
  const url = new URL(`${MEDUSA_BACKEND_URL.replace(/\/+$/, "")}${path}`)
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) {
      url.searchParams.set(key, String(value))
    }
  }

  const send = () =>
    fetch(url, {
      method,
      headers: {
        accept: "application/json",
        "accept-language": locale,
        authorization: `Bearer ${token}`,
        ...(MEDUSA_PUBLISHABLE_KEY
          ? { "x-publishable-api-key": MEDUSA_PUBLISHABLE_KEY }
          : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
      signal: AbortSignal.timeout(timeoutMs ?? BACKEND_TIMEOUT_MS),
    })
  // A read waits for a backend that is still starting; a write is sent once (its caller
  // decides about a retry, with the same Idempotency-Key).
  const waitForBackend = () =>
    readFromBackend(async () => {
      const answer = await send()
      if (isStartingStatus(answer.status)) {
        throw Object.assign(new Error(`${method} ${path}: HTTP ${answer.status}`), {
          status: answer.status,
        })
      }
      return answer
    })

  let response: Response
  try {
    response = await (method === "GET" ? waitForBackend() : send())
  } catch (error) {
    console.error(`${method} ${path} got no answer:`, error)
    return {
      ok: false,
      error: { status: 0, type: null, code: null, message: null, body: {} },
    }
  }

  const parsed: unknown = await response.json().catch(() => null)
  const json =
    parsed && typeof parsed === "object"
      ? (parsed as Record<string, unknown>)
      : {}

  if (response.ok) {
    return { ok: true, status: response.status, data: json as T }
  }
  return {
    ok: false,
    error: {
      status: response.status,
      type: typeof json.type === "string" ? json.type : null,
      code: typeof json.code === "string" ? json.code : null,
      message: typeof json.message === "string" ? json.message : null,
      body: json,
    },
  }
}

export type ListResult<T> =
  | { status: "ok"; items: T[]; count: number }
  | { status: "signed_out" }
  | { status: "unavailable" }

/** A list request that failed: signed out on a 401, otherwise logged and unavailable. */
export function listFailure(what: string, error: StoreApiError) {
  if (error.status === 401) {
    return { status: "signed_out" as const }
  }
  logError(what, error)
  return { status: "unavailable" as const }
}

export function logError(what: string, error: StoreApiError) {
  console.error(
    `The backend answered a ${what} request with ${error.status || "nothing"}:`,
    error.code ?? error.type ?? "",
    error.message ?? ""
  )
}
