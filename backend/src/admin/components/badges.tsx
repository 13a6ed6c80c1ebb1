import { StatusBadge } from "@medusajs/ui"
import {
  ACTION_COLORS,
  ACTION_LABELS,
  STATUS_COLORS,
  STATUS_LABELS,
} from "../lib/format"
import type { JournalAction, PromocodeStatus } from "../lib/types"

export function PromocodeStatusBadge({ status }: { status: PromocodeStatus }) {
  return (
    <StatusBadge color={STATUS_COLORS[status] ?? "grey"}>
      {STATUS_LABELS[status] ?? status}
    </StatusBadge>
  )
}

export function JournalActionBadge({ action }: { action: JournalAction }) {
  return (
    <StatusBadge color={ACTION_COLORS[action] ?? "grey"}>
      {ACTION_LABELS[action] ?? action}
    </StatusBadge>
  )
}
