import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import type { Context } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * Raw statements for what must be atomic (locks, conditional updates).
 * Parameters use `?` placeholders bound by the driver; SQL is never built
 * from input.
 */

export type ModuleContext = Context<SqlEntityManager>

export function transactionManager(context: ModuleContext): SqlEntityManager {
  const manager = context.transactionManager
  if (!manager) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      "The subscription module needs a transaction for this operation."
    )
  }
  return manager
}

// the statement helpers are shared with the promocode module
export { runStatement, selectRows } from "../../../lib/sql"

/**
 * Serializes the subscription writes of one customer until the surrounding
 * transaction ends. A transaction-scoped advisory lock covers the case where
 * the customer has no row to lock yet (first purchase). The two-key form
 * keeps these keys apart from single-key advisory locks (e.g. Medusa's
 * locking-postgres provider).
 */
export async function lockCustomer(
  manager: SqlEntityManager,
  customerId: string
): Promise<void> {
  await manager.execute(
    `SELECT pg_advisory_xact_lock(hashtext('subscription.customer'), hashtext(?))`,
    [customerId] as never[],
    "all"
  )
}
