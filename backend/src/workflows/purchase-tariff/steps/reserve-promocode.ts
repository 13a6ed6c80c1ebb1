import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PROMOCODE_MODULE, type PromocodeModuleService } from "../../../modules/promocode"
import { SUBSCRIPTION_MODULE } from "../../../modules/subscription"
import type SubscriptionModuleService from "../../../modules/subscription/service"
import type { PlanForSale } from "../../../lib/tariffs"

export type ReservePromocodeInput = {
  code?: string | null
  customer_id: string
  plan: PlanForSale
  has_prior_purchase: boolean
}

type ReleaseOnFailure = { usage_id: string } | null

export type PriceBreakdown = {
  original_amount: number
  discount_amount: number
  total: number
  currency_code: string
  promocode: {
    id: string
    code: string
    type: string
    value: number | null
    currency_code: string | null
    free_days: number | null
    duration: "once" | "repeating" | "forever"
    duration_periods: number | null
  } | null
  usage_id: string | null
}

/**
 * Reserves the promo code (atomically, in the promocode module), which prices
 * the plan on the server: percent or fixed off, never below 0, a free period
 * costs 0. Without a code the plan's price stands. Compensation gives the
 * reservation back, with the purchase's failure reason in the journal.
 */
export const reservePromocodeStep = createStep(
  "reserve-promocode",
  async (input: ReservePromocodeInput, { container }) => {
    const { plan } = input
    if (!input.code) {
      const breakdown: PriceBreakdown = {
        original_amount: plan.price.amount,
        discount_amount: 0,
        total: plan.price.amount,
        currency_code: plan.price.currency_code,
        promocode: null,
        usage_id: null,
      }
      return new StepResponse<PriceBreakdown, ReleaseOnFailure>(breakdown, null)
    }
    const promocodes = container.resolve<PromocodeModuleService>(PROMOCODE_MODULE)
    // the reservation prices the plan under the code's lock: its breakdown
    // is the price charged, never recomputed here
    const reserved = await promocodes.reserve({
      code: input.code,
      customer_id: input.customer_id,
      variant_id: plan.variant_id,
      product_id: plan.product_id,
      amount: plan.price.amount,
      currency_code: plan.price.currency_code,
      has_prior_purchase: input.has_prior_purchase,
    })
    const { breakdown, promocode } = reserved
    const priced: PriceBreakdown = {
      original_amount: breakdown.original_amount.numeric,
      discount_amount: breakdown.discount_amount.numeric,
      total: breakdown.total.numeric,
      currency_code: plan.price.currency_code,
      promocode: {
        id: promocode.id,
        code: promocode.code,
        type: promocode.type,
        value: promocode.value,
        currency_code: promocode.currency_code ?? null,
        free_days: promocode.free_days,
        duration: promocode.duration ?? "once",
        duration_periods: promocode.duration_periods ?? null,
      },
      usage_id: reserved.id,
    }
    return new StepResponse<PriceBreakdown, ReleaseOnFailure>(priced, {
      usage_id: reserved.id,
    })
  },
  async (compensation, { container }) => {
    if (!compensation) return
    const promocodes = container.resolve<PromocodeModuleService>(PROMOCODE_MODULE)
    const subscriptions = container.resolve<SubscriptionModuleService>(SUBSCRIPTION_MODULE)
    const [purchase] = await subscriptions.listPurchases(
      { promocode_usage_id: compensation.usage_id },
      { select: ["id", "failure_reason"], take: 1 }
    )
    const reason = purchase?.failure_reason ? `purchase_failed:${purchase.failure_reason}` : "purchase_failed"
    await promocodes.release(compensation.usage_id, reason, {
      purchase_id: purchase?.id ?? null,
    })
  }
)
