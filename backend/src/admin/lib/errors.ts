import { tr } from "./i18n"

/**
 * Turning API errors into messages at the right form field.
 *
 * The server answers a bad request with `{ type, code, message }`. Zod
 * validation messages name the field (`... for field 'value' ...`); the promo
 * code rules name it in the sentence (`ends_at must be after starts_at.`).
 */

export type FieldErrors = Record<string, string>

export type MappedError = {
  /** messages keyed by the form field they belong to */
  fields: FieldErrors
  /** what could not be placed at a field */
  form: string | null
}

type HttpLikeError = { message?: unknown; status?: unknown }

export function errorMessage(error: unknown): string {
  if (!error) {
    return tr("errors.generic")
  }
  const message = (error as HttpLikeError).message
  if (typeof message === "string" && message.trim()) {
    return message.replace(/^Invalid request:\s*/, "")
  }
  return tr("errors.generic")
}

export function errorStatus(error: unknown): number | null {
  const status = (error as HttpLikeError)?.status
  return typeof status === "number" ? status : null
}

/** A sentence for an error that ends a whole page (not a field). */
export function describeLoadError(error: unknown): string {
  const status = errorStatus(error)
  if (status === 404) {
    return tr("errors.not_found")
  }
  if (status === 401 || status === 403) {
    return tr("errors.unauthorized")
  }
  return errorMessage(error)
}

const QUOTED_FIELD = /field '([^']+)'/i

function placeIn(
  part: string,
  fields: readonly string[]
): string | null {
  const quoted = part.match(QUOTED_FIELD)
  if (quoted) {
    const name = quoted[1].split(",")[0].trim()
    return fields.includes(name) ? name : null
  }
  if (
    fields.includes("code") &&
    (/already exists/i.test(part) || /^promo code\b/i.test(part.trim()))
  ) {
    return "code"
  }
  // the field named first in the sentence is its subject: "ends_at must be
  // after starts_at", "A fixed code needs a currency_code"
  let best: { name: string; at: number } | null = null
  for (const name of fields) {
    if (name === "code") {
      continue
    }
    const at = part.search(new RegExp(`(^|[^a-z_])${name}([^a-z_]|$)`, "i"))
    if (at >= 0 && (!best || at < best.at)) {
      best = { name, at }
    }
  }
  return best?.name ?? null
}

/**
 * Splits a server error over the given form fields. Each part of a zod
 * message ("a; b; c") goes to the field it names; the rest is a form error.
 */
export function mapServerError(
  error: unknown,
  fields: readonly string[]
): MappedError {
  const text = errorMessage(error)
  const parts = text
    .split(/;\s+/)
    .map((p) => p.trim())
    .filter(Boolean)
  const result: MappedError = { fields: {}, form: null }
  const leftovers: string[] = []
  for (const part of parts) {
    const field = placeIn(part, fields)
    if (field && !result.fields[field]) {
      result.fields[field] = part
    } else if (!field) {
      leftovers.push(part)
    }
  }
  if (leftovers.length) {
    result.form = leftovers.join(" ")
  }
  if (!parts.length) {
    result.form = text
  }
  return result
}
