/**
 * TanStack Query keys, one family per resource. Mutations invalidate a family's
 * `lists()` and the touched `detail(id)`; everything under a family starts with
 * its `all` key, so invalidating `all` refreshes the whole resource.
 */

type Params = Record<string, unknown>

export const promocodeKeys = {
  all: ["cinema-promocodes"] as const,
  lists: () => [...promocodeKeys.all, "list"] as const,
  list: (params: Params) => [...promocodeKeys.lists(), params] as const,
  details: () => [...promocodeKeys.all, "detail"] as const,
  detail: (id: string) => [...promocodeKeys.details(), id] as const,
  usages: (id: string, params: Params) =>
    [...promocodeKeys.detail(id), "usages", params] as const,
  journals: () => [...promocodeKeys.all, "journal"] as const,
  journal: (params: Params) => [...promocodeKeys.journals(), params] as const,
  reports: () => [...promocodeKeys.all, "report"] as const,
  report: (params: Params) => [...promocodeKeys.reports(), params] as const,
  batch: (id: string) => [...promocodeKeys.all, "batch", id] as const,
}

/** The subscription report: read-only, refreshed by its range and step. */
export const subscriptionReportKeys = {
  all: ["cinema-subscription-report"] as const,
  report: (params: Params) => [...subscriptionReportKeys.all, params] as const,
}

export const purchaseKeys = {
  all: ["cinema-purchases"] as const,
  lists: () => [...purchaseKeys.all, "list"] as const,
  list: (params: Params) => [...purchaseKeys.lists(), params] as const,
}

export const subscriptionKeys = {
  all: ["cinema-subscriptions"] as const,
  lists: () => [...subscriptionKeys.all, "list"] as const,
  list: (params: Params) => [...subscriptionKeys.lists(), params] as const,
  details: () => [...subscriptionKeys.all, "detail"] as const,
  detail: (id: string) => [...subscriptionKeys.details(), id] as const,
}

export const planKeys = {
  all: ["cinema-subscription-plans"] as const,
  lists: () => [...planKeys.all, "list"] as const,
  list: (variantIds: string[]) => [...planKeys.lists(), variantIds] as const,
}

export const tariffKeys = {
  all: ["cinema-tariff-options"] as const,
  options: () => [...tariffKeys.all, "options"] as const,
  variants: (productId: string) => [...tariffKeys.all, "variants", productId] as const,
}

export const customerKeys = {
  all: ["cinema-customers"] as const,
  search: (q: string) => [...customerKeys.all, "search", q] as const,
  byIds: (ids: string[]) => [...customerKeys.all, "by-id", ids] as const,
}
