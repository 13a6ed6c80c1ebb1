import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  PROMOCODE_MODULE,
  promocodeStatus,
  type PromocodeBatchDTO,
  type PromocodeDTO,
  type PromocodeJournalDTO,
  type PromocodeModuleService,
  type PromocodeStatus,
  type UsageStats,
} from "../../../modules/promocode"

export function promocodeService(container: MedusaContainer): PromocodeModuleService {
  return container.resolve<PromocodeModuleService>(PROMOCODE_MODULE)
}

const toNumber = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value)

/** A promo code as the admin API shows it: numbers as JSON numbers, with its status. */
export function promocodeResponse(
  promocode: PromocodeDTO & { status?: PromocodeStatus },
  now: Date = new Date()
) {
  return {
    id: promocode.id,
    code: promocode.code,
    type: promocode.type,
    value: toNumber(promocode.value),
    currency_code: promocode.currency_code ?? null,
    free_days: promocode.free_days ?? null,
    starts_at: promocode.starts_at ?? null,
    ends_at: promocode.ends_at ?? null,
    is_active: promocode.is_active,
    usage_limit: promocode.usage_limit ?? null,
    per_customer_limit: promocode.per_customer_limit ?? null,
    first_purchase_only: promocode.first_purchase_only,
    product_ids: promocode.product_ids ?? [],
    variant_ids: promocode.variant_ids ?? [],
    customer_ids: promocode.customer_ids ?? [],
    description: promocode.description ?? null,
    duration: promocode.duration ?? "once",
    duration_periods: promocode.duration_periods ?? null,
    batch_id: promocode.batch_id ?? null,
    reserved_count: Number(promocode.reserved_count),
    used_count: Number(promocode.used_count),
    validated_count: Number(promocode.validated_count ?? 0),
    status: promocode.status ?? promocodeStatus(promocode, now),
    created_at: promocode.created_at,
    updated_at: promocode.updated_at,
  }
}

/** Usage statistics of a code, amounts as JSON numbers. */
export function statsResponse(stats: UsageStats) {
  return {
    ...stats,
    discount_given: stats.discount_given.map(({ currency_code, amount }) => ({
      currency_code,
      amount: Number(amount),
    })),
  }
}

/** A generation batch with its progress as a fraction (0..1). */
export function batchResponse(batch: PromocodeBatchDTO) {
  const count = Number(batch.count)
  const generated = Number(batch.generated)
  return {
    id: batch.id,
    count,
    generated,
    status: batch.status,
    progress: count > 0 ? Math.min(1, Math.round((generated / count) * 10000) / 10000) : 0,
    prefix: batch.prefix ?? "",
    length: Number(batch.length),
    rules: batch.rules ?? null,
    error: batch.error ?? null,
    created_at: batch.created_at,
    updated_at: batch.updated_at,
  }
}

type CustomerSummary = {
  id: string
  email: string | null
  first_name: string | null
  last_name: string | null
}

/**
 * Journal rows as the admin API shows them, each with its customer's name and
 * email read in one query.graph call for the whole page.
 */
export async function journalResponse(
  container: MedusaContainer,
  rows: PromocodeJournalDTO[]
) {
  const ids = [...new Set(rows.map((row) => row.customer_id).filter((id): id is string => !!id))]
  const customers = new Map<string, CustomerSummary>()
  if (ids.length) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "customer",
      fields: ["id", "email", "first_name", "last_name"],
      filters: { id: ids },
    })
    for (const customer of data) {
      customers.set(customer.id, {
        id: customer.id,
        email: customer.email ?? null,
        first_name: customer.first_name ?? null,
        last_name: customer.last_name ?? null,
      })
    }
  }
  return rows.map((row) => ({
    id: row.id,
    created_at: row.created_at,
    action: row.action,
    reason: row.reason ?? null,
    promocode_id: row.promocode_id ?? null,
    code: row.code,
    customer_id: row.customer_id ?? null,
    customer: (row.customer_id && customers.get(row.customer_id)) || null,
    purchase_id: row.purchase_id ?? null,
    usage_id: row.usage_id ?? null,
    discount_amount: toNumber(row.discount_amount),
    currency_code: row.currency_code ?? null,
  }))
}

// the report range of both reports (src/lib/report-range.ts)
export { daysOf, reportRange } from "../../../lib/report-range"
