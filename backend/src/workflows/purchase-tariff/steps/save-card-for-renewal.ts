import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { isTrialPlan, subscriptionService } from "../../../lib/purchases"
import { saveCard } from "../../../lib/saved-cards"
import { listTariffs, planForSale, resolveRegion, type PlanForSale } from "../../../lib/tariffs"
import type { RenewalState, SaveCardInput, SubscriptionDTO } from "../../../modules/subscription"
import type { PriceBreakdown } from "./reserve-promocode"

export type SaveCardForRenewalInput = {
  /** false: leave renewal settings alone (an admin acting for the customer) */
  save_card: boolean
  /** default: true for a paid plan; for the Trial, whether a card token was given */
  auto_renew?: boolean | null
  /** the Trial: the paid plan it converts to (default: the cheapest monthly one) */
  convert_to_variant_id?: string | null
  token?: string | null
  customer_id: string
  subscription_id: string
  plan: PlanForSale
  sales_channel_ids: string[] | null
  /** the purchase's promo code: a repeating or forever one continues on renewals */
  promocode?: PriceBreakdown["promocode"]
}

/**
 * The discount a repeating code (the next duration_periods - 1 renewals) or a
 * forever code (every renewal) leaves on the subscription; undefined: none to
 * set (a once code, or no code).
 */
export function continuingDiscount(promocode: PriceBreakdown["promocode"] | undefined): SaveCardInput["renewal_discount"] {
  if (!promocode || (promocode.type !== "percentage" && promocode.type !== "fixed") || promocode.value === null) {
    return undefined
  }
  const left = promocode.duration === "forever" ? null : (promocode.duration_periods ?? 1) - 1
  if (promocode.duration === "once" || left === 0) {
    return undefined
  }
  return {
    discount: {
      promocode_id: promocode.id,
      code: promocode.code,
      type: promocode.type,
      value: Number(promocode.value),
      currency_code: promocode.currency_code,
    },
    left,
  }
}

/** The cheapest monthly paid plan of the channels: what a Trial converts to by default. */
async function defaultConversion(
  container: Parameters<typeof listTariffs>[0],
  salesChannelIds: string[]
): Promise<string | null> {
  const tariffs = await listTariffs(container, {
    region: await resolveRegion(container),
    salesChannelIds,
  })
  const monthly = tariffs
    .flatMap((tariff) => tariff.plans)
    .filter((plan) => plan.interval === "month" && plan.interval_count === 1 && plan.price.amount > 0)
    .sort((a, b) => a.price.amount - b.price.amount)
  return monthly[0]?.variant_id ?? null
}

/**
 * With auto-renew (DESIGN.md, "Subscription API"), saves the card through the
 * Payment Module on the subscription (a card the provider refuses: 400
 * PAYMENT_INVALID_TOKEN if auto_renew was asked for, else no auto-renew), and for the Trial the paid plan it
 * converts to (which must be a paid plan for sale: 400 PLAN_NOT_FOUND).
 * Without, switches auto-renew off. Returns the subscription as it now is.
 * Compensation puts the renewal settings back.
 */
export const saveCardForRenewalStep = createStep(
  "save-card-for-renewal",
  async (input: SaveCardForRenewalInput, { container }) => {
    const service = subscriptionService(container)
    const renewalDiscount = continuingDiscount(input.promocode)
    if (!input.save_card && renewalDiscount) {
      const { subscription, before } = await service.saveRenewalCard(input.subscription_id, {
        customer_id: input.customer_id,
        renewal_discount: renewalDiscount,
      })
      return new StepResponse<SubscriptionDTO, RenewalState | null>(subscription, before)
    }
    if (!input.save_card) {
      const unchanged = await service.retrieveSubscription(input.subscription_id)
      return new StepResponse<SubscriptionDTO, RenewalState | null>(unchanged, null)
    }
    const trial = isTrialPlan(input.plan)
    const autoRenew = input.auto_renew ?? (trial ? !!input.token : true)
    let convertTo: string | null | undefined = undefined
    if (trial && autoRenew) {
      convertTo = input.convert_to_variant_id ?? (await defaultConversion(container, input.sales_channel_ids ?? []))
      const target = convertTo
        ? await planForSale(container, { variantId: convertTo, salesChannelIds: input.sales_channel_ids })
        : null
      if (!target || isTrialPlan(target) || target.price.amount <= 0) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Plan ${convertTo ?? "(none)"} is not a paid plan a Trial can convert to.`,
          "PLAN_NOT_FOUND"
        )
      }
    }
    // A card the provider won't save fails the purchase only when auto-renew was asked
    // for; by default the subscription simply doesn't renew (e.g. a free period paid
    // with nothing).
    const card = autoRenew
      ? await saveCard(container, { customer_id: input.customer_id, token: input.token ?? "tok_success" }).catch(
          (error) => {
            if (input.auto_renew) throw error
            return null
          }
        )
      : null
    const { subscription, before } = await service.saveRenewalCard(input.subscription_id, {
      customer_id: input.customer_id,
      auto_renew: autoRenew && !!card,
      payment_method: card?.payment_method ?? null,
      account_holder_id: card?.account_holder_id ?? null,
      convert_to_variant_id: convertTo,
      renewal_discount: renewalDiscount,
    })
    return new StepResponse<SubscriptionDTO, RenewalState | null>(subscription, before)
  },
  async (before, { container }) => {
    if (!before) return
    await subscriptionService(container).restoreRenewalCard(before)
  }
)
