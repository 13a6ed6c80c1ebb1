import { formatDate, type BadgeColor } from "./format"
import type { LifecycleStatus, PurchaseKind } from "./subscription-types"

export const SUBSCRIPTION_STATUS_LABELS: Record<LifecycleStatus, string> = {
  trialing: "Trial",
  active: "Active",
  past_due: "Past due",
  canceled: "Canceled",
  expired: "Expired",
}

export const SUBSCRIPTION_STATUS_COLORS: Record<LifecycleStatus, BadgeColor> = {
  trialing: "blue",
  active: "green",
  past_due: "orange",
  canceled: "grey",
  expired: "grey",
}

export const PURCHASE_KIND_LABELS: Record<PurchaseKind, string> = {
  new: "New",
  extension: "Extension",
  upgrade: "Upgrade",
  renewal: "Renewal",
}

/** The status in words; an unknown one as it came. */
export const statusLabel = (status: string) =>
  SUBSCRIPTION_STATUS_LABELS[status as LifecycleStatus] ?? status

export const statusColor = (status: string): BadgeColor =>
  SUBSCRIPTION_STATUS_COLORS[status as LifecycleStatus] ?? "grey"

export const kindLabel = (kind: string | null | undefined) =>
  kind ? (PURCHASE_KIND_LABELS[kind as PurchaseKind] ?? kind) : "—"

/** "1 Dec 2026 – 1 Jan 2027", or "—" when the purchase has no period (a failed one). */
export const formatPeriod = (start: string | null | undefined, end: string | null | undefined) =>
  start && end ? `${formatDate(start)} – ${formatDate(end)}` : "—"
