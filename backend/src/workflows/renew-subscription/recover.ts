import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { subscriptionService } from "../../lib/purchases"

const DAY_MS = 24 * 60 * 60 * 1000
const LIMIT = 200

/**
 * Renewals whose process died between the charge and its record: a renewal
 * purchase still pending after `olderThan`, or one the abandoned-purchase job
 * already failed (`abandoned`) in the last day. Any payment captured on its
 * collection is refunded (an authorized one cancelled), and the purchase is
 * failed, which frees its period for the next pass: the period is then
 * charged once. Idempotent (a refunded payment is left alone). Returns how
 * many payments it gave back.
 */
export async function recoverAbandonedRenewals(
  container: MedusaContainer,
  { olderThan }: { olderThan: Date }
): Promise<number> {
  const service = subscriptionService(container)
  const payments = container.resolve(Modules.PAYMENT)
  const [pending, abandoned] = await Promise.all([
    service.listPurchases(
      { kind: "renewal", status: "pending", created_at: { $lt: olderThan } },
      { select: ["id", "payment_collection_id", "status"], take: LIMIT }
    ),
    service.listPurchases(
      {
        kind: "renewal",
        status: "failed",
        failure_reason: "abandoned",
        payment_collection_id: { $ne: null },
        updated_at: { $gt: new Date(olderThan.getTime() - DAY_MS) },
      },
      { select: ["id", "payment_collection_id", "status"], take: LIMIT }
    ),
  ])
  let given = 0
  for (const purchase of [...pending, ...abandoned]) {
    const held = purchase.payment_collection_id
      ? ((
          await payments.retrievePaymentCollection(purchase.payment_collection_id, {
            relations: ["payments", "payments.captures", "payments.refunds"],
          })
        ).payments ?? [])
      : []
    for (const payment of held) {
      if (payment.refunds?.length || payment.canceled_at) continue
      if (payment.captures?.length) {
        await payments.refundPayment({ payment_id: payment.id, amount: payment.amount })
      } else {
        await payments.cancelPayment(payment.id)
      }
      given += 1
    }
    if (purchase.status === "pending") {
      await service.failPurchase(purchase.id, {
        failure_reason: "abandoned",
        payment_collection_id: purchase.payment_collection_id ?? null,
        payment_id: held[0]?.id ?? null,
      })
    }
  }
  if (given) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`Gave back ${given} payment(s) of renewals abandoned between charge and record`)
  }
  return given
}
