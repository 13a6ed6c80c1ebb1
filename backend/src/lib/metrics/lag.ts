import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { reservationTtlMs } from "../reservations"
import { jobLagSeconds } from "./registry"

type Knex = { raw(sql: string, bindings?: unknown[]): Promise<{ rows: { lag: string | number | null }[] }> }

/**
 * Each job's backlog, as the age of its oldest overdue item:
 * - release-expired-promocode-reservations: a reservation past its expiry still held
 * - fail-abandoned-purchases: a purchase pending longer than the reservation time to live
 * - record-missing-purchase-orders: a completed purchase with no order yet
 */
const BACKLOG: Record<string, (ttlSeconds: number) => [string, unknown[]]> = {
  "release-expired-promocode-reservations": () => [
    `select extract(epoch from now() - min(expires_at)) as lag from promocode_usage
     where status = 'reserved' and expires_at < now() and deleted_at is null`,
    [],
  ],
  "fail-abandoned-purchases": (ttl) => [
    `select extract(epoch from now() - min(created_at)) - ? as lag from purchase
     where status = 'pending' and created_at < now() - make_interval(secs => ?) and deleted_at is null`,
    [ttl, ttl],
  ],
  "record-missing-purchase-orders": () => [
    `select extract(epoch from now() - min(updated_at)) as lag from purchase
     where status = 'completed' and order_id is null and deleted_at is null`,
    [],
  ],
}

/** Reads every job's lag into the gauge (called before each scrape). */
export async function refreshJobLag(container: MedusaContainer): Promise<void> {
  const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const ttlSeconds = reservationTtlMs() / 1000
  await Promise.all(
    Object.entries(BACKLOG).map(async ([job, query]) => {
      const [sql, bindings] = query(ttlSeconds)
      const { rows } = await db.raw(sql, bindings)
      jobLagSeconds.set({ job }, Math.max(0, Number(rows[0]?.lag ?? 0)))
    })
  )
}
