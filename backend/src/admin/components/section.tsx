import { Container, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** A card of the dashboard: a header with a title and actions, then rows. */
export function Section({
  title,
  description,
  actions,
  children,
  level = "h2",
  titleId,
}: {
  title: ReactNode
  description?: ReactNode
  actions?: ReactNode
  children?: ReactNode
  level?: "h1" | "h2"
  titleId?: string
}) {
  return (
    <Container className="divide-y p-0" aria-labelledby={titleId}>
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level={level} id={titleId}>
            {title}
          </Heading>
          {description && (
            <Text size="small" className="text-ui-fg-subtle">
              {description}
            </Text>
          )}
        </div>
        {actions && <div className="flex items-center gap-x-2">{actions}</div>}
      </div>
      {children}
    </Container>
  )
}

/** One "label — value" line of a section. */
export function SectionRow({ label, value }: { label: ReactNode; value: ReactNode }) {
  return (
    <div className="text-ui-fg-subtle grid grid-cols-2 items-start gap-x-4 px-6 py-3">
      <Text size="small" weight="plus" leading="compact">
        {label}
      </Text>
      <div className="txt-compact-small break-words">{value ?? "—"}</div>
    </div>
  )
}
