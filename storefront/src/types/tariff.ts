/** Shapes of `GET /store/tariffs` (see DESIGN.md, API contract). Amounts in major units. */

export type PlanInterval = "day" | "month" | "year"

export type StoreTariffPlan = {
  variant_id: string
  title: string
  interval: PlanInterval
  interval_count: number
  trial_days: number
  price: {
    amount: number
    currency_code: string
  }
}

export type StoreTariff = {
  id: string
  title: string
  description: string | null
  handle: string
  plans: StoreTariffPlan[]
}

export type StoreTariffsResponse = {
  tariffs: StoreTariff[]
}
