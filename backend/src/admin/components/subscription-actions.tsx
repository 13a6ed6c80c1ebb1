import { Button, Prompt, RadioGroup, toast } from "@medusajs/ui"
import { useId, useState } from "react"
import { useRefundSubscriptionPurchase, useRetrySubscriptionRenewal } from "../hooks/subscriptions"
import { errorMessage } from "../lib/errors"
import { formatAmount, formatDate } from "../lib/format"
import { useT } from "../lib/i18n"
import { declineSentence, kindLabel } from "../lib/subscription-format"
import type { AdminSubscriptionDetail, AdminSubscriptionDetailResponse } from "../lib/types"
import { InputField } from "./field"

type Refundable = AdminSubscriptionDetailResponse["refundable"][number]

type PromptProps = { open: boolean; onOpenChange: (open: boolean) => void }

/** "1 234,50" or "1234.5" → 1234.5; NaN for anything else. */
function parseAmount(text: string): number {
  const clean = text.trim().replace(/\s/g, "").replace(",", ".")
  return /^\d+(\.\d{1,2})?$/.test(clean) ? Number(clean) : Number.NaN
}

/**
 * Refunds one paid purchase of the subscription, in full or in part, after saying how
 * much goes back and that the subscription stays as it is. Mount it per subscription.
 */
export function RefundPurchasePrompt({
  subscriptionId,
  refundable,
  open,
  onOpenChange,
}: PromptProps & { subscriptionId: string; refundable: Refundable[] }) {
  const { t } = useT()
  const id = useId()
  const refund = useRefundSubscriptionPurchase()
  const choices = refundable.filter((r) => r.refundable > 0)
  const [purchaseId, setPurchaseId] = useState(choices[0]?.purchase_id ?? "")
  const chosen = choices.find((r) => r.purchase_id === purchaseId) ?? null
  const [amountText, setAmountText] = useState(chosen ? String(chosen.refundable) : "")
  const amount = parseAmount(amountText)
  const valid = !!chosen && amount > 0 && amount <= chosen.refundable
  const shown = chosen && valid ? formatAmount(amount, chosen.currency_code) : "—"

  const submit = async () => {
    if (!chosen || !valid) {
      return
    }
    try {
      const result = await refund.mutateAsync({
        id: subscriptionId,
        purchase_id: chosen.purchase_id,
        ...(amount === chosen.refundable ? {} : { amount }),
      })
      toast.success(t("subscription.refund_done", { amount: formatAmount(result.refund.amount, result.refund.currency_code) }))
      onOpenChange(false)
    } catch (error) {
      toast.error(t("subscription.refund_error"), { description: errorMessage(error) })
    }
  }

  return (
    <Prompt open={open} onOpenChange={onOpenChange}>
      <Prompt.Content>
        <Prompt.Header>
          <Prompt.Title>{t("subscription.refund_title")}</Prompt.Title>
          <Prompt.Description>
            {chosen ? t("subscription.refund_text", { amount: shown }) : t("subscription.refund_nothing")}
          </Prompt.Description>
        </Prompt.Header>
        {choices.length ? (
          <div className="flex flex-col gap-y-3 px-6 pb-4">
            <RadioGroup
              value={purchaseId}
              onValueChange={(value) => {
                setPurchaseId(value)
                const next = choices.find((r) => r.purchase_id === value)
                setAmountText(next ? String(next.refundable) : "")
              }}
              aria-label={t("subscription.refund_purchase")}
            >
              {choices.map((r) => (
                <RadioGroup.ChoiceBox
                  key={r.purchase_id}
                  value={r.purchase_id}
                  label={kindLabel(r.kind)}
                  description={t("subscription.refund_purchase_option", {
                    kind: kindLabel(r.kind),
                    date: formatDate(r.at),
                    left: formatAmount(r.refundable, r.currency_code),
                    total: formatAmount(r.total, r.currency_code),
                  })}
                />
              ))}
            </RadioGroup>
            <InputField
              id={`${id}-amount`}
              label={t("subscription.refund_amount")}
              inputMode="decimal"
              value={amountText}
              onValueChange={setAmountText}
              hint={chosen ? t("subscription.refund_amount_hint", { amount: formatAmount(chosen.refundable, chosen.currency_code) }) : undefined}
              error={
                chosen && amountText && !valid
                  ? t("subscription.refund_invalid", { amount: formatAmount(chosen.refundable, chosen.currency_code) })
                  : null
              }
            />
          </div>
        ) : null}
        <Prompt.Footer>
          <Prompt.Cancel type="button">{t("common.cancel")}</Prompt.Cancel>
          <Button type="button" size="small" disabled={!valid} isLoading={refund.isPending} onClick={submit}>
            {t("subscription.refund_confirm", { amount: shown })}
          </Button>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}

/**
 * Charges a past_due subscription's renewal now with its saved card, after saying
 * which card, how much, and that a decline counts as one of the retries.
 */
export function RetryRenewalPrompt({
  subscription,
  open,
  onOpenChange,
}: PromptProps & { subscription: AdminSubscriptionDetail }) {
  const { t, locale } = useT()
  const retry = useRetrySubscriptionRenewal()
  const next = subscription.next_charge
  const amount = next ? formatAmount(next.amount, next.currency_code) : "—"
  const card = subscription.payment_method ? `${subscription.payment_method.brand} ·${subscription.payment_method.last4}` : "—"

  const submit = async () => {
    try {
      const result = await retry.mutateAsync({ id: subscription.id })
      const purchase = result.purchase
      if (result.outcome === "renewed") {
        toast.success(t("subscription.retry_renewed", { amount: purchase ? formatAmount(purchase.total, purchase.currency_code) : amount }))
      } else if (result.outcome === "expired") {
        toast.warning(t("subscription.retry_expired"))
      } else {
        toast.warning(t("subscription.retry_failed", { reason: declineSentence(purchase?.failure_reason, locale) }))
      }
      onOpenChange(false)
    } catch (error) {
      toast.error(t("subscription.retry_error"), { description: errorMessage(error) })
    }
  }

  return (
    <Prompt open={open} onOpenChange={onOpenChange}>
      <Prompt.Content>
        <Prompt.Header>
          <Prompt.Title>{t("subscription.retry_title")}</Prompt.Title>
          <Prompt.Description>{t("subscription.retry_text", { card, amount })}</Prompt.Description>
        </Prompt.Header>
        <Prompt.Footer>
          <Prompt.Cancel type="button">{t("common.cancel")}</Prompt.Cancel>
          <Button type="button" size="small" isLoading={retry.isPending} onClick={submit}>
            {t("subscription.retry_confirm", { amount })}
          </Button>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}
