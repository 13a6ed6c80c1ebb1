import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import ProcessBoundPostgresLockProvider from "./services/process-bound-lock"

/**
 * Locks across processes without Redis: Medusa's PostgreSQL locking provider
 * with locks bound to the process that holds them (services/process-bound-lock.ts),
 * on Medusa's `locking` table.
 */
export default ModuleProvider(Modules.LOCKING, { services: [ProcessBoundPostgresLockProvider] })
