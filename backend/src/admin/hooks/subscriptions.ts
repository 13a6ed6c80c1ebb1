import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { purchaseKeys, subscriptionKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type {
  CancelSubscriptionInput,
  CancelSubscriptionResponse,
  LifecycleSubscription,
} from "../lib/subscription-types"

export type SubscriptionListParams = {
  customer_id?: string
  /** One status or several, comma-separated. */
  status?: string
  limit: number
  offset: number
}

/** `GET /admin/subscriptions`: every customer's, with filters and pages. */
export function useSubscriptions(params: SubscriptionListParams) {
  return useQuery({
    queryKey: subscriptionKeys.list(params),
    queryFn: () =>
      sdk.client.fetch<{ subscriptions: LifecycleSubscription[]; count: number }>(
        "/admin/subscriptions",
        { query: { ...params, status: params.status || undefined } }
      ),
    placeholderData: keepPreviousData,
  })
}

/**
 * `POST /admin/subscriptions/:id/cancel` `{ at, refund }`: now (optionally with the
 * unused part refunded) or at the period end. Refreshes the subscription lists and
 * detail, and the purchases (a refund changes what a purchase kept).
 */
export function useCancelSubscription() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, ...body }: CancelSubscriptionInput & { id: string }) =>
      sdk.client.fetch<CancelSubscriptionResponse>(
        `/admin/subscriptions/${encodeURIComponent(id)}/cancel`,
        { method: "POST", body }
      ),
    onSuccess: (_data, { id }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: subscriptionKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: subscriptionKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: purchaseKeys.lists() }),
      ]),
  })
}
