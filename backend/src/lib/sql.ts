import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import type { BigNumberInput, Context } from "@medusajs/framework/types"
import { BigNumber, MathBN, MedusaError } from "@medusajs/framework/utils"

/**
 * Thin helpers over a module's MikroORM manager, shared by the modules that
 * need raw SQL for what must be atomic (row locks, conditional updates, bulk
 * inserts). Parameters use `?` placeholders bound by the driver; SQL is never
 * built from input.
 */

export type ModuleContext = Context<SqlEntityManager>

/**
 * The manager of a module call: the transaction's when `transactional` (and
 * then one must exist), else the transaction's or the plain one.
 */
export function managerOf(
  context: ModuleContext,
  { transactional, module }: { transactional: boolean; module: string }
): SqlEntityManager {
  const found = transactional
    ? context.transactionManager
    : context.transactionManager ?? context.manager
  if (!found) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `The ${module} module was called without a database ${
        transactional ? "transaction" : "manager"
      }.`
    )
  }
  return found
}

export async function selectRows<T = Record<string, unknown>>(
  manager: SqlEntityManager,
  sql: string,
  params: unknown[] = []
): Promise<T[]> {
  return (await manager.execute(sql, params as never[], "all")) as T[]
}

/** Runs a statement and returns the number of rows it changed. */
export async function runStatement(
  manager: SqlEntityManager,
  sql: string,
  params: unknown[] = []
): Promise<number> {
  const result = (await manager.execute(sql, params as never[], "run")) as {
    affectedRows: number
  }
  return result.affectedRows
}

/** A decimal as stored by a `model.bigNumber()` column: numeric + raw jsonb. */
export function bigNumberColumns(value: BigNumberInput | null | undefined): {
  numeric: string | null
  raw: { value: string; precision: number } | null
} {
  if (value === null || value === undefined) {
    return { numeric: null, raw: null }
  }
  const decimal = MathBN.convert(value)
  return {
    numeric: decimal.toFixed(),
    raw: { value: decimal.toFixed(), precision: BigNumber.DEFAULT_PRECISION },
  }
}
