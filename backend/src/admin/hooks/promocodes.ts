import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import {
  promocodeKeys,
  purchaseKeys,
  subscriptionKeys,
} from "../lib/query-keys"
import type {
  AssignResponse,
  CreatePromocodePayload,
  GeneratePayload,
  JournalResponse,
  PromocodeBatch,
  PromocodeDetailResponse,
  PromocodeListParams,
  PromocodeListResponse,
  PromocodeReport,
  UpdatePromocodePayload,
  ValidateResponse,
} from "../lib/types"

/** Drops empty query values so that the URL carries only what is set. */
function compact<T extends object>(query: T): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(query).filter(
      ([, value]) => value !== undefined && value !== null && value !== ""
    )
  ) as Record<string, string | number>
}

export function usePromocodes(params: PromocodeListParams) {
  const query = compact(params)
  return useQuery({
    queryKey: promocodeKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<PromocodeListResponse>("/admin/promocodes", { query }),
    placeholderData: keepPreviousData,
  })
}

export function usePromocode(id: string) {
  return useQuery({
    queryKey: promocodeKeys.detail(id),
    queryFn: () =>
      sdk.client.fetch<PromocodeDetailResponse>(`/admin/promocodes/${id}`),
    enabled: !!id,
  })
}

export function usePromocodeUsages(
  id: string,
  params: { limit: number; offset: number; action?: string }
) {
  const query = compact(params)
  return useQuery({
    queryKey: promocodeKeys.usages(id, query),
    queryFn: () =>
      sdk.client.fetch<JournalResponse>(`/admin/promocodes/${id}/usages`, {
        query,
      }),
    enabled: !!id,
    placeholderData: keepPreviousData,
  })
}

/** The journal of one customer's codes (every code). */
export function usePromocodeJournal(params: {
  customer_id: string
  limit: number
  offset: number
}) {
  const query = compact(params)
  return useQuery({
    queryKey: promocodeKeys.journal(query),
    queryFn: () =>
      sdk.client.fetch<JournalResponse>("/admin/promocodes/journal", { query }),
    enabled: !!params.customer_id,
    placeholderData: keepPreviousData,
  })
}

export function usePromocodeReport(params: { from: string; to: string }, enabled = true) {
  return useQuery({
    enabled,
    queryKey: promocodeKeys.report(params),
    queryFn: () =>
      sdk.client.fetch<{ report: PromocodeReport }>("/admin/promocodes/report", {
        query: params,
      }),
    placeholderData: keepPreviousData,
  })
}

/** A generation batch, polled every second until it is done. */
export function usePromocodeBatch(id: string | null) {
  return useQuery({
    queryKey: promocodeKeys.batch(id ?? ""),
    queryFn: () =>
      sdk.client.fetch<{ batch: PromocodeBatch }>(
        `/admin/promocodes/batches/${id}`
      ),
    enabled: !!id,
    refetchInterval: (query) => {
      const status = query.state.data?.batch.status
      if (query.state.error || status === "completed" || status === "failed") {
        return false
      }
      return 1000
    },
  })
}

function useInvalidatePromocodes() {
  const queryClient = useQueryClient()
  return (id?: string) => {
    queryClient.invalidateQueries({ queryKey: promocodeKeys.lists() })
    queryClient.invalidateQueries({ queryKey: promocodeKeys.reports() })
    if (id) {
      queryClient.invalidateQueries({ queryKey: promocodeKeys.detail(id) })
    }
  }
}

export function useCreatePromocode() {
  const invalidate = useInvalidatePromocodes()
  return useMutation({
    mutationFn: (body: CreatePromocodePayload) =>
      sdk.client.fetch<{ promocode: { id: string; code: string } }>(
        "/admin/promocodes",
        { method: "POST", body }
      ),
    onSuccess: ({ promocode }) => invalidate(promocode.id),
  })
}

export function useUpdatePromocode(id: string) {
  const invalidate = useInvalidatePromocodes()
  return useMutation({
    mutationFn: (body: UpdatePromocodePayload) =>
      sdk.client.fetch<{ promocode: { id: string; code: string } }>(
        `/admin/promocodes/${id}`,
        { method: "POST", body }
      ),
    onSuccess: () => invalidate(id),
  })
}

/** Switches a code on or off (any code, so the id comes with the call). */
export function useSetPromocodeActive() {
  const invalidate = useInvalidatePromocodes()
  return useMutation({
    mutationFn: ({ id, is_active }: { id: string; is_active: boolean }) =>
      sdk.client.fetch<{ promocode: { id: string; code: string } }>(
        `/admin/promocodes/${id}`,
        { method: "POST", body: { is_active } }
      ),
    onSuccess: (_, { id }) => invalidate(id),
  })
}

export function useDeletePromocode() {
  const invalidate = useInvalidatePromocodes()
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<{ id: string; deleted: boolean; deactivated: boolean }>(
        `/admin/promocodes/${id}`,
        { method: "DELETE" }
      ),
    onSuccess: (_, id) => invalidate(id),
  })
}

export function useGeneratePromocodes() {
  const invalidate = useInvalidatePromocodes()
  return useMutation({
    mutationFn: (body: GeneratePayload) =>
      sdk.client.fetch<{ batch: PromocodeBatch }>("/admin/promocodes/generate", {
        method: "POST",
        body,
      }),
    onSuccess: () => invalidate(),
  })
}

export function useValidatePromocode() {
  return useMutation({
    mutationFn: (body: { code: string; customer_id?: string; variant_id?: string }) =>
      sdk.client.fetch<ValidateResponse>("/admin/promocodes/validate", {
        method: "POST",
        body,
      }),
  })
}

/**
 * Applies a code to a customer's account. It changes the code's counters and
 * journal and may grant a subscription, so all of those are refreshed.
 */
export function useAssignPromocode() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { code: string; customer_id?: string; email?: string }) =>
      sdk.client.fetch<AssignResponse>("/admin/promocodes/assign", {
        method: "POST",
        body,
      }),
    onSuccess: ({ promocode }) => {
      queryClient.invalidateQueries({ queryKey: promocodeKeys.lists() })
      queryClient.invalidateQueries({ queryKey: promocodeKeys.journals() })
      queryClient.invalidateQueries({ queryKey: promocodeKeys.reports() })
      if (promocode?.id) {
        queryClient.invalidateQueries({ queryKey: promocodeKeys.detail(promocode.id) })
      }
      queryClient.invalidateQueries({ queryKey: purchaseKeys.all })
      queryClient.invalidateQueries({ queryKey: subscriptionKeys.all })
    },
  })
}
