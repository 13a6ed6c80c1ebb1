import path from "path"
import type { IPaymentModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { discoveryPath } from "@medusajs/medusa/payment"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { EMULATOR_PAYMENT_PROVIDER_ID } from ".."
import { authorizeAndCapture } from "../../../workflows/purchase-tariff/steps/charge-payment"

jest.setTimeout(60000)

// The Payment Module's package root: the runner loads the module and its data
// models (for the test schema) from there.
const PAYMENT_MODULE = path.resolve(path.dirname(discoveryPath), "..")
const EMULATOR = path.resolve(__dirname, "..")

const paymentModuleWithEmulator = (options: Record<string, unknown>) => ({
  moduleName: Modules.PAYMENT,
  resolve: PAYMENT_MODULE,
  moduleOptions: {
    providers: [{ resolve: EMULATOR, id: "emulator", options }],
  },
})

type Attempt = {
  payment_collection_id: string
  payment_session_id: string
  payment_id: string | null
  error: unknown
}

/** A collection of 399 RUB and an emulator session on it with `data` (the shopper's token). */
async function openSession(service: IPaymentModuleService, data: Record<string, unknown>) {
  const collection = await service.createPaymentCollections({ amount: 399, currency_code: "rub" })
  const session = await service.createPaymentSession(collection.id, {
    provider_id: EMULATOR_PAYMENT_PROVIDER_ID,
    amount: 399,
    currency_code: "rub",
    data,
  })
  return { collection, session }
}

/**
 * What the purchase workflow does: a collection for the amount, a session with
 * the emulator and the shopper's token, authorize, capture.
 */
async function pay(
  service: IPaymentModuleService,
  data: Record<string, unknown>
): Promise<Attempt> {
  const { collection, session } = await openSession(service, data)
  try {
    const payment = await service.authorizePaymentSession(session.id, {})
    if (!payment) {
      throw new Error("authorization left pending")
    }
    await service.capturePayment({ payment_id: payment.id })
    return {
      payment_collection_id: collection.id,
      payment_session_id: session.id,
      payment_id: payment.id,
      error: null,
    }
  } catch (error) {
    return {
      payment_collection_id: collection.id,
      payment_session_id: session.id,
      payment_id: null,
      error,
    }
  }
}

moduleIntegrationTestRunner<IPaymentModuleService>({
  ...paymentModuleWithEmulator({ declineRate: 0, delayMs: 0 }),
  dbName: "medusa-payment-emulator-integration",
  testSuite: ({ service }) => {
    it("registers the emulator as pp_emulator_emulator", async () => {
      const providers = await service.listPaymentProviders({
        id: EMULATOR_PAYMENT_PROVIDER_ID,
      })
      expect(providers).toEqual([
        expect.objectContaining({
          id: "pp_emulator_emulator",
          is_enabled: true,
        }),
      ])
    })

    it.each([[{ token: "tok_success" }], [{}]])(
      "authorizes and captures with %p",
      async (data) => {
        const attempt = await pay(service, data)
        expect(attempt.error).toBeNull()

        const session = await service.retrievePaymentSession(
          attempt.payment_session_id
        )
        expect(session.status).toBe("authorized")
        const payment = await service.retrievePayment(attempt.payment_id!, {
          relations: ["captures"],
        })
        expect(payment.captured_at).toBeTruthy()
        expect(payment.captures).toHaveLength(1)
        expect(payment.data).toMatchObject({ emulator_status: "captured" })

        const collection = await service.retrievePaymentCollection(
          attempt.payment_collection_id
        )
        expect(collection.status).toBe("completed")
        expect(Number(collection.captured_amount)).toBe(399)
      }
    )

    it.each([
      ["tok_declined", "card_declined"],
      ["tok_insufficient_funds", "insufficient_funds"],
      ["tok_error", "gateway_error"],
      ["tok_what", "invalid_token"],
    ])(
      "a decline with %s surfaces as NOT_ALLOWED and leaves %s on the session",
      async (token, reason) => {
        const attempt = await pay(service, { token })

        // authorizePaymentSession throws the Payment Module's own error ...
        expect(MedusaError.isMedusaError(attempt.error)).toBe(true)
        expect(attempt.error).toMatchObject({
          type: MedusaError.Types.NOT_ALLOWED,
          message: `Session: ${attempt.payment_session_id} was not authorized with the provider.`,
        })

        // ... after it stored the provider's status and data on the session
        const session = await service.retrievePaymentSession(
          attempt.payment_session_id
        )
        expect(session.status).toBe("error")
        expect(session.data).toMatchObject({
          token,
          emulator_status: "declined",
          failure_reason: reason,
          failure_message: expect.any(String),
        })
        expect(session.authorized_at).toBeNull()

        // no payment exists and nothing was charged
        expect(
          await service.listPayments({
            payment_session_id: attempt.payment_session_id,
          })
        ).toEqual([])
        const collection = await service.retrievePaymentCollection(
          attempt.payment_collection_id
        )
        expect(collection.status).not.toBe("completed")
        expect(Number(collection.captured_amount ?? 0)).toBe(0)
      }
    )

    it("authorizeAndCapture (the purchase's charge) captures after a manual-capture authorization", async () => {
      const { collection, session } = await openSession(service, { token: "tok_success" })
      const payment = await authorizeAndCapture(service, session.id, 399)
      const stored = await service.retrievePayment(payment!.id, { relations: ["captures"] })
      expect(stored.captures).toHaveLength(1)
      expect(stored.data).toMatchObject({ emulator_status: "captured" })
      expect((await service.retrievePaymentCollection(collection.id)).status).toBe("completed")
    })

    it("cancels an authorized payment that is not captured (compensation)", async () => {
      const { session } = await openSession(service, { token: "tok_success" })
      const payment = await service.authorizePaymentSession(session.id, {})
      expect(payment).not.toBeNull()
      if (!payment) {
        return
      }
      const canceled = await service.cancelPayment(payment.id)
      expect(canceled.canceled_at).toBeTruthy()
      await expect(
        service.capturePayment({ payment_id: payment.id })
      ).rejects.toThrow(/has been canceled/)
    })

    it("refunds a captured payment (compensation)", async () => {
      const attempt = await pay(service, { token: "tok_success" })
      await service.refundPayment({ payment_id: attempt.payment_id!, amount: 399 })
      const payment = await service.retrievePayment(attempt.payment_id!, {
        relations: ["refunds"],
      })
      expect(payment.refunds).toHaveLength(1)
      expect(payment.data).toMatchObject({ refunded_amount: "399" })
    })
  },
})

moduleIntegrationTestRunner<IPaymentModuleService>({
  ...paymentModuleWithEmulator({ declineRate: 1 }),
  dbName: "medusa-payment-emulator-decline-integration",
  testSuite: ({ service }) => {
    it("with declineRate 1 declines a successful token as card_declined", async () => {
      const attempt = await pay(service, { token: "tok_success" })
      expect(attempt.error).toMatchObject({ type: MedusaError.Types.NOT_ALLOWED })
      const session = await service.retrievePaymentSession(
        attempt.payment_session_id
      )
      expect(session.status).toBe("error")
      expect(session.data?.failure_reason).toBe("card_declined")
    })
  },
})

moduleIntegrationTestRunner<IPaymentModuleService>({
  ...paymentModuleWithEmulator({ autoCapture: true }),
  dbName: "medusa-payment-emulator-autocapture-integration",
  testSuite: ({ service }) => {
    const authorize = async (token: string) => {
      const { collection, session } = await openSession(service, { token })
      const payment = await service.authorizePaymentSession(session.id, {}).catch(() => null)
      return { collection, session, payment }
    }

    it("with autoCapture the authorization alone captures the whole amount", async () => {
      const { collection, payment } = await authorize("tok_success")
      expect(payment?.captured_at).toBeTruthy()
      const stored = await service.retrievePayment(payment!.id, { relations: ["captures"] })
      expect(stored.captured_at).toBeTruthy()
      expect(stored.captures).toHaveLength(1)
      expect(Number(stored.captures![0].amount)).toBe(399)
      expect(stored.data).toMatchObject({ emulator_status: "captured" })
      const after = await service.retrievePaymentCollection(collection.id)
      expect(after.status).toBe("completed")
      expect(Number(after.captured_amount)).toBe(399)

      // a capture call afterwards changes nothing: still one capture
      await service.capturePayment({ payment_id: payment!.id })
      const again = await service.retrievePayment(payment!.id, { relations: ["captures"] })
      expect(again.captures).toHaveLength(1)
    })

    it("authorizeAndCapture (the purchase's charge) makes one capture, or none on a decline", async () => {
      const { collection, session } = await openSession(service, { token: "tok_success" })
      const payment = await authorizeAndCapture(service, session.id, 399)
      const stored = await service.retrievePayment(payment!.id, { relations: ["captures"] })
      expect(stored.captures).toHaveLength(1)

      const declined = await authorize("tok_insufficient_funds")
      expect(await authorizeAndCapture(service, declined.session.id, 399)).toBeNull()
    })

    it("with autoCapture a decline still captures nothing", async () => {
      const { collection, session, payment } = await authorize("tok_declined")
      expect(payment).toBeNull()
      expect((await service.retrievePaymentSession(session.id)).data?.failure_reason).toBe("card_declined")
      expect(await service.listPayments({ payment_session_id: session.id })).toEqual([])
      const after = await service.retrievePaymentCollection(collection.id)
      expect(Number(after.captured_amount ?? 0)).toBe(0)
    })

    it("an auto-captured payment is refunded in full (compensation, admin refund)", async () => {
      const { payment } = await authorize("tok_success")
      await service.refundPayment({ payment_id: payment!.id, amount: 399 })
      const stored = await service.retrievePayment(payment!.id, { relations: ["refunds"] })
      expect(stored.refunds).toHaveLength(1)
      expect(stored.data).toMatchObject({ refunded_amount: "399" })
    })
  },
})
