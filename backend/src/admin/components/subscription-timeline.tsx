import { StatusBadge, Text } from "@medusajs/ui"
import { formatAmount, formatDateTime, type BadgeColor } from "../lib/format"
import { useT } from "../lib/i18n"
import { declineSentence, formatPeriod, kindLabel } from "../lib/subscription-format"
import type { TimelineEntry, TimelineType } from "../lib/types"
import { EmptyState } from "./states"

const COLORS: Record<TimelineType, BadgeColor> = {
  purchase: "green",
  renewal: "green",
  decline: "red",
  canceled: "orange",
  canceled_now: "red",
  resumed: "blue",
  plan_change_scheduled: "blue",
  refund: "purple",
  expired: "grey",
  ended: "grey",
  notification: "grey",
}

/** One line of the timeline as a sentence in the admin's language. */
function useSentence() {
  const { t, locale } = useT()
  return (e: TimelineEntry, planName: (variantId: string) => string) => {
    const amount = e.amount === null ? "—" : formatAmount(e.amount, e.currency_code)
    switch (e.type) {
      case "purchase":
        return t("subscription.event.purchase", { kind: kindLabel(e.kind).toLowerCase(), amount })
      case "renewal":
      case "refund":
        return t(`subscription.event.${e.type}`, { amount })
      case "decline":
        return t("subscription.event.decline", { amount, reason: declineSentence(e.reason, locale) })
      case "plan_change_scheduled":
        return e.variant_id
          ? t("subscription.event.plan_change_scheduled", { plan: planName(e.variant_id) })
          : t("subscription.event.plan_change_cleared")
      case "notification":
        return t("subscription.event.notification", {
          template: e.template ?? "—",
          channel: e.channel ?? "—",
          status: e.status ?? "—",
        })
      default:
        return t(`subscription.event.${e.type}`)
    }
  }
}

/** The subscription's history, newest first (GET /admin/subscriptions/:id `timeline`). */
export function SubscriptionTimeline({
  entries,
  planName,
}: {
  entries: TimelineEntry[]
  planName: (variantId: string) => string
}) {
  const { t } = useT()
  const sentence = useSentence()
  if (!entries.length) {
    return <EmptyState title={t("subscription.timeline_empty")} />
  }
  return (
    <ol className="flex flex-col divide-y" aria-label={t("subscription.timeline")} data-testid="subscription-timeline">
      {entries.map((e, i) => (
        <li key={`${e.type}-${e.at}-${i}`} className="flex flex-col gap-y-1 px-6 py-3" data-type={e.type}>
          <div className="flex flex-wrap items-center gap-x-2">
            <StatusBadge color={COLORS[e.type] ?? "grey"}>{formatDateTime(e.at)}</StatusBadge>
            <Text size="small" weight="plus" leading="compact">
              {sentence(e, planName)}
            </Text>
          </div>
          {e.period_start && e.period_end ? (
            <Text size="xsmall" className="text-ui-fg-subtle">
              {t("subscription.period", { period: formatPeriod(e.period_start, e.period_end) })}
            </Text>
          ) : null}
        </li>
      ))}
    </ol>
  )
}
