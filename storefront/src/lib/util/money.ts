import type { StoreTariffPlan } from "@/types/tariff"

/**
 * A price in major units for the given locale, with the currency's sign in every language:
 * "3 990 ₽" (ru), "₽3,990" (en), not "RUB 3,990", which is too wide for a plan box on a
 * phone. Whole amounts are shown without decimals; others with the currency's usual digits.
 */
export function formatMoney(
  amount: number,
  currencyCode: string,
  locale: string
): string {
  const whole = Number.isInteger(amount)
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: currencyCode.toUpperCase(),
    currencyDisplay: "narrowSymbol",
    ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
  }).format(amount)
}

export type YearlySaving = {
  /** The yearly plan the saving belongs to. */
  variant_id: string
  amount: number
  currency_code: string
  /** Share of twelve monthly payments saved, 0..1. */
  ratio: number
}

/** How much a one-year plan saves against twelve one-month payments, or null. */
export function yearlySaving(plans: StoreTariffPlan[]): YearlySaving | null {
  const monthly = plans.find(
    (p) => p.interval === "month" && p.interval_count === 1
  )
  const yearly = plans.find(
    (p) => p.interval === "year" && p.interval_count === 1
  )
  if (
    !monthly ||
    !yearly ||
    monthly.price.currency_code !== yearly.price.currency_code
  ) {
    return null
  }

  // In hundredths, so that 12 × 4.99 does not drift.
  const twelveMonths = Math.round(monthly.price.amount * 100) * 12
  const saved = twelveMonths - Math.round(yearly.price.amount * 100)
  if (saved <= 0) {
    return null
  }
  return {
    variant_id: yearly.variant_id,
    amount: saved / 100,
    currency_code: yearly.price.currency_code,
    ratio: saved / twelveMonths,
  }
}
