import { EMULATOR_TOKENS, decideOutcome } from "../../modules/payment-emulator/lib/outcome"
import { declineCode, errorMessage } from "../error-messages"
import { DECLINE_MESSAGES, DECLINE_REASONS, isDeclineReason } from "../payment-declines"

describe("payment declines", () => {
  it("every decline reason has its message in English and Russian", () => {
    for (const reason of DECLINE_REASONS) {
      expect([reason, errorMessage(declineCode(reason), "en")]).toEqual([
        reason,
        DECLINE_MESSAGES[reason].en,
      ])
      expect(errorMessage(declineCode(reason), "ru")).toEqual(DECLINE_MESSAGES[reason].ru)
      expect(DECLINE_MESSAGES[reason].ru).not.toEqual(DECLINE_MESSAGES[reason].en)
    }
    expect(errorMessage("PAYMENT_CARD_DECLINED", "ru")).toEqual("Карта отклонена.")
  })

  it("every failure the emulator answers is a decline (a 402), other failures are not", () => {
    const failures = [
      decideOutcome(EMULATOR_TOKENS.DECLINED, 0),
      decideOutcome(EMULATOR_TOKENS.INSUFFICIENT_FUNDS, 0),
      decideOutcome(EMULATOR_TOKENS.ERROR, 0),
      decideOutcome("tok_unknown", 0),
      decideOutcome(undefined, 1, () => 0),
    ]
    const reasons = failures.map((outcome) => (outcome.approved ? "approved" : outcome.reason))
    expect(reasons).toEqual([
      "card_declined",
      "insufficient_funds",
      "gateway_error",
      "invalid_token",
      "card_declined",
    ])
    expect(reasons.every(isDeclineReason)).toBe(true)
    for (const other of ["aborted", "abandoned", "", null, undefined, "CARD_DECLINED"]) {
      expect([other, isDeclineReason(other)]).toEqual([other, false])
    }
  })
})
