// Helpers of the call-by-call cost scripts run with `medusa exec`
// (purchase-cost.ts, renewal-cost.ts): CPU (process.cpuUsage: the Node process, all its
// threads) and wall time of one call at a time, and their medians.
import { performance } from "node:perf_hooks"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type SubscriptionModuleService from "../../modules/subscription/service"

export type Sample = { cpu: number; wall: number }

/**
 * `timed(name, call)` records the call's CPU and wall time while counting is on
 * (`count(true)`); `timed(name, call, per)` records them divided by `per` (a
 * call doing the work of `per` items).
 */
export function costTimer() {
  const samples = new Map<string, Sample[]>()
  let counting = false
  const timed = async <T>(name: string, call: () => Promise<T>, per = 1): Promise<T> => {
    const cpu = process.cpuUsage()
    const started = performance.now()
    const result = await call()
    const used = process.cpuUsage(cpu)
    if (counting) {
      samples.set(name, [...(samples.get(name) ?? []), { cpu: (used.user + used.system) / 1000 / per, wall: (performance.now() - started) / per }])
    }
    return result
  }
  return { timed, samples, count: (on: boolean) => (counting = on) }
}

/** One row per call: how many times it was counted, its median CPU and wall ms. */
export function medianRows(samples: Map<string, Sample[]>) {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
  return [...samples].map(([name, list]) => ({
    name,
    count: list.length,
    cpu_ms: median(list.map((s) => s.cpu)),
    wall_ms: median(list.map((s) => s.wall)),
  }))
}

/**
 * Waits until the order subscriber has recorded the purchase, so that its
 * work is measured on its own and not inside the next call. The figure
 * includes the polling (one purchase read per 20 ms).
 */
export async function waitForOrder(subscriptions: SubscriptionModuleService, purchaseId: string) {
  for (let waited = 0; waited < 30000; waited += 20) {
    const purchase = await subscriptions.retrievePurchase(purchaseId, { select: ["order_id"] })
    if (purchase.order_id) {
      return
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`purchase ${purchaseId} was not recorded as an order within 30 s`)
}

/** The demo seed's Standard monthly plan (variant id), which the cost scripts buy. */
export async function standardMonthlyVariant(container: MedusaContainer): Promise<string> {
  const { data: [variant] } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "product_variant",
    fields: ["id"],
    filters: { sku: "STANDARD-1M" },
  })
  if (!variant) {
    throw new Error("the demo seed's STANDARD-1M plan is missing")
  }
  return variant.id
}
