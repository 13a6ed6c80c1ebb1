import { ArrowDownTray } from "@medusajs/icons"
import { Button, Text } from "@medusajs/ui"
import { useState } from "react"
import { usePromocodeExport, useStartPromocodeExport } from "../hooks/promocode-export"
import { errorMessage } from "../lib/errors"
import { formatNumber } from "../lib/format"
import { useT } from "../lib/i18n"
import { apiUrl } from "../lib/sdk"

/**
 * "Export CSV" for one batch's codes (or every code): the export runs in the
 * background on the server; this shows its progress and, when the file is
 * ready, a download link.
 */
export function ExportCodes({ batchId, label }: { batchId: string | null; label?: string }) {
  const { t } = useT()
  const [exportId, setExportId] = useState<string | null>(null)
  const start = useStartPromocodeExport()
  const { data, error } = usePromocodeExport(exportId)
  const job = data?.export

  const onStart = () => {
    setExportId(null)
    // a refused start shows as start.error
    start.mutate(batchId, { onSuccess: ({ export: started }) => setExportId(started.id) })
  }

  if (job?.status === "completed" && job.download_url) {
    return (
      <Button size="small" asChild>
        <a href={apiUrl(job.download_url)} download={job.filename}>
          <ArrowDownTray />
          {t("export.download", { n: formatNumber(job.exported) })}
        </a>
      </Button>
    )
  }
  const running = !!exportId && job?.status !== "failed" && !error
  const percent = Math.floor((job?.progress ?? 0) * 100)
  const failure = job?.status === "failed" ? job.error || t("export.failed") : error || start.error
  return (
    <div className="flex items-center gap-x-2">
      {running && (
        <div className="flex items-center gap-x-2" aria-live="polite">
          <div
            role="progressbar"
            aria-label={t("export.progress")}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="bg-ui-bg-subtle shadow-borders-base h-2 w-24 overflow-hidden rounded-full"
          >
            <div className="bg-ui-fg-interactive h-full transition-[width]" style={{ width: `${percent}%` }} />
          </div>
          <Text size="small" className="text-ui-fg-subtle">
            {t("export.running", { percent })}
          </Text>
        </div>
      )}
      {!running && failure && (
        <Text size="small" className="text-ui-fg-error">
          {typeof failure === "string" ? failure : errorMessage(failure)}
        </Text>
      )}
      {!running && (
        <Button size="small" variant="secondary" type="button" isLoading={start.isPending} onClick={onStart}>
          <ArrowDownTray />
          {failure ? t("common.try_again") : label ?? t("export.csv")}
        </Button>
      )}
    </div>
  )
}
