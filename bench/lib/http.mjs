// A small JSON client for preparing benchmark data over the HTTP API.

export class HttpError extends Error {
  constructor(method, path, status, body) {
    super(`${method} ${path} answered ${status}: ${body.slice(0, 500)}`)
    this.status = status
    this.body = body
  }
}

/**
 * Calls of one backend. Store routes get the publishable key; `token` adds a
 * bearer token. Resolves with the parsed body of a 2xx answer, else throws an
 * HttpError carrying the status and the body.
 */
export function apiClient(baseUrl, publishableKey) {
  return async function api(method, path, { body, token, headers = {} } = {}) {
    const res = await fetch(baseUrl + path, {
      method,
      headers: {
        "content-type": "application/json",
        "x-publishable-api-key": publishableKey,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    if (res.status < 200 || res.status > 299) {
      throw new HttpError(method, path, res.status, text)
    }
    return text ? JSON.parse(text) : null
  }
}

/** Runs fn over items with at most `limit` calls in flight; keeps the order. */
export async function mapLimit(items, limit, fn) {
  const results = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i], i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
