import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MathBN, Modules } from "@medusajs/framework/utils"
import {
  SUBSCRIPTION_MODULE,
  unusedCredit,
  type SubscriptionSnapshot,
} from "../../../modules/subscription"
import type SubscriptionModuleService from "../../../modules/subscription/service"

export type RefundProratedInput = {
  /** the subscription as it was before it ended */
  before: SubscriptionSnapshot
  /** when it ended */
  at: string
}

export type RefundResult = { amount: number; currency_code: string | null; refunds: { payment_id: string; amount: number }[] }

/**
 * Refunds the unused part of the period that was cut short (value × unused
 * time / period length, rounded down to the minor unit) through the Payment
 * Module, from the subscription's payments, newest first, never more than
 * each one has left. The last step of its workflow: nothing after it can
 * fail and ask for the money back.
 */
export const refundProratedStep = createStep(
  "refund-prorated",
  async (input: RefundProratedInput, { container }) => {
    const { before } = input
    const currency = before.currency_code ?? "rub"
    const amount = unusedCredit({
      paid: before.period_amount ?? 0,
      period_start: new Date(before.current_period_start),
      period_end: new Date(before.ends_at),
      at: new Date(input.at),
      currency_code: currency,
    })
    const subscriptions = container.resolve<SubscriptionModuleService>(SUBSCRIPTION_MODULE)
    const payments = container.resolve(Modules.PAYMENT)
    const purchases = await subscriptions.listPurchases(
      { subscription_id: before.id, status: "completed", payment_id: { $ne: null } },
      { order: { completed_at: "DESC" }, select: ["id", "payment_id"] }
    )
    let left = MathBN.convert(amount)
    const refunds: RefundResult["refunds"] = []
    for (const purchase of purchases) {
      if (MathBN.lte(left, 0)) break
      const payment = await payments.retrievePayment(purchase.payment_id!, { relations: ["refunds"] })
      const refunded = MathBN.sum(0, ...(payment.refunds ?? []).map((r) => r.amount))
      const refundable = MathBN.sub(payment.amount, refunded)
      const part = MathBN.min(left, refundable)
      if (MathBN.lte(part, 0)) continue
      await payments.refundPayment({ payment_id: payment.id, amount: part.toNumber() })
      refunds.push({ payment_id: payment.id, amount: part.toNumber() })
      left = MathBN.sub(left, part)
    }
    const refundedTotal = MathBN.sum(0, ...refunds.map((r) => r.amount)).toNumber()
    return new StepResponse<RefundResult>({ amount: refundedTotal, currency_code: before.currency_code, refunds })
  }
)
