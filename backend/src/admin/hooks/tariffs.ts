import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { planKeys, tariffKeys } from "../lib/query-keys"
import type { PlanInterval, SubscriptionPlan, TariffOption } from "../lib/types"

/**
 * Every tariff plan (product variant) with its tariff's title, for the pickers
 * of the promo code forms. The catalogue is a handful of tariffs.
 */
export function useTariffOptions() {
  return useQuery({
    queryKey: tariffKeys.options(),
    queryFn: async () => {
      const { products } = await sdk.admin.product.list({
        limit: 100,
        fields: "id,title,*variants",
      })
      const options: TariffOption[] = []
      for (const product of products) {
        for (const variant of product.variants ?? []) {
          options.push({
            product_id: product.id,
            product_title: product.title,
            variant_id: variant.id,
            variant_title: variant.title ?? variant.id,
          })
        }
      }
      return options
    },
    staleTime: 60_000,
  })
}

/** The plans (variants) of one tariff. */
export function useProductVariants(productId: string) {
  return useQuery({
    queryKey: tariffKeys.variants(productId),
    queryFn: async () => {
      const { variants } = await sdk.admin.product.listVariants(productId, {
        limit: 100,
        fields: "id,title,sku",
      })
      return variants.map((v) => ({
        id: v.id,
        title: v.title ?? v.id,
        sku: v.sku ?? null,
      }))
    },
    enabled: !!productId,
  })
}

export function useSubscriptionPlans(variantIds: string[]) {
  return useQuery({
    queryKey: planKeys.list(variantIds),
    queryFn: () =>
      sdk.client.fetch<{ plans: SubscriptionPlan[] }>("/admin/subscription-plans", {
        query: { variant_id: variantIds.join(",") },
      }),
    enabled: variantIds.length > 0,
  })
}

export function useUpsertSubscriptionPlan() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({
      variant_id,
      ...body
    }: {
      variant_id: string
      interval: PlanInterval
      interval_count: number
      trial_days: number
    }) =>
      sdk.client.fetch<{ plan: SubscriptionPlan }>(
        `/admin/subscription-plans/${variant_id}`,
        { method: "POST", body }
      ),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: planKeys.all })
      queryClient.invalidateQueries({ queryKey: tariffKeys.all })
    },
  })
}
