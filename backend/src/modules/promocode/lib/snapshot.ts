import type { BigNumberRawValue } from "@medusajs/framework/types"
import { WRITABLE_KEYS, type CreatePromocodeInput } from "./definition"

/**
 * Every field an admin can set on a code (its code, rules and batch), as the
 * code has it now: what a workflow's compensation writes back (or creates
 * again) to undo an edit or a deletion. The amount keeps its exact value.
 */
export function writableSnapshot(promocode: object): CreatePromocodeInput {
  const source = promocode as Record<string, unknown>
  const fields: Record<string, unknown> = {}
  for (const key of WRITABLE_KEYS) {
    fields[key] = source[key] ?? null
  }
  fields.value = (source.raw_value as BigNumberRawValue | null) ?? source.value ?? null
  return fields as CreatePromocodeInput
}
