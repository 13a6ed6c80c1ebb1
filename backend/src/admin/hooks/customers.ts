import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { customerKeys, purchaseKeys } from "../lib/query-keys"
import type { PurchaseWithKind } from "../lib/subscription-types"
import type { CustomerSummary, Purchase } from "../lib/types"

const CUSTOMER_FIELDS = "id,email,first_name,last_name"

/** Customers whose email (or name) matches `q`; nothing is asked for under 2 characters. */
export function useCustomerSearch(q: string) {
  const term = q.trim()
  return useQuery({
    queryKey: customerKeys.search(term),
    queryFn: async () => {
      const { customers } = await sdk.admin.customer.list({
        q: term,
        limit: 8,
        fields: CUSTOMER_FIELDS,
      })
      return customers as CustomerSummary[]
    },
    enabled: term.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  })
}

/** A few customers by id, to show who a code is assigned to. */
export function useCustomersById(ids: string[]) {
  return useQuery({
    queryKey: customerKeys.byIds(ids),
    queryFn: async () => {
      const { customers } = await sdk.admin.customer.list({
        id: ids,
        limit: ids.length,
        fields: CUSTOMER_FIELDS,
      })
      return customers as CustomerSummary[]
    },
    enabled: ids.length > 0,
    staleTime: 60_000,
  })
}

export function usePurchases(params: {
  customer_id?: string
  status?: string
  promocode?: string
  limit: number
  offset: number
}) {
  return useQuery({
    queryKey: purchaseKeys.list(params),
    queryFn: () =>
      sdk.client.fetch<{ purchases: (Purchase & PurchaseWithKind)[]; count: number }>(
        "/admin/purchases",
        { query: params }
      ),
    placeholderData: keepPreviousData,
  })
}
