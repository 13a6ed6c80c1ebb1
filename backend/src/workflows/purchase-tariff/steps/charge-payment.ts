import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IPaymentModuleService, PaymentDTO } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { SUBSCRIPTION_MODULE } from "../../../modules/subscription"
import type SubscriptionModuleService from "../../../modules/subscription/service"

export const PAYMENT_DECLINED = "PAYMENT_DECLINED"

/** The Payment Module provider purchases are paid with; a real one is configuration. */
export const paymentProviderId = () =>
  process.env.PAYMENT_PROVIDER_ID || "pp_emulator_emulator"

export type ChargePaymentInput = {
  purchase_id: string
  amount: number
  currency_code: string
  token?: string | null
}

/**
 * Authorizes a payment session and has its whole amount captured: in the one
 * call when the provider captures in the authorization (a gateway's automatic
 * capture, the emulator's `autoCapture`; the Payment Module then records the
 * capture itself), else by a capture after it. null when the provider declined
 * (its reason is on the session).
 */
export async function authorizeAndCapture(
  payments: IPaymentModuleService,
  sessionId: string,
  amount: number
): Promise<PaymentDTO | null> {
  const payment = await payments.authorizePaymentSession(sessionId, {}).catch(() => null)
  if (payment && !payment.captured_at) {
    await payments.capturePayment({ payment_id: payment.id, amount })
  }
  return payment
}

type RefundOnFailure = { payment_id: string } | null

export type ChargeResult = { payment_collection_id: string; payment_id: string } | null

/**
 * Authorizes and captures the total through Medusa's Payment Module (one call
 * with a provider that captures in the authorization, see authorizeAndCapture). A total
 * of 0 needs no payment. A decline records the purchase as failed with the
 * provider's reason and ends the workflow with PAYMENT_DECLINED (402).
 * Compensation refunds a captured payment (or cancels an authorized one).
 */
export const chargePaymentStep = createStep(
  "charge-payment",
  async (input: ChargePaymentInput, { container }) => {
    if (input.amount <= 0) {
      return new StepResponse<ChargeResult, RefundOnFailure>(null, null)
    }
    const payments = container.resolve(Modules.PAYMENT)
    const subscriptions = container.resolve<SubscriptionModuleService>(SUBSCRIPTION_MODULE)
    const [collection] = await payments.createPaymentCollections([
      { currency_code: input.currency_code, amount: input.amount },
    ])
    const session = await payments.createPaymentSession(collection.id, {
      provider_id: paymentProviderId(),
      currency_code: input.currency_code,
      amount: input.amount,
      data: { token: input.token ?? "tok_success", purchase_id: input.purchase_id },
    })
    // A decline is not an exception of ours: the provider stores its reason on
    // the session and the Payment Module refuses to authorize it.
    const payment = await authorizeAndCapture(payments, session.id, input.amount)
    if (!payment) {
      const after = await payments.retrievePaymentSession(session.id)
      const reason = (after.data?.failure_reason as string | undefined) ?? "gateway_error"
      await subscriptions.failPurchase(input.purchase_id, {
        failure_reason: reason,
        payment_collection_id: collection.id,
      })
      throw new MedusaError(
        MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR,
        `Payment declined: ${reason}`,
        PAYMENT_DECLINED
      )
    }
    const paymentId = payment.id
    return new StepResponse<ChargeResult, RefundOnFailure>(
      { payment_collection_id: collection.id, payment_id: paymentId },
      { payment_id: paymentId }
    )
  },
  async (compensation, { container }) => {
    if (!compensation) return
    const payments = container.resolve(Modules.PAYMENT)
    const payment = await payments.retrievePayment(compensation.payment_id, {
      relations: ["captures"],
    })
    if (payment.captures?.length) {
      await payments.refundPayment({ payment_id: payment.id, amount: payment.amount })
    } else {
      await payments.cancelPayment(payment.id)
    }
  }
)
