"use client"

import { useTranslations } from "next-intl"
import RetryButton from "@/components/common/RetryButton"
import StatusPanel from "@/components/common/StatusPanel"

type Props = {
  error: unknown
  retry: () => void
}

/** Last resort for an unexpected rendering error; expected failures render their own state. */
export default function ErrorPage({ retry }: Props) {
  const t = useTranslations("Errors")

  return (
    <StatusPanel
      tone="error"
      headingLevel={1}
      title={t("unexpectedTitle")}
      text={t("unexpectedText")}
    >
      <RetryButton label={t("retry")} onRetry={retry} />
    </StatusPanel>
  )
}
