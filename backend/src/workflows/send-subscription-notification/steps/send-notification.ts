import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { sentNotifications } from "../../../notifications/sent"

/**
 * Creates the notification through the Notification Module, which hands it
 * to the provider of its channel and skips an `idempotency_key` it has sent.
 * Two deliveries at the same moment race to the key's unique index: the
 * loser finds the winner's notification and answers `sent: false`. No
 * compensation: a sent message cannot be taken back.
 */
export const sendNotificationStep = createStep(
  "send-subscription-notification",
  async (notification: CreateNotificationDTO, { container }) => {
    const service = container.resolve(Modules.NOTIFICATION)
    try {
      const created = await service.createNotifications(notification)
      return new StepResponse({ id: created?.id ?? null, sent: !!created })
    } catch (error) {
      const [existing] = await sentNotifications(container, [notification.idempotency_key!])
      if (existing) {
        return new StepResponse({ id: existing.id, sent: false })
      }
      throw error
    }
  }
)
