/**
 * Reading the store API's JSON answers defensively: the pages trust the shapes in
 * `@/types/*` only after these helpers normalized them (amounts to numbers, optional
 * fields to null).
 */

export type Json = Record<string, unknown>

export const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value)

export function stringOrNull(value: unknown): string | null {
  return typeof value === "string" && value ? value : null
}

/** Amounts may come as numbers or as decimal strings (BigNumber). */
export function amount(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) {
    return value
  }
  if (typeof value === "string" && value.trim() !== "") {
    const parsed = Number(value)
    return Number.isFinite(parsed) ? parsed : null
  }
  return null
}

export function arrayOf<T>(value: unknown, convert: (item: unknown) => T | null): T[] {
  if (!Array.isArray(value)) {
    return []
  }
  return value.map(convert).filter((item): item is T => item !== null)
}
