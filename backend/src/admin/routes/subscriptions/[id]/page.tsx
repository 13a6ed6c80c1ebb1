import { ArrowUturnLeft, XCircle } from "@medusajs/icons"
import { Button, StatusBadge, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link, useParams } from "react-router-dom"
import { CancelSubscriptionPrompt } from "../../../components/cancel-subscription"
import { Section, SectionRow } from "../../../components/section"
import { RefundPurchasePrompt, RetryRenewalPrompt } from "../../../components/subscription-actions"
import { SubscriptionTimeline } from "../../../components/subscription-timeline"
import { ErrorState, LoadingState } from "../../../components/states"
import { useSubscription } from "../../../hooks/subscriptions"
import { useTariffOptions } from "../../../hooks/tariffs"
import { DEFAULT_CURRENCY, formatAmount, formatDate } from "../../../lib/format"
import { tr, useT } from "../../../lib/i18n"
import { formatPeriod, planTitle, statusColor, statusLabel } from "../../../lib/subscription-format"
import { LIVE_STATUSES } from "../../../lib/subscription-types"
import type { AdminSubscriptionDetail } from "../../../lib/types"

type Action = "cancel" | "refund" | "retry" | null

/** "PROMO10: 10% on 2 more renewals", "… on every renewal". */
function discountText(s: AdminSubscriptionDetail, locale: string, t: ReturnType<typeof useT>["t"]) {
  const d = s.renewal_discount
  if (!d) {
    return "—"
  }
  const value = d.type === "percentage" ? `${d.value}%` : formatAmount(d.value, d.currency_code)
  if (s.renewal_discounts_left === null) {
    return t("subscription.discount_forever", { code: d.code, value })
  }
  const category = new Intl.PluralRules(locale).select(s.renewal_discounts_left)
  const form = ["one", "few", "many"].includes(category) ? category : "other"
  return t(`subscription.discount_left.${form}`, { code: d.code, value, n: s.renewal_discounts_left })
}

/**
 * One subscription: customer, plan, status, periods, card, auto-renew, a scheduled
 * downgrade, the renewal discount left, the next charge and MRR; the actions an admin
 * may take on it (retry a past_due charge now, refund a payment, cancel); and its
 * timeline, newest first.
 */
const SubscriptionDetailPage = () => {
  const { id = "" } = useParams()
  const { t, locale } = useT()
  const { data, isLoading, isError, error, refetch } = useSubscription(id)
  const { data: plans } = useTariffOptions()
  const [action, setAction] = useState<Action>(null)
  const planNames = useMemo(
    () => new Map((plans ?? []).map((p) => [p.variant_id, `${p.product_title} · ${p.variant_title}`])),
    [plans]
  )
  const planName = (variantId: string) => planNames.get(variantId) ?? variantId

  if (isLoading) {
    return (
      <Section title={t("subscription.details")} level="h1">
        <LoadingState rows={6} />
      </Section>
    )
  }
  if (isError || !data) {
    return (
      <Section title={t("subscription.details")} level="h1">
        <ErrorState error={error} title={t("subscription.load_failed")} onRetry={() => refetch()} />
      </Section>
    )
  }

  const s = data.subscription
  const live = LIVE_STATUSES.includes(s.status)
  const refundable = data.refundable.some((r) => r.refundable > 0)
  const customer = s.customer_email ?? s.customer_id
  const close = (open: boolean) => {
    if (!open) {
      setAction(null)
    }
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Section
        level="h1"
        title={t("subscription.title", { plan: planTitle(s), customer })}
        description={
          <Link to="/subscriptions" className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover inline-flex items-center gap-x-1">
            <ArrowUturnLeft />
            {t("subscription.back")}
          </Link>
        }
        actions={
          <>
            {s.status === "past_due" && s.payment_method ? (
              <Button size="small" variant="primary" onClick={() => setAction("retry")}>
                {t("subscription.retry")}
              </Button>
            ) : null}
            {refundable ? (
              <Button size="small" variant="secondary" onClick={() => setAction("refund")}>
                {t("subscription.refund")}
              </Button>
            ) : null}
            {live ? (
              <Button size="small" variant="danger" onClick={() => setAction("cancel")}>
                <XCircle />
                {t("subscription.cancel")}
              </Button>
            ) : null}
          </>
        }
      >
        <div data-testid="subscription-details">
          <SectionRow
            label={t("subscription.customer")}
            value={
              <Link to={`/customers/${s.customer_id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
                {customer}
              </Link>
            }
          />
          <SectionRow label={t("subscription.plan")} value={planTitle(s)} />
          <SectionRow
            label={t("subscription.status")}
            value={
              <span className="flex flex-wrap items-center gap-2">
                <StatusBadge color={statusColor(s.status)}>{statusLabel(s.status)}</StatusBadge>
                {s.cancel_at_period_end ? (
                  <Text size="small">{t("lifecycle.canceled_until", { date: formatDate(s.current_period_end) })}</Text>
                ) : null}
              </span>
            }
          />
          <SectionRow label={t("subscription.started")} value={formatDate(s.starts_at)} />
          <SectionRow label={t("lifecycle.current_period")} value={formatPeriod(s.current_period_start, s.current_period_end)} />
          <SectionRow
            label={t("subscription.card")}
            value={s.payment_method ? `${s.payment_method.brand} ·${s.payment_method.last4}` : t("subscription.no_card")}
          />
          <SectionRow label={t("subscription.auto_renew")} value={s.auto_renew ? t("subscription.on") : t("subscription.off")} />
          <SectionRow
            label={t("subscription.pending_downgrade")}
            value={
              s.pending_variant_id
                ? t("lifecycle.scheduled_change_value", { plan: planName(s.pending_variant_id), date: formatDate(s.current_period_end) })
                : "—"
            }
          />
          <SectionRow label={t("subscription.renewal_discount")} value={discountText(s, locale, t)} />
          <SectionRow
            label={t("lifecycle.next_charge")}
            value={
              s.next_charge
                ? [
                    t("lifecycle.next_charge_value", {
                      amount: formatAmount(s.next_charge.amount, s.next_charge.currency_code),
                      date: formatDate(s.next_charge.at),
                    }),
                    s.status === "past_due" && s.next_attempt_at ? t("subscription.retry_at", { date: formatDate(s.next_attempt_at) }) : null,
                  ]
                    .filter(Boolean)
                    .join(", ")
                : t("subscription.next_charge_none")
            }
          />
          <SectionRow
            label={<span title={t("subscription.mrr_hint")}>{t("subscription.mrr")}</span>}
            value={formatAmount(s.mrr, s.next_charge?.currency_code ?? DEFAULT_CURRENCY)}
          />
        </div>
      </Section>
      <Section title={t("subscription.timeline")} description={t("subscription.timeline_text")}>
        <SubscriptionTimeline entries={data.timeline} planName={planName} />
      </Section>
      {action === "cancel" ? (
        <CancelSubscriptionPrompt
          key={s.id}
          subscription={s}
          label={t("lifecycle.plan_of", { plan: planTitle(s), customer })}
          open
          onOpenChange={close}
        />
      ) : null}
      {action === "refund" ? (
        <RefundPurchasePrompt subscriptionId={s.id} refundable={data.refundable} open onOpenChange={close} />
      ) : null}
      {action === "retry" ? <RetryRenewalPrompt subscription={s} open onOpenChange={close} /> : null}
    </div>
  )
}

export const handle = {
  breadcrumb: () => tr("subscription.details"),
}

export default SubscriptionDetailPage
