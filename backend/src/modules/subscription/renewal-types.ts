import type { RenewalDiscount, RenewalState } from "./lib/renewal"
import type { PaymentMethod, SubscriptionDTO, SubscriptionSnapshot } from "./types"

/** One renewal attempt, as `beginRenewal` starts it. Plain JSON (a workflow step's output). */
export type RenewalAttempt = {
  subscription_id: string
  customer_id: string
  /** the period this renewal pays for starts here (the old period end) */
  period_start: string
  /** the plan to charge (pending ?? current; the Trial: its conversion plan, null = the default one) */
  variant_id: string | null
  is_trial: boolean
  currency_code: string | null
  payment_method_id: string
  account_holder_id: string | null
  /** 1-based number of this off-session charge on the card */
  attempt: number
  /** the promo code discount this renewal gets (a repeating or forever code), if any */
  discount: RenewalDiscount | null
}

export type ApplyRenewalInput = {
  subscription_id: string
  period_start: string
  period_end: string
  product_id: string
  variant_id: string
  amount: number
  currency_code: string
  purchase_id: string
}

export type DeclineRenewalInput = {
  subscription_id: string
  period_start: string
  retry_days: number[]
  now?: Date | string
}

/** What a renewal change overwrote, for `restoreRenewal`. */
export type RenewalUndo = { snapshot: SubscriptionSnapshot; renewal: RenewalState }

export type RenewalChange = { subscription: SubscriptionDTO; before: RenewalUndo }

export type SaveCardInput = {
  customer_id?: string | null
  payment_method?: PaymentMethod | null
  account_holder_id?: string | null
  auto_renew?: boolean
  convert_to_variant_id?: string | null
  /**
   * a purchase with a repeating or forever code: the discount and how many
   * renewals it lasts (`left` null: every one); null clears it
   */
  renewal_discount?: { discount: RenewalDiscount; left: number | null } | null
  now?: Date | string
}

export type CardChange = { subscription: SubscriptionDTO; before: RenewalState }
