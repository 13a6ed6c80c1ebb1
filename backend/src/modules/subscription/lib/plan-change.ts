import { MathBN, MedusaError } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { periodEnd, type PeriodInterval } from "./period"

/**
 * What buying a plan does to a customer's live subscription (see README.md,
 * "Plan changes"). Pure functions: the workflow decides with them under the
 * customer's lock, the preview shows the same answer.
 */

export const PLAN_CHANGES = ["new", "extension", "upgrade", "scheduled"] as const
export type PlanChange = (typeof PLAN_CHANGES)[number]

export const TRIAL_NOT_AVAILABLE = "TRIAL_NOT_AVAILABLE"

/** Why the Trial is not available: taken before, or the customer has had a paid plan. */
export type TrialUnavailableReason = "trial_used" | "paid_subscription"
export type TrialEligibility = { available: boolean; reason: TrialUnavailableReason | null }

/** The customer's Trial eligibility and whether they completed a purchase before. */
export type PurchaseHistory = { trial: TrialEligibility; has_completed_purchase: boolean }

/** What a preview and a purchase read of the customer before deciding (one query). */
export type SaleContext = PurchaseHistory & {
  live: {
    id: string
    variant_id: string
    is_trial: boolean
    current_period_start: Date
    ends_at: Date
    period_amount: string | null
    currency_code: string | null
  } | null
}

/** The history's flags as the Trial eligibility (once per customer, never after a paid plan). */
export function purchaseHistoryOf(row: { trial: boolean; paid: boolean } | undefined): PurchaseHistory {
  const has_completed_purchase = row?.paid === true
  if (row?.trial) {
    return { trial: { available: false, reason: "trial_used" }, has_completed_purchase }
  }
  if (has_completed_purchase) {
    return { trial: { available: false, reason: "paid_subscription" }, has_completed_purchase }
  }
  return { trial: { available: true, reason: null }, has_completed_purchase }
}

/** Digits after the point of a currency's minor unit (RUB, USD: 2; JPY: 0). */
export function currencyDigits(currencyCode: string): number {
  try {
    return new Intl.NumberFormat("en", {
      style: "currency",
      currency: currencyCode.toUpperCase(),
    }).resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}

export type CreditInput = {
  /** what the current period was worth (paid plus any credit it got) */
  paid: BigNumberInput
  period_start: Date
  period_end: Date
  at: Date
  currency_code: string
}

/**
 * The unused part of a paid period at `at`: paid × remaining / length,
 * rounded down to the currency's minor unit. 0 before nothing remains, the
 * whole amount at or before the start. Exact: integer minor units, no floats.
 */
export function unusedCredit(input: CreditInput): number {
  const start = input.period_start.getTime()
  const end = input.period_end.getTime()
  const at = input.at.getTime()
  const length = end - start
  if (length <= 0 || at >= end || MathBN.lte(input.paid, 0)) {
    return 0
  }
  const remaining = Math.min(end - at, length)
  const scale = MathBN.exp(10, currencyDigits(input.currency_code))
  const minor = MathBN.mult(MathBN.mult(input.paid, scale), remaining).dividedToIntegerBy(length)
  return MathBN.div(minor, scale).toNumber()
}

export type LiveSubscription = {
  id: string
  variant_id: string
  is_trial: boolean
  current_period_start: Date
  ends_at: Date
  period_amount: BigNumberInput | null
  currency_code: string | null
}

export type DecideInput = {
  live: LiveSubscription | null
  /** the plan being bought */
  plan: {
    variant_id: string
    price: number
    currency_code: string
    is_trial: boolean
    /** the plan's period, to turn a credit larger than the price into time */
    interval?: PeriodInterval
    interval_count?: number
  }
  /** the current plan's price today (null: no longer for sale, counts as 0) */
  current_price: number | null
  trial: TrialEligibility
  now: Date
}

export type Decision = {
  change: PlanChange
  /** the unused value of the current period deducted from the price (upgrades) */
  credit_amount: number
  /** the price less the credit: what a promo code applies to (0 when scheduled) */
  chargeable_amount: number
  /** when the bought plan takes effect */
  effective_at: Date
  /** the live subscription the decision was made on */
  subscription_id: string | null
  /**
   * an upgrade whose credit exceeds the new price: the rest of the credit as
   * time added to the new period (rest / price × period length, rounded down
   * to the millisecond), so no paid time is lost
   */
  extra_ms: number
}

/**
 * - the Trial: refused (TRIAL_NOT_AVAILABLE) unless the customer may take it;
 * - no live subscription: a new one from now;
 * - the current plan: one more period appended to the current end;
 * - a higher price: an upgrade now, the unused time credited (never more
 *   than the new price);
 * - otherwise: scheduled for the period end, nothing charged.
 */
export function decidePlanChange(input: DecideInput): Decision {
  const { live, plan, now } = input
  if (plan.is_trial && !input.trial.available) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "The Trial is not available to this customer.",
      TRIAL_NOT_AVAILABLE
    )
  }
  if (!live || live.ends_at.getTime() <= now.getTime()) {
    return decision("new", 0, plan.price, now, null)
  }
  if (live.variant_id === plan.variant_id) {
    return decision("extension", 0, plan.price, live.ends_at, live.id)
  }
  if (MathBN.gt(plan.price, input.current_price ?? 0)) {
    const sameCurrency = (live.currency_code ?? plan.currency_code) === plan.currency_code
    const unused = sameCurrency
      ? unusedCredit({
          paid: live.period_amount ?? 0,
          period_start: live.current_period_start,
          period_end: live.ends_at,
          at: now,
          currency_code: plan.currency_code,
        })
      : 0
    const credit = MathBN.min(unused, plan.price).toNumber()
    const upgrade = decision("upgrade", credit, MathBN.sub(plan.price, credit).toNumber(), now, live.id)
    if (MathBN.gt(unused, plan.price) && plan.interval && plan.interval_count) {
      const length = periodEnd(now, { interval: plan.interval, interval_count: plan.interval_count }).getTime() - now.getTime()
      upgrade.extra_ms = MathBN.mult(MathBN.sub(unused, plan.price), length)
        .dividedToIntegerBy(plan.price)
        .toNumber()
    }
    return upgrade
  }
  return decision("scheduled", 0, 0, live.ends_at, live.id)
}

function decision(
  change: PlanChange,
  credit: number,
  chargeable: number,
  effectiveAt: Date,
  subscriptionId: string | null
): Decision {
  return {
    change,
    credit_amount: credit,
    chargeable_amount: chargeable,
    effective_at: effectiveAt,
    subscription_id: subscriptionId,
    extra_ms: 0,
  }
}
