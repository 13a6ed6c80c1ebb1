import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { purchaseKeys, subscriptionKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { CancelSubscriptionInput, CancelSubscriptionResponse } from "../lib/subscription-types"
import type {
  AdminSubscriptionDetailResponse,
  AdminSubscriptionList,
  AdminSubscriptionRefundResponse,
  AdminSubscriptionRetryResponse,
  RefundSubscriptionPayload,
  SubscriptionListParams,
} from "../lib/types"

const path = (id: string, action = "") =>
  `/admin/subscriptions/${encodeURIComponent(id)}${action ? `/${action}` : ""}`

/** `GET /admin/subscriptions`: every customer's, with filters, pages, MRR and the MRR total. */
export function useSubscriptions(params: SubscriptionListParams) {
  return useQuery({
    queryKey: subscriptionKeys.list(params),
    queryFn: () =>
      sdk.client.fetch<AdminSubscriptionList>("/admin/subscriptions", {
        query: { ...params, status: params.status || undefined, q: params.q || undefined },
      }),
    placeholderData: keepPreviousData,
  })
}

/** `GET /admin/subscriptions/:id`: the subscription, its timeline and what can be refunded. */
export function useSubscription(id: string) {
  return useQuery({
    queryKey: subscriptionKeys.detail(id),
    queryFn: () => sdk.client.fetch<AdminSubscriptionDetailResponse>(path(id)),
  })
}

/** After an action: the lists, this subscription, and the purchases (a charge or a refund changes them). */
function useRefresh() {
  const queryClient = useQueryClient()
  return (id: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: subscriptionKeys.lists() }),
      queryClient.invalidateQueries({ queryKey: subscriptionKeys.detail(id) }),
      queryClient.invalidateQueries({ queryKey: purchaseKeys.lists() }),
    ])
}

/**
 * `POST /admin/subscriptions/:id/cancel` `{ at, refund }`: now (optionally with the
 * unused part refunded) or at the period end.
 */
export function useCancelSubscription() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: ({ id, ...body }: CancelSubscriptionInput & { id: string }) =>
      sdk.client.fetch<CancelSubscriptionResponse>(path(id, "cancel"), { method: "POST", body }),
    onSuccess: (_data, { id }) => refresh(id),
  })
}

/** `POST /admin/subscriptions/:id/refund` `{ purchase_id, amount? }`. */
export function useRefundSubscriptionPurchase() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: ({ id, ...body }: RefundSubscriptionPayload & { id: string }) =>
      sdk.client.fetch<AdminSubscriptionRefundResponse>(path(id, "refund"), { method: "POST", body }),
    onSuccess: (_data, { id }) => refresh(id),
  })
}

/** `POST /admin/subscriptions/:id/retry`: a past_due renewal charged now. */
export function useRetrySubscriptionRenewal() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: ({ id }: { id: string }) =>
      sdk.client.fetch<AdminSubscriptionRetryResponse>(path(id, "retry"), { method: "POST", body: {} }),
    onSuccess: (_data, { id }) => refresh(id),
  })
}
