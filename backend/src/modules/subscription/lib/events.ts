import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import type { SubscriptionSnapshot } from "../types"
import { runStatement } from "./sql"

/**
 * Removes the event of the change that `before` undoes: the one recorded with
 * that previous state (jsonb equality ignores key order). Called by
 * `restoreSubscription`, in its transaction; nothing else deletes events.
 */
export async function forgetEvent(manager: SqlEntityManager, before: SubscriptionSnapshot): Promise<number> {
  return await runStatement(
    manager,
    `DELETE FROM subscription_event
      WHERE id = (SELECT id FROM subscription_event
                   WHERE subscription_id = ? AND previous = ?::jsonb AND deleted_at IS NULL
                   ORDER BY created_at DESC LIMIT 1)`,
    [before.id, JSON.stringify(before)]
  )
}
