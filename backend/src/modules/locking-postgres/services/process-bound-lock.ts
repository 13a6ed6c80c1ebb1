import { randomUUID } from "node:crypto"
import type { ILockingProvider } from "@medusajs/framework/types"
import MedusaPostgresLocking from "@medusajs/medusa/locking-postgres"
import pg from "pg"

type Sql = {
  execute(sql: string, params?: unknown[]): Promise<Record<string, any>[]>
  getConnection(): { getKnex(): { client: { connectionSettings: string | pg.ClientConfig } } }
}
type LockArgs = { ownerId?: string | null; expire?: number }
type LockRow = { owner_id: string | null; expired: boolean }

/** Medusa's provider (advisory locks for `execute`, a `locking` table for acquire/release). */
const MedusaPostgresLockProvider = MedusaPostgresLocking.services[0] as new (
  ...args: any[]
) => ILockingProvider

/** Advisory lock class under which each process holds its liveness lock. */
const PROCESS_LOCK_CLASS = 1_296_387_147

/**
 * Medusa's PostgreSQL locking provider, with locks taken without an owner
 * (`acquireLockStep` without `ownerId`, as the purchase workflow does) bound to
 * the process that took them: each process holds a session advisory lock for
 * as long as its database connection lives, and a lock row whose process is
 * gone (killed mid-purchase) or whose time to live has passed is taken over.
 * Medusa's provider never takes over such a row, so a process killed while it
 * held a customer's lock would leave that customer locked out for good.
 * Locks with an explicit owner keep Medusa's behaviour.
 */
export default class ProcessBoundPostgresLockProvider extends MedusaPostgresLockProvider {
  static identifier = "locking-postgres"

  private readonly sql: Sql
  private readonly owner = `process:${randomUUID()}`
  private liveness: Promise<void> | null = null

  constructor(container: { manager: Sql }, ...rest: unknown[]) {
    super(container, ...rest)
    this.sql = container.manager
  }

  async acquire(keys: string | string[], args?: LockArgs): Promise<void> {
    if (args?.ownerId != null) {
      return super.acquire(keys, args)
    }
    await this.holdLiveness()
    for (const key of Array.isArray(keys) ? keys : [keys]) {
      if (await this.insert(key, args?.expire)) continue
      const row = await this.load(key)
      if (row && !(await this.isStale(row))) {
        throw new Error(`"${key}" is already locked.`)
      }
      await this.sql.execute(
        `DELETE FROM locking WHERE id = ? AND owner_id IS NOT DISTINCT FROM ?`,
        [key, row?.owner_id ?? null]
      )
      if (!(await this.insert(key, args?.expire))) {
        throw new Error(`"${key}" is already locked.`)
      }
    }
  }

  async release(keys: string | string[], args?: LockArgs): Promise<boolean> {
    if (args?.ownerId != null) {
      return super.release(keys, args)
    }
    const list = Array.isArray(keys) ? keys : [keys]
    await this.sql.execute(
      `DELETE FROM locking WHERE id IN (?) AND (owner_id IS NULL OR owner_id LIKE 'process:%')`,
      [list]
    )
    return true
  }

  /** Inserts the lock row; false when the key is already locked. */
  private async insert(key: string, expire?: number): Promise<boolean> {
    const expiration = expire ? `NOW() + INTERVAL '${Math.max(1, Math.floor(+expire))} SECONDS'` : "NULL"
    const rows = await this.sql.execute(
      `INSERT INTO locking (id, owner_id, expiration) VALUES (?, ?, ${expiration})
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [key, this.owner]
    )
    return rows.length === 1
  }

  private async load(key: string): Promise<LockRow | undefined> {
    const [row] = await this.sql.execute(
      `SELECT owner_id, (expiration IS NOT NULL AND expiration <= NOW()) AS expired
       FROM locking WHERE id = ?`,
      [key]
    )
    return row as LockRow | undefined
  }

  /** Expired, or taken by a process whose liveness lock nobody holds any more. */
  private async isStale(row: LockRow): Promise<boolean> {
    if (row.expired) return true
    if (!row.owner_id?.startsWith("process:")) return false
    // A transaction-scoped try: released at once, taken only if the owner is gone.
    const [free] = await this.sql.execute(`SELECT pg_try_advisory_xact_lock(?, ?) AS free`, [
      PROCESS_LOCK_CLASS,
      hash(row.owner_id),
    ])
    return free?.free === true
  }

  /**
   * Takes this process's liveness lock on a connection of its own (not the
   * pool's: the pool waits for its connections on shutdown), unreferenced so
   * that it never keeps the process alive.
   */
  private holdLiveness(): Promise<void> {
    this.liveness ??= (async () => {
      const client = new pg.Client(this.sql.getConnection().getKnex().client.connectionSettings)
      client.on("error", () => {
        // the session, and with it the liveness lock, is gone: take it again next time
        this.liveness = null
        client.end().catch(() => {})
      })
      await client.connect()
      ;(client as unknown as { connection?: { stream?: { unref?(): void } } }).connection?.stream?.unref?.()
      await client.query(`SELECT pg_advisory_lock($1, $2)`, [PROCESS_LOCK_CLASS, hash(this.owner)])
    })().catch((err) => {
      this.liveness = null
      throw err
    })
    return this.liveness
  }
}

/** A 32-bit signed hash (djb2) of a string, for advisory lock keys. */
function hash(value: string): number {
  let h = 5381
  for (let i = 0; i < value.length; i++) {
    h = (Math.imul(h, 33) ^ value.charCodeAt(i)) | 0
  }
  return h
}
