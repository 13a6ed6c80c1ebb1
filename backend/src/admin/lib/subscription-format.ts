import { DECLINE_MESSAGES, isDeclineReason } from "../../lib/payment-declines"
import { formatDate, reasonLabel, type BadgeColor } from "./format"
import { tr } from "./i18n"
import type { LifecycleStatus, PurchaseKind } from "./subscription-types"

export const SUBSCRIPTION_STATUSES: LifecycleStatus[] = [
  "trialing",
  "active",
  "past_due",
  "canceled",
  "expired",
]

const PURCHASE_KINDS: PurchaseKind[] = ["new", "extension", "upgrade", "renewal"]

export const SUBSCRIPTION_STATUS_COLORS: Record<LifecycleStatus, BadgeColor> = {
  trialing: "blue",
  active: "green",
  past_due: "orange",
  canceled: "grey",
  expired: "grey",
}

/** The status in words, in the admin's language; an unknown one as it came. */
export const statusLabel = (status: string) =>
  SUBSCRIPTION_STATUSES.includes(status as LifecycleStatus) ? tr(`lifecycle.status.${status}`) : status

export const statusColor = (status: string): BadgeColor =>
  SUBSCRIPTION_STATUS_COLORS[status as LifecycleStatus] ?? "grey"

export const kindLabel = (kind: string | null | undefined) =>
  kind ? (PURCHASE_KINDS.includes(kind as PurchaseKind) ? tr(`lifecycle.kind.${kind}`) : kind) : "—"

/** "01.12.2026 – 01.01.2027", or "—" when the purchase has no period (a failed one). */
export const formatPeriod = (start: string | null | undefined, end: string | null | undefined) =>
  start && end ? `${formatDate(start)} – ${formatDate(end)}` : "—"

type Titled = { product_title?: string | null; variant_title?: string | null; variant_id: string }

/** "Standard · Monthly", or the variant id when the plan has no titles (deleted). */
export const planTitle = (s: Titled) =>
  [s.product_title, s.variant_title].filter(Boolean).join(" · ") || s.variant_id

/**
 * Why a charge was declined, as a sentence in the admin's language: the API's own
 * decline messages (lib/payment-declines.ts, one source for the API and the admin),
 * other failures (`abandoned`, ...) through the admin's reason texts.
 */
export function declineSentence(reason: string | null | undefined, locale: string): string {
  if (isDeclineReason(reason)) {
    return DECLINE_MESSAGES[reason][locale.startsWith("ru") ? "ru" : "en"]
  }
  return reasonLabel(reason)
}
