import { useMutation, useQuery } from "@tanstack/react-query"
import { promocodeKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { PromocodeExportResponse } from "../lib/types"

const exportKey = (id: string) => [...promocodeKeys.all, "export", id] as const

/** Starts an export of one batch's codes, or of every code (`batch_id` null). */
export function useStartPromocodeExport() {
  return useMutation({
    mutationFn: (batchId: string | null) =>
      sdk.client.fetch<PromocodeExportResponse>("/admin/promocodes/export", {
        method: "POST",
        body: batchId ? { batch_id: batchId } : {},
      }),
  })
}

/** One export, polled every second until its file is ready or it failed. */
export function usePromocodeExport(id: string | null) {
  return useQuery({
    queryKey: exportKey(id ?? ""),
    queryFn: () =>
      sdk.client.fetch<PromocodeExportResponse>(`/admin/promocodes/export/${id}`),
    enabled: !!id,
    refetchInterval: (query) => {
      const status = query.state.data?.export.status
      if (query.state.error || status === "completed" || status === "failed") {
        return false
      }
      return 1000
    },
  })
}
