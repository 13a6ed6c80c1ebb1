import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import type { BigNumberRawValue } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { runStatement, selectRows } from "../../../lib/sql"
import type { PromocodeDTO, RemovePromocodeResult } from "../types"
import { type PromocodeRulesInput, RULE_KEYS } from "./definition"
import { PromocodeAdminErrorCode } from "./errors"
import { generateCodes } from "./generator"
import type { PromocodeRuleFields } from "./types"

/**
 * The writes of code definitions besides the ORM's: the merge of an update,
 * the duplicate checks, and the delete-or-deactivate of a removal.
 */

type Manager = SqlEntityManager

/** A code's rule fields with its value exact (the raw decimal, not a float). */
export function ruleFieldsOf(
  promocode: PromocodeDTO
): PromocodeRuleFields & { id: string } {
  return {
    ...promocode,
    value: (promocode.raw_value as BigNumberRawValue | null) ?? promocode.value,
  }
}

/**
 * The stored rules of a code as an input to `normalizeRules`, every field of
 * RULE_KEYS included: an update re-checks the merged rules and must not reset
 * a field it was not given.
 */
export function currentRules(promocode: PromocodeDTO): PromocodeRulesInput {
  const fields = ruleFieldsOf(promocode) as unknown as Record<string, unknown>
  return Object.fromEntries(
    RULE_KEYS.map((key) => [key, fields[key]])
  ) as PromocodeRulesInput
}

/** The current rules with the fields `patch` sets (undefined keeps a field). */
export function mergeRules(
  promocode: PromocodeDTO,
  patch: Partial<PromocodeRulesInput>
): PromocodeRulesInput {
  const merged = currentRules(promocode) as Record<string, unknown>
  Object.entries(patch).forEach(([key, value]) => {
    if (value !== undefined) {
      merged[key] = value
    }
  })
  return merged as PromocodeRulesInput
}

/** Locks the rows of `ids`, in id order (no deadlock between two edits). */
export async function lockPromocodes(m: Manager, ids: string[]) {
  await selectRows(
    m,
    `SELECT id FROM promocode
     WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb))
     ORDER BY id FOR UPDATE`,
    [JSON.stringify(ids)]
  )
}

export function duplicateError(code: string): MedusaError {
  return new MedusaError(
    MedusaError.Types.INVALID_DATA,
    `A promo code ${code} already exists.`,
    PromocodeAdminErrorCode.DUPLICATE
  )
}

/** Maps the unique index violation of a race to PROMOCODE_DUPLICATE. */
export function mapDuplicate(error: unknown): unknown {
  const message = (error as Error)?.message ?? ""
  if (
    MedusaError.isMedusaError(error as MedusaError) &&
    /already exists/.test(message) &&
    /code/.test(message)
  ) {
    const match = message.match(/code: ([^,\s]+)/)
    return duplicateError(match?.[1] ?? "")
  }
  return error
}

/** Throws PROMOCODE_DUPLICATE when a code repeats in `codes` or is taken. */
export async function assertCodesFree(
  m: Manager,
  codes: string[]
): Promise<void> {
  const repeated = codes.find((code, i) => codes.indexOf(code) !== i)
  if (repeated) {
    throw duplicateError(repeated)
  }
  if (!codes.length) {
    return
  }
  const taken = await selectRows<{ code: string }>(
    m,
    `SELECT code FROM promocode
     WHERE code IN (SELECT jsonb_array_elements_text(?::jsonb))
     LIMIT 1`,
    [JSON.stringify(codes)]
  )
  if (taken.length) {
    throw duplicateError(taken[0].code)
  }
}

/** `count` generated codes that are free now and not in `exclude`. */
export async function freshCodes(
  m: Manager,
  count: number,
  exclude: string[]
): Promise<string[]> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const codes = generateCodes(count).filter((c) => !exclude.includes(c))
    if (codes.length < count) {
      continue
    }
    const taken = await selectRows<{ code: string }>(
      m,
      `SELECT code FROM promocode
       WHERE code IN (SELECT jsonb_array_elements_text(?::jsonb))`,
      [JSON.stringify(codes)]
    )
    if (!taken.length) {
      return codes
    }
  }
  throw new MedusaError(
    MedusaError.Types.UNEXPECTED_STATE,
    "Could not generate a unique promo code."
  )
}

/**
 * Deletes a code that was never used; a code with any usage is deactivated
 * instead and keeps its history. Under the code's row lock, so it cannot race
 * a reservation.
 */
export async function removeOrDeactivate(
  m: Manager,
  id: string
): Promise<RemovePromocodeResult> {
  const [row] = await selectRows<{ id: string }>(
    m,
    `SELECT id FROM promocode WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
    [id]
  )
  if (!row) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Promocode with id: ${id} was not found`
    )
  }
  const [{ used }] = await selectRows<{ used: boolean }>(
    m,
    `SELECT EXISTS (
       SELECT 1 FROM promocode_usage WHERE promocode_id = ?
     ) AS used`,
    [id]
  )
  if (used) {
    await runStatement(
      m,
      `UPDATE promocode SET is_active = false, updated_at = now()
       WHERE id = ?`,
      [id]
    )
    return { id, deleted: false, deactivated: true }
  }
  await runStatement(m, `DELETE FROM promocode WHERE id = ?`, [id])
  return { id, deleted: true, deactivated: false }
}
