/**
 * Shapes of the admin API our pages read (see DESIGN.md, "API contract").
 * Amounts are in major units; the server may send a BigNumber as a number or a
 * decimal string, so every amount is typed `Amount`.
 */

export type Amount = number | string

export type PromocodeType = "percentage" | "fixed" | "free_period"

export type PromocodeStatus =
  | "active"
  | "inactive"
  | "scheduled"
  | "expired"
  | "used_up"

export type Promocode = {
  id: string
  code: string
  type: PromocodeType
  value: Amount | null
  currency_code: string | null
  free_days: number | null
  starts_at: string | null
  ends_at: string | null
  is_active: boolean
  usage_limit: number | null
  per_customer_limit: number | null
  first_purchase_only: boolean
  product_ids: string[] | null
  variant_ids: string[] | null
  customer_ids: string[] | null
  description: string | null
  batch_id: string | null
  reserved_count: number
  used_count: number
  /** previews that found the code usable (counted, not journaled) */
  validated_count?: number
  status: PromocodeStatus
  created_at: string
  updated_at: string
}

export type AmountByCurrency = { currency_code: string | null; amount: Amount }

export type ReasonCount = { reason: string | null; count: number }

export type PromocodeStats = {
  reserved: number
  redeemed: number
  released: number
  customers: number
  discount_given: AmountByCurrency[]
  rejections_by_reason: ReasonCount[]
  usage_limit: number | null
  remaining: number | null
  last_redeemed_at: string | null
}

export type PromocodeListParams = {
  q?: string
  status?: string
  type?: string
  batch_id?: string
  limit: number
  offset: number
  order?: string
}

export type PromocodeListResponse = {
  promocodes: Promocode[]
  count: number
  limit: number
  offset: number
}

export type PromocodeDetailResponse = {
  promocode: Promocode
  stats?: PromocodeStats
}

/** The rules a code carries, as sent to create, update and generate. */
export type PromocodeRulesPayload = {
  type: PromocodeType
  value?: number | null
  currency_code?: string | null
  free_days?: number | null
  starts_at?: string | null
  ends_at?: string | null
  is_active?: boolean
  usage_limit?: number | null
  per_customer_limit?: number | null
  first_purchase_only?: boolean
  product_ids?: string[]
  variant_ids?: string[]
  customer_ids?: string[]
  description?: string | null
}

export type CreatePromocodePayload = PromocodeRulesPayload & { code?: string }

export type UpdatePromocodePayload = Partial<CreatePromocodePayload>

export type GeneratePayload = PromocodeRulesPayload & {
  count: number
  prefix?: string
  length?: number
}

export type BatchStatus = "pending" | "running" | "completed" | "failed"

export type PromocodeBatch = {
  id: string
  count: number
  generated: number
  status: BatchStatus
  progress?: number | null
  error?: string | null
  prefix?: string | null
  length?: number | null
  created_at?: string
}

export type JournalAction =
  | "validated"
  | "rejected"
  | "reserved"
  | "released"
  | "redeemed"
  | "assigned"

export type CustomerSummary = {
  id: string
  email: string
  first_name?: string | null
  last_name?: string | null
}

export type JournalEntry = {
  id: string
  created_at: string
  action: JournalAction
  reason: string | null
  customer_id: string | null
  customer?: CustomerSummary | null
  purchase_id: string | null
  discount_amount: Amount | null
  currency_code: string | null
  /** the journal row keeps the code and its id; the contract allows more fields */
  code?: string | null
  promocode_id?: string | null
}

export type JournalResponse = {
  usages: JournalEntry[]
  count: number
  limit?: number
  offset?: number
}

export type ReportDay = {
  day: string
  attempts: number
  redemptions: number
  rejections: number
  releases: number
  discount_given?: AmountByCurrency[] | Amount | null
}

export type TopCode = {
  promocode_id: string | null
  code: string
  redemptions: number
  discount_given: AmountByCurrency[] | Amount | null
  revenue: AmountByCurrency[] | Amount | null
}

export type PromocodeReport = {
  from: string
  to: string
  attempts: number
  validations: number
  /** previews that found a code usable, all time (the codes' validated_count) */
  views?: number
  reservations: number
  redemptions: number
  assignments: number
  releases: number
  rejections: number
  rejections_by_reason: ReasonCount[]
  releases_by_reason: ReasonCount[]
  discount_given: AmountByCurrency[]
  by_day: ReportDay[]
  top_codes?: TopCode[]
}

export type ValidateResponse =
  | {
      valid: true
      promocode: Promocode
      discount?: {
        original_amount: Amount
        discount_amount: Amount
        total: Amount
        currency_code: string
      } | null
    }
  | { valid: false; error: { code: string; message: string } }

export type AssignResponse = {
  result: "granted" | "assigned"
  /** at least id, code and type */
  promocode: Pick<Promocode, "id" | "code" | "type"> & Partial<Promocode>
  customer: { id: string; email: string }
  purchase?: Purchase | null
  subscription?: Subscription | null
}

export type PurchaseStatus = "pending" | "completed" | "failed"

export type Purchase = {
  id: string
  status: PurchaseStatus
  customer_id: string
  product_id: string
  variant_id: string
  product_title?: string | null
  variant_title?: string | null
  original_amount: Amount
  discount_amount: Amount
  total: Amount
  currency_code: string
  promocode: string | null
  failure_reason: string | null
  created_at: string
  completed_at: string | null
}

export type SubscriptionStatus = "active" | "expired" | "replaced"

export type Subscription = {
  id: string
  status: SubscriptionStatus
  customer_id: string
  product_id: string
  variant_id: string
  product_title?: string | null
  variant_title?: string | null
  starts_at: string
  ends_at: string
}

export type PlanInterval = "day" | "month" | "year"

export type SubscriptionPlan = {
  id: string
  variant_id: string
  interval: PlanInterval
  interval_count: number
  trial_days: number
}

/** A tariff plan as the forms offer it: a product variant with its tariff. */
export type TariffOption = {
  product_id: string
  product_title: string
  variant_id: string
  variant_title: string
}
