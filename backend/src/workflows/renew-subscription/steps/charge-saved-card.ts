import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { RenewalAttempt } from "../../../modules/subscription"
import { subscriptionService } from "../../../lib/purchases"
import { authorizeAndCapture, paymentProviderId } from "../../purchase-tariff/steps/charge-payment"

type Refund = { purchase_id: string; payment_collection_id: string; payment_id: string }

export type ChargeSavedCardInput = {
  attempt: RenewalAttempt
  purchase_id: string
  amount: number
  currency_code: string
}

export type SavedCardCharge =
  | { approved: true; payment_collection_id: string | null; payment_id: string | null }
  | { approved: false; payment_collection_id: string; reason: string }

/**
 * Charges the saved card off-session through the Payment Module: a payment
 * collection, a session naming the card (`payment_method_id`,
 * `off_session`) on the customer's account holder, authorize and capture
 * (one call with a provider that captures in the authorization). A
 * decline is an answer, not an error: `{ approved: false, reason }` (the
 * provider's `failure_reason`, else `gateway_error`). Compensation refunds a
 * captured charge (or cancels an authorized one) whose renewal could not be
 * recorded, and fails the purchase (`renewal_error`) with that payment on it.
 */
export const chargeSavedCardStep = createStep(
  "charge-saved-card",
  async (input: ChargeSavedCardInput, { container }) => {
    if (input.amount <= 0) {
      return new StepResponse<SavedCardCharge, Refund | null>(
        { approved: true, payment_collection_id: null, payment_id: null },
        null
      )
    }
    const payments = container.resolve(Modules.PAYMENT)
    const [collection] = await payments.createPaymentCollections([
      { currency_code: input.currency_code, amount: input.amount },
    ])
    // on the purchase before any money moves: a process dying after the capture
    // leaves a charge that recover.ts finds and refunds
    await subscriptionService(container).updatePurchases({
      id: input.purchase_id,
      payment_collection_id: collection.id,
    })
    const { data: [accountHolder] } = input.attempt.account_holder_id
      ? await container.resolve(ContainerRegistrationKeys.QUERY).graph({
          entity: "account_holder",
          fields: ["id", "provider_id", "external_id", "email", "data"],
          filters: { id: input.attempt.account_holder_id },
        })
      : { data: [] }
    const session = await payments.createPaymentSession(collection.id, {
      provider_id: paymentProviderId(),
      currency_code: input.currency_code,
      amount: input.amount,
      data: {
        payment_method_id: input.attempt.payment_method_id,
        off_session: true,
        off_session_attempt: input.attempt.attempt,
        purchase_id: input.purchase_id,
      },
      context: accountHolder ? { account_holder: accountHolder } : undefined,
    })
    const payment = await authorizeAndCapture(payments, session.id, input.amount)
    if (!payment) {
      const after = await payments.retrievePaymentSession(session.id)
      const reason = (after.data?.failure_reason as string | undefined) ?? "gateway_error"
      return new StepResponse<SavedCardCharge, Refund | null>(
        { approved: false, payment_collection_id: collection.id, reason },
        null
      )
    }
    return new StepResponse<SavedCardCharge, Refund | null>(
      { approved: true, payment_collection_id: collection.id, payment_id: payment.id },
      { purchase_id: input.purchase_id, payment_collection_id: collection.id, payment_id: payment.id }
    )
  },
  async (refund, { container }) => {
    if (!refund) return
    const payments = container.resolve(Modules.PAYMENT)
    const payment = await payments.retrievePayment(refund.payment_id, { relations: ["captures", "refunds"] })
    if (!payment.refunds?.length) {
      if (payment.captures?.length) {
        await payments.refundPayment({ payment_id: payment.id, amount: payment.amount })
      } else {
        await payments.cancelPayment(payment.id)
      }
    }
    // the failed renewal keeps the payment it refunded
    const purchase = await subscriptionService(container).retrievePurchase(refund.purchase_id)
    if (purchase.status === "pending") {
      await subscriptionService(container).failPurchase(refund.purchase_id, {
        failure_reason: "renewal_error",
        payment_collection_id: refund.payment_collection_id,
        payment_id: refund.payment_id,
      })
    }
  }
)
