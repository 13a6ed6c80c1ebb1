import type { FilterableNotificationProps, MedusaContainer, NotificationDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/** The Notification Module stores `idempotency_key` (unique) though its DTO types leave it out. */
type KeyFilters = FilterableNotificationProps & { idempotency_key?: string[]; status?: string[] }
type Keyed = NotificationDTO & { idempotency_key?: string | null }

/** The notifications of these idempotency keys that went out or are going out (a failed one may be sent again). */
export async function sentNotifications(
  container: MedusaContainer,
  keys: string[]
): Promise<{ id: string; idempotency_key: string }[]> {
  if (!keys.length) return []
  const filters: KeyFilters = { idempotency_key: keys, status: ["pending", "success"] }
  const found: Keyed[] = await container
    .resolve(Modules.NOTIFICATION)
    .listNotifications(filters, { select: ["id", "idempotency_key"], take: keys.length })
  return found.map((n) => ({ id: n.id, idempotency_key: n.idempotency_key ?? "" }))
}
