import { PaymentSessionStatus } from "@medusajs/framework/utils"
import { behaviourOf, decideOffSessionOutcome, decideOutcome, savedCardFor } from "../lib/outcome"
import EmulatorPaymentProviderService from "../service"

const provider = () => new EmulatorPaymentProviderService({}, {})

async function save(service: EmulatorPaymentProviderService, token: unknown) {
  return await service.savePaymentMethod({ data: { token } })
}

async function chargeOffSession(service: EmulatorPaymentProviderService, paymentMethodId: string, attempt: number) {
  const session = await service.initiatePayment({
    amount: 399,
    currency_code: "rub",
    data: { payment_method_id: paymentMethodId, off_session: true, off_session_attempt: attempt },
  })
  return await service.authorizePayment({ data: session.data })
}

describe("saved-card tokens with the shopper present", () => {
  it.each(["tok_renewal_declined", "tok_renewal_declined_once", "tok_success"])("%s passes now", (token) => {
    expect(decideOutcome(token, 0)).toEqual({ approved: true })
  })
})

describe("savedCardFor / behaviourOf", () => {
  it.each([
    ["tok_success", "success", "visa", "4242"],
    [undefined, "success", "visa", "4242"],
    ["tok_renewal_declined", "renewal_declined", "visa", "0341"],
    ["tok_renewal_declined_once", "renewal_declined_once", "mastercard", "4444"],
  ])("%p saves a %s card (%s %s) whose id carries its behaviour", (token, behaviour, brand, last4) => {
    const saved = savedCardFor(token, "01ABC")
    expect(saved.card).toEqual({ id: `emupm_${behaviour}_01ABC`, behaviour, brand, last4 })
    expect(behaviourOf(saved.card!.id)).toEqual(behaviour)
  })

  it.each(["tok_declined", "tok_error", "tok_unknown", 42])("%p cannot be saved", (token) => {
    expect(savedCardFor(token, "X")).toEqual({ card: null, reason: "invalid_token" })
  })

  it.each([undefined, 7, "pm_card_visa", "emupm_gold_1", "emupm_success_"])("%p is no emulator card", (id) => {
    expect(behaviourOf(id)).toBeNull()
  })
})

describe("decideOffSessionOutcome", () => {
  it.each([
    ["emupm_success_1", 1, { approved: true }],
    ["emupm_success_1", 5, { approved: true }],
    ["emupm_renewal_declined_1", 1, { approved: false, reason: "card_declined" }],
    ["emupm_renewal_declined_1", 2, { approved: false, reason: "card_declined" }],
    ["emupm_renewal_declined_1", 9, { approved: false, reason: "card_declined" }],
    ["emupm_renewal_declined_once_1", 1, { approved: false, reason: "insufficient_funds" }],
    ["emupm_renewal_declined_once_1", 2, { approved: true }],
    ["emupm_renewal_declined_once_1", 3, { approved: true }],
    ["pm_unknown", 1, { approved: false, reason: "invalid_token" }],
  ])("%s, attempt %d → %p", (id, attempt, expected) => {
    expect(decideOffSessionOutcome(id, attempt)).toEqual(expected)
  })
})

describe("the provider's account holders and saved cards", () => {
  it("creates an account holder with no cards, and lists the cards its data carries", async () => {
    const service = provider()
    const holder = await service.createAccountHolder({
      context: { customer: { id: "cus_1", email: "a@b.c" } },
    })
    expect(holder.id).toMatch(/^emucus_/)
    expect(holder.data).toEqual({ id: holder.id, email: "a@b.c", payment_methods: [] })
    expect(await service.listPaymentMethods({ context: { account_holder: { data: holder.data! } } })).toEqual([])

    const card = await save(service, "tok_renewal_declined")
    const updated = await service.updateAccountHolder({
      context: { account_holder: { data: { ...holder.data, payment_methods: [card.data] } } },
    })
    const listed = await service.listPaymentMethods({ context: { account_holder: { data: updated.data! } } })
    expect(listed).toEqual([{ id: card.id, data: expect.objectContaining({ brand: "visa", last4: "0341" }) }])
  })

  it("refuses to save a declining token with INVALID_DATA invalid_token", async () => {
    await expect(save(provider(), "tok_declined")).rejects.toMatchObject({ type: "invalid_data", code: "invalid_token" })
  })

  it("tok_renewal_declined: passes with the shopper, then every off-session charge declines", async () => {
    const service = provider()
    const card = await save(service, "tok_renewal_declined")
    const now = await service.authorizePayment({ data: { token: "tok_renewal_declined", emulator_status: "pending" } })
    expect(now.status).toEqual(PaymentSessionStatus.AUTHORIZED)
    for (const attempt of [1, 2, 3, 4]) {
      const later = await chargeOffSession(service, card.id, attempt)
      expect([later.status, later.data?.failure_reason]).toEqual([PaymentSessionStatus.ERROR, "card_declined"])
    }
  })

  it("tok_renewal_declined_once: the first off-session charge declines, later ones pass", async () => {
    const service = provider()
    const card = await save(service, "tok_renewal_declined_once")
    const first = await chargeOffSession(service, card.id, 1)
    expect([first.status, first.data?.failure_reason]).toEqual([PaymentSessionStatus.ERROR, "insufficient_funds"])
    const second = await chargeOffSession(service, card.id, 2)
    expect(second.status).toEqual(PaymentSessionStatus.AUTHORIZED)
    const captured = await service.capturePayment({ data: second.data })
    expect(captured.data?.emulator_status).toEqual("captured")
  })

  it("tok_success: every off-session charge passes", async () => {
    const service = provider()
    const card = await save(service, "tok_success")
    for (const attempt of [1, 2, 3]) {
      expect((await chargeOffSession(service, card.id, attempt)).status).toEqual(PaymentSessionStatus.AUTHORIZED)
    }
  })
})
