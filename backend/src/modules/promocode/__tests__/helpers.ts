import { MedusaError } from "@medusajs/framework/utils"
import type { TestDatabaseUtils } from "@medusajs/test-utils"
import type { ReserveInput } from "../types"

/** The `code` of the error a promise rejects with, or "resolved". */
export async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    return (error as MedusaError).code ?? `(${(error as Error).message})`
  }
  return "resolved"
}

export async function settleCodes(
  promises: Promise<unknown>[]
): Promise<Record<string, number>> {
  const outcomes = await Promise.allSettled(promises)
  const counts: Record<string, number> = {}
  for (const outcome of outcomes) {
    const key =
      outcome.status === "fulfilled"
        ? "ok"
        : (outcome.reason as MedusaError).code ??
          `(${(outcome.reason as Error).message})`
    counts[key] = (counts[key] ?? 0) + 1
  }
  return counts
}

export function sql(db: TestDatabaseUtils.TestDatabase) {
  return async <T = Record<string, unknown>>(
    query: string,
    params: unknown[] = []
  ): Promise<T[]> =>
    (await db.forkManager().execute(
      query,
      params as never[]
    )) as T[]
}

export const PLAN = {
  variant_id: "variant_standard_month",
  product_id: "prod_standard",
  amount: 399,
  currency_code: "rub",
}

export function shopper(
  code: string,
  customer_id: string,
  extra: Partial<ReserveInput> = {}
): ReserveInput {
  return { code, customer_id, ...PLAN, ...extra }
}

export const sleep = (ms: number) =>
  new Promise((resolve) => setTimeout(resolve, ms))

export { MedusaError }
