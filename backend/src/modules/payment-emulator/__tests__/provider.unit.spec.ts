import { PaymentSessionStatus } from "@medusajs/framework/utils"
import EmulatorProviderModule from ".."
import { decideOutcome } from "../lib/outcome"
import EmulatorPaymentProviderService, { EmulatorOptions } from "../service"

const provider = (options: EmulatorOptions = {}) =>
  new EmulatorPaymentProviderService({}, options)

async function authorize(
  service: EmulatorPaymentProviderService,
  data: Record<string, unknown>
) {
  const session = await service.initiatePayment({
    amount: 399,
    currency_code: "rub",
    data,
  })
  return await service.authorizePayment({ data: session.data })
}

describe("decideOutcome", () => {
  const never = () => 0.999999
  const always = () => 0

  it.each([
    [undefined, { approved: true }],
    [null, { approved: true }],
    ["", { approved: true }],
    ["tok_success", { approved: true }],
    ["tok_declined", { approved: false, reason: "card_declined" }],
    ["tok_insufficient_funds", { approved: false, reason: "insufficient_funds" }],
    ["tok_error", { approved: false, reason: "gateway_error" }],
    ["tok_unknown", { approved: false, reason: "invalid_token" }],
    ["TOK_SUCCESS", { approved: false, reason: "invalid_token" }],
    ["constructor", { approved: false, reason: "invalid_token" }],
    [42, { approved: false, reason: "invalid_token" }],
  ])("token %p → %p", (token, expected) => {
    expect(decideOutcome(token, 0, never)).toEqual(expected)
  })

  it("declines successful tokens when the draw falls under the rate", () => {
    expect(decideOutcome("tok_success", 0.1, () => 0.05)).toEqual({
      approved: false,
      reason: "card_declined",
    })
    expect(decideOutcome("tok_success", 0.1, () => 0.1)).toEqual({
      approved: true,
    })
    expect(decideOutcome(undefined, 1, never)).toEqual({
      approved: false,
      reason: "card_declined",
    })
    expect(decideOutcome(undefined, 0, always)).toEqual({ approved: true })
  })

  it("keeps the token's own failure whatever the rate", () => {
    expect(decideOutcome("tok_insufficient_funds", 1, always)).toEqual({
      approved: false,
      reason: "insufficient_funds",
    })
  })
})

describe("EmulatorPaymentProviderService", () => {
  it("is registered as `emulator` in a Payment Module provider", () => {
    expect(EmulatorPaymentProviderService.identifier).toBe("emulator")
    expect(EmulatorProviderModule.services).toEqual([
      EmulatorPaymentProviderService,
    ])
  })

  describe("options", () => {
    it.each([
      [{}],
      [{ declineRate: 0 }],
      [{ declineRate: 1 }],
      [{ declineRate: 0.1, delayMs: 0 }],
      [{ delayMs: 2500 }],
    ])("accepts %p", (options) => {
      expect(() =>
        EmulatorPaymentProviderService.validateOptions(options)
      ).not.toThrow()
    })

    it.each([
      [{ declineRate: -0.1 }],
      [{ declineRate: 1.5 }],
      [{ declineRate: Number.NaN }],
      [{ declineRate: "0.1" }],
      [{ delayMs: -1 }],
      [{ delayMs: Number.POSITIVE_INFINITY }],
      [{ delayMs: "100" }],
    ])("rejects %p", (options) => {
      expect(() =>
        EmulatorPaymentProviderService.validateOptions(options)
      ).toThrow(/Payment emulator/)
      expect(() => provider(options as EmulatorOptions)).toThrow(
        /Payment emulator/
      )
    })

    it("rejects what medusa-config makes of a non-numeric env variable", () => {
      expect(() =>
        EmulatorPaymentProviderService.validateOptions({
          declineRate: Number("ten percent"),
        })
      ).toThrow(/declineRate/)
    })
  })

  describe("decline rate", () => {
    it("never declines a successful token at rate 0", async () => {
      const service = provider({ declineRate: 0 })
      for (let i = 0; i < 50; i++) {
        const result = await authorize(service, { token: "tok_success" })
        expect(result.status).toBe(PaymentSessionStatus.AUTHORIZED)
      }
    })

    it("declines every authorization with card_declined at rate 1", async () => {
      const service = provider({ declineRate: 1 })
      for (const data of [{}, { token: "tok_success" }]) {
        const result = await authorize(service, data)
        expect(result.status).toBe(PaymentSessionStatus.ERROR)
        expect(result.data).toMatchObject({
          failure_reason: "card_declined",
          emulator_status: "declined",
        })
      }
    })
  })

  describe("payment lifecycle", () => {
    it("authorizes, captures and refunds a successful payment", async () => {
      const service = provider()
      const session = await service.initiatePayment({
        amount: 399,
        currency_code: "rub",
        data: { token: "tok_success", session_id: "payses_1" },
      })
      expect(session.status).toBe(PaymentSessionStatus.PENDING)
      expect(session.id).toMatch(/^emu_/)
      expect(session.data).toMatchObject({
        token: "tok_success",
        session_id: "payses_1",
        emulator_status: "pending",
      })

      const authorized = await service.authorizePayment({ data: session.data })
      expect(authorized.status).toBe(PaymentSessionStatus.AUTHORIZED)
      expect(
        (await service.getPaymentStatus({ data: authorized.data })).status
      ).toBe(PaymentSessionStatus.AUTHORIZED)

      const captured = await service.capturePayment({ data: authorized.data })
      expect(captured.data).toMatchObject({ emulator_status: "captured" })
      expect(
        (await service.getPaymentStatus({ data: captured.data })).status
      ).toBe(PaymentSessionStatus.CAPTURED)

      const refunded = await service.refundPayment({
        data: captured.data,
        amount: 100,
      })
      const again = await service.refundPayment({
        data: refunded.data,
        amount: 99.5,
      })
      expect(again.data?.refunded_amount).toBe("199.5")
    })

    it("answers a repeated authorization the same way", async () => {
      const service = provider({ declineRate: 0 })
      const declined = await authorize(service, { token: "tok_declined" })
      const repeated = await service.authorizePayment({ data: declined.data })
      expect(repeated).toEqual(declined)
    })

    it("reads the token from the context when the data has none", async () => {
      const service = provider()
      const result = await service.authorizePayment({
        data: {},
        context: { token: "tok_insufficient_funds" } as never,
      })
      expect(result.data?.failure_reason).toBe("insufficient_funds")
    })

    it("cancels an authorized payment and refuses to capture it afterwards", async () => {
      const service = provider()
      const authorized = await authorize(service, {})
      const canceled = await service.cancelPayment({ data: authorized.data })
      expect(
        (await service.getPaymentStatus({ data: canceled.data })).status
      ).toBe(PaymentSessionStatus.CANCELED)
      await expect(
        service.capturePayment({ data: canceled.data })
      ).rejects.toThrow(/cannot capture/)
    })

    it("refuses to capture a declined payment or refund an uncaptured one", async () => {
      const service = provider()
      const declined = await authorize(service, { token: "tok_error" })
      await expect(
        service.capturePayment({ data: declined.data })
      ).rejects.toThrow(/cannot capture/)
      const authorized = await authorize(service, {})
      await expect(
        service.refundPayment({ data: authorized.data, amount: 1 })
      ).rejects.toThrow(/cannot refund/)
    })

    it("waits delayMs before answering an authorization", async () => {
      const service = provider({ delayMs: 150 })
      const started = Date.now()
      await authorize(service, {})
      expect(Date.now() - started).toBeGreaterThanOrEqual(140)
    })

    it("does not support webhooks", async () => {
      expect(
        await provider().getWebhookActionAndData({
          data: {},
          rawData: "",
          headers: {},
        })
      ).toEqual({ action: "not_supported" })
    })
  })
})

describe("autoCapture", () => {
  it("captures in an approved authorization, idempotently", async () => {
    const service = provider({ autoCapture: true })
    const answer = await authorize(service, { token: "tok_success" })
    expect(answer.status).toBe(PaymentSessionStatus.CAPTURED)
    expect(answer.data).toMatchObject({
      emulator_status: "captured",
      authorized_at: expect.any(String),
      captured_at: expect.any(String),
    })
    // asked again (a retry), the same answer; a capture call changes nothing
    expect((await service.authorizePayment({ data: answer.data })).status).toBe(
      PaymentSessionStatus.CAPTURED
    )
    expect((await service.capturePayment({ data: answer.data })).data).toEqual(answer.data)
    // and it is refunded, not cancelled
    await expect(service.cancelPayment({ data: answer.data })).rejects.toThrow(/refunded/)
    const refunded = await service.refundPayment({ data: answer.data, amount: 399 })
    expect(refunded.data).toMatchObject({ refunded_amount: "399" })
  })

  it("declines as without it", async () => {
    const answer = await authorize(provider({ autoCapture: true }), { token: "tok_declined" })
    expect(answer.status).toBe(PaymentSessionStatus.ERROR)
    expect(answer.data).toMatchObject({ emulator_status: "declined", failure_reason: "card_declined" })
    expect(answer.data?.captured_at).toBeUndefined()
  })

  it("is off unless asked for", async () => {
    const answer = await authorize(provider(), { token: "tok_success" })
    expect(answer.status).toBe(PaymentSessionStatus.AUTHORIZED)
  })

  it.each([["yes"], [1], [null]])("refuses autoCapture %p at start", (autoCapture) => {
    expect(() =>
      EmulatorPaymentProviderService.validateOptions({ autoCapture } as Record<string, unknown>)
    ).toThrow(/autoCapture must be true or false/)
  })
})
