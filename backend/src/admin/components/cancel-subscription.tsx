import { Button, Checkbox, Label, Prompt, RadioGroup, Text, toast } from "@medusajs/ui"
import { useId, useState } from "react"
import { useCancelSubscription } from "../hooks/subscriptions"
import { errorMessage } from "../lib/errors"
import { formatAmount, formatDate, toNumber } from "../lib/format"
import type { LifecycleSubscription } from "../lib/subscription-types"
import { useT } from "../lib/i18n"

type Props = {
  subscription: Pick<
    LifecycleSubscription,
    "id" | "status" | "current_period_end" | "cancel_at_period_end"
  >
  /** Says whose subscription it is in the confirmation ("Standard of ann@…"). */
  label: string
  open: boolean
  onOpenChange: (open: boolean) => void
}

/**
 * Confirms an admin's cancel: at the period end (access until then) or now, with the
 * unused part of the period refunded through the Payment Module when asked. The choice
 * and the date access ends are stated before anything is sent. Mount it per subscription
 * (`key`), so each opens with its own defaults.
 */
export function CancelSubscriptionPrompt({ subscription, label, open, onOpenChange }: Props) {
  const { t } = useT()
  const id = useId()
  const cancel = useCancelSubscription()
  const [at, setAt] = useState<"now" | "period_end">(
    subscription.cancel_at_period_end ? "now" : "period_end"
  )
  const [refund, setRefund] = useState(false)
  const end = formatDate(subscription.current_period_end)
  // A Trial was free: nothing to refund.
  const refundable = subscription.status !== "trialing"

  const submit = async () => {
    try {
      const result = await cancel.mutateAsync({
        id: subscription.id,
        at,
        ...(at === "now" ? { refund: refund && refundable ? "prorated" : "none" } : {}),
      })
      toast.success(
        at === "period_end"
          ? t("cancel.ends_on", { date: end })
          : result.refund && toNumber(result.refund.amount) > 0
            ? t("cancel.canceled_refunded", {
                amount: formatAmount(result.refund.amount, result.refund.currency_code),
              })
            : t("cancel.canceled_now")
      )
      onOpenChange(false)
    } catch (error) {
      toast.error(t("cancel.failed"), { description: errorMessage(error) })
    }
  }

  return (
    <Prompt open={open} onOpenChange={onOpenChange} variant="danger">
      <Prompt.Content>
        <Prompt.Header>
          <Prompt.Title>{t("cancel.title")}</Prompt.Title>
          <Prompt.Description>{label}</Prompt.Description>
        </Prompt.Header>
        <div className="flex flex-col gap-y-3 px-6 pb-4">
          <RadioGroup
            value={at}
            onValueChange={(value) => setAt(value === "now" ? "now" : "period_end")}
            aria-label={t("cancel.when")}
          >
            <RadioGroup.ChoiceBox
              value="period_end"
              label={t("cancel.at_period_end")}
              description={t("cancel.at_period_end_text", { date: end })}
              disabled={subscription.cancel_at_period_end}
            />
            <RadioGroup.ChoiceBox
              value="now"
              label={t("cancel.now")}
              description={t("cancel.now_text")}
            />
          </RadioGroup>
          {at === "now" && refundable ? (
            <div className="flex items-start gap-x-2">
              <Checkbox
                id={`${id}-refund`}
                checked={refund}
                onCheckedChange={(checked) => setRefund(checked === true)}
              />
              <div className="flex flex-col">
                <Label htmlFor={`${id}-refund`} size="small" weight="plus">
                  {t("cancel.refund")}
                </Label>
                <Text size="small" className="text-ui-fg-subtle">
                  {t("cancel.refund_text", { date: end })}
                </Text>
              </div>
            </div>
          ) : null}
        </div>
        <Prompt.Footer>
          <Prompt.Cancel type="button">{t("cancel.keep")}</Prompt.Cancel>
          <Button
            type="button"
            variant="danger"
            size="small"
            isLoading={cancel.isPending}
            onClick={submit}
          >
            {at === "now" ? t("cancel.cancel_now") : t("cancel.cancel_on", { date: end })}
          </Button>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}
