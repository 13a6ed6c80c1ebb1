import { ExclamationCircle } from "@medusajs/icons"
import { Button, Skeleton, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { describeLoadError } from "../lib/errors"
import { useT } from "../lib/i18n"

/** Placeholder rows while something loads. */
export function LoadingState({ rows = 3, label }: { rows?: number; label?: string }) {
  const { t } = useT()
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" role="status" aria-live="polite">
      <span className="sr-only">{label ?? t("common.loading")}</span>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-5 w-full" />
      ))}
    </div>
  )
}

/** What failed to load and a way to try again. */
export function ErrorState({
  error,
  title,
  onRetry,
}: {
  error: unknown
  title?: string
  onRetry?: () => void
}) {
  const { t } = useT()
  return (
    <div className="flex items-start gap-x-3 px-6 py-4" role="alert">
      <ExclamationCircle className="text-ui-fg-error mt-0.5 shrink-0" />
      <div className="flex flex-1 flex-col gap-y-1">
        <Text size="small" weight="plus" leading="compact">
          {title ?? t("common.load_failed")}
        </Text>
        <Text size="small" className="text-ui-fg-subtle">
          {describeLoadError(error)}
        </Text>
      </div>
      {onRetry && (
        <Button size="small" variant="secondary" onClick={onRetry}>
          {t("common.retry")}
        </Button>
      )}
    </div>
  )
}

export function EmptyState({
  title,
  description,
  action,
}: {
  title: string
  description?: string
  action?: ReactNode
}) {
  return (
    <div className="flex flex-col items-center gap-y-2 px-6 py-8 text-center">
      <Text size="small" weight="plus" leading="compact">
        {title}
      </Text>
      {description && (
        <Text size="small" className="text-ui-fg-subtle max-w-[420px]">
          {description}
        </Text>
      )}
      {action}
    </div>
  )
}
