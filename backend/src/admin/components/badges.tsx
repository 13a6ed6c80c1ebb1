import { StatusBadge } from "@medusajs/ui"
import { ACTION_COLORS, STATUS_COLORS, actionLabel, statusLabel } from "../lib/format"
import { useT } from "../lib/i18n"
import type { JournalAction, PromocodeStatus } from "../lib/types"

export function PromocodeStatusBadge({ status }: { status: PromocodeStatus }) {
  useT() // re-render on a language change
  return (
    <StatusBadge color={STATUS_COLORS[status] ?? "grey"}>
      {statusLabel(status)}
    </StatusBadge>
  )
}

export function JournalActionBadge({ action }: { action: JournalAction }) {
  useT() // re-render on a language change
  return (
    <StatusBadge color={ACTION_COLORS[action] ?? "grey"}>
      {actionLabel(action)}
    </StatusBadge>
  )
}
