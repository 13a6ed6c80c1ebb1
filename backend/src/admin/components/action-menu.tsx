import { EllipsisHorizontal } from "@medusajs/icons"
import { DropdownMenu, IconButton, clx } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useT } from "../lib/i18n"

export type MenuAction = {
  label: string
  icon?: ReactNode
  onClick: () => void
  danger?: boolean
  disabled?: boolean
}

/** The "…" menu of a section or a row. */
export function ActionMenu({ actions, label }: { actions: MenuAction[][]; label?: string }) {
  const { t } = useT()
  const groups = actions.filter((g) => g.length)
  return (
    <DropdownMenu>
      <DropdownMenu.Trigger asChild>
        <IconButton size="small" variant="transparent" aria-label={label ?? t("common.actions")}>
          <EllipsisHorizontal />
        </IconButton>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content align="end">
        {groups.map((group, i) => (
          <DropdownMenu.Group key={i}>
            {i > 0 && <DropdownMenu.Separator />}
            {group.map((action) => (
              <DropdownMenu.Item
                key={action.label}
                disabled={action.disabled}
                onClick={(e) => {
                  e.stopPropagation()
                  action.onClick()
                }}
                className={clx("flex items-center gap-x-2", action.danger && "text-ui-fg-error")}
              >
                {action.icon}
                <span>{action.label}</span>
              </DropdownMenu.Item>
            ))}
          </DropdownMenu.Group>
        ))}
      </DropdownMenu.Content>
    </DropdownMenu>
  )
}
