/**
 * Reads from the backend that wait for it to come up instead of failing: on a first run the
 * backend may still be booting (connection refused) or busy compiling the admin (no answer
 * within the per-call timeout). A read that got no answer, or a 502/503/504 from a proxy in
 * front of it, is tried again with a growing pause until the time budget is spent. Only for
 * reads (GET): they change nothing, so trying again is safe. Any other answer (a 4xx, a 500)
 * is final and returned at once.
 */

export type RetryOptions = {
  /** How long to keep trying, in ms, counted from the first attempt. */
  budgetMs: number
  /** The first pause; each next one doubles, up to `maxDelayMs`. */
  initialDelayMs?: number
  maxDelayMs?: number
  /** Injected by tests. */
  sleep?: (ms: number) => Promise<void>
  now?: () => number
}

/** No answer came from the backend (refused, reset, timed out, or a proxy's 502-504) in time. */
export class BackendStartingError extends Error {
  constructor(readonly lastError: unknown) {
    super("The backend did not answer (it may still be starting)", { cause: lastError })
    this.name = "BackendStartingError"
  }
}

const NO_ANSWER_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_CLOSED",
])

const PROXY_STARTING_STATUSES = new Set([502, 503, 504])

function errorCode(error: unknown): string | undefined {
  if (!error || typeof error !== "object") {
    return undefined
  }
  const code = (error as { code?: unknown }).code
  if (typeof code === "string") {
    return code
  }
  return errorCode((error as { cause?: unknown }).cause)
}

/** True when the error means no answer came (worth waiting for), not an answer that failed. */
export function isNoAnswer(error: unknown): boolean {
  if (!(error instanceof Error)) {
    return false
  }
  if (error.name === "TimeoutError" || error.name === "AbortError") {
    return true
  }
  const code = errorCode(error)
  if (code && NO_ANSWER_CODES.has(code)) {
    return true
  }
  // undici's fetch: `TypeError: fetch failed` with the socket error as its cause
  return error instanceof TypeError && /fetch failed/i.test(error.message)
}

/** An HTTP status a proxy answers while the backend behind it is not up yet. */
export function isStartingStatus(status: unknown): boolean {
  return typeof status === "number" && PROXY_STARTING_STATUSES.has(status)
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Runs `read` until it succeeds, or fails with an answer, or the budget is spent. A read
 * that never got an answer ends in a `BackendStartingError`; any other error is rethrown
 * as it was.
 */
export async function retryRead<T>(
  read: () => Promise<T>,
  {
    budgetMs,
    initialDelayMs = 500,
    maxDelayMs = 4_000,
    sleep = defaultSleep,
    now = Date.now,
  }: RetryOptions
): Promise<T> {
  const deadline = now() + budgetMs
  let delay = initialDelayMs
  for (;;) {
    try {
      return await read()
    } catch (error) {
      const status = (error as { status?: unknown } | null)?.status
      const waitable = isNoAnswer(error) || isStartingStatus(status)
      if (!waitable) {
        throw error
      }
      const left = deadline - now()
      if (left <= 0) {
        throw new BackendStartingError(error)
      }
      await sleep(Math.min(delay, left))
      delay = Math.min(delay * 2, maxDelayMs)
    }
  }
}
