import type { PromocodeExportDTO } from "../../../../modules/promocode"

/**
 * An export as the admin API shows it: progress as a fraction (0..1) and,
 * once the file is ready, the admin route that downloads it.
 */
export function exportResponse(job: PromocodeExportDTO) {
  const total = Number(job.total)
  const exported = Number(job.exported)
  const completed = job.status === "completed"
  return {
    id: job.id,
    batch_id: job.batch_id ?? null,
    status: job.status,
    total,
    exported,
    progress: completed
      ? 1
      : total > 0
        ? Math.min(1, Math.round((exported / total) * 10000) / 10000)
        : 0,
    filename: job.filename,
    download_url: completed ? `/admin/promocodes/export/${job.id}/download` : null,
    error: job.error ?? null,
    created_at: job.created_at,
    updated_at: job.updated_at,
  }
}
