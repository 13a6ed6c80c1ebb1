import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MathBN, MedusaError, Modules } from "@medusajs/framework/utils"
import { subscriptionService } from "../../../lib/purchases"

export const PURCHASE_NOT_FOUND = "PURCHASE_NOT_FOUND"
export const REFUND_NOT_AVAILABLE = "REFUND_NOT_AVAILABLE"
export const REFUND_AMOUNT_TOO_LARGE = "REFUND_AMOUNT_TOO_LARGE"

export type RefundPurchaseInput = {
  subscription_id: string
  purchase_id: string
  /** omitted: everything the payment can still give back */
  amount?: number
}

export type RefundPurchaseResult = {
  purchase_id: string
  payment_id: string
  amount: number
  currency_code: string
  refundable_left: number
}

/**
 * Gives back part or all of one purchase of the subscription through the
 * Payment Module (`refundPayment`, which asks the provider). 404
 * PURCHASE_NOT_FOUND for a purchase of another subscription, 400
 * REFUND_NOT_AVAILABLE when it was not paid or is refunded in full, 400
 * REFUND_AMOUNT_TOO_LARGE above what is left. Money given back cannot be
 * taken again: the last step of its workflow, no compensation.
 */
export const refundPurchaseStep = createStep("refund-subscription-purchase", async (input: RefundPurchaseInput, { container }) => {
  const [purchase] = await subscriptionService(container).listPurchases(
    { id: input.purchase_id, subscription_id: input.subscription_id },
    { take: 1 }
  )
  if (!purchase) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Purchase ${input.purchase_id} of subscription ${input.subscription_id} was not found`,
      PURCHASE_NOT_FOUND
    )
  }
  if (purchase.status !== "completed" || !purchase.payment_id) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Purchase ${purchase.id} was not paid`, REFUND_NOT_AVAILABLE)
  }
  const payments = container.resolve(Modules.PAYMENT)
  const payment = await payments.retrievePayment(purchase.payment_id, { relations: ["refunds"] })
  const refunded = MathBN.sum(0, ...(payment.refunds ?? []).map((r) => r.amount))
  const left = MathBN.sub(payment.amount, refunded)
  if (MathBN.lte(left, 0)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Purchase ${purchase.id} is refunded in full`, REFUND_NOT_AVAILABLE)
  }
  const amount = input.amount === undefined ? left : MathBN.convert(input.amount)
  if (MathBN.gt(amount, left)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `At most ${left.toNumber()} of purchase ${purchase.id} can be refunded`,
      REFUND_AMOUNT_TOO_LARGE
    )
  }
  await payments.refundPayment({ payment_id: payment.id, amount: amount.toNumber(), note: "admin refund" })
  return new StepResponse<RefundPurchaseResult>({
    purchase_id: purchase.id,
    payment_id: payment.id,
    amount: amount.toNumber(),
    currency_code: purchase.currency_code,
    refundable_left: MathBN.sub(left, amount).toNumber(),
  })
})
