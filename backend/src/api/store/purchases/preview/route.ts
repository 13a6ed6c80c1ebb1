import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { planChangeFor } from "../../../../lib/purchases"
import { promocodeAttempt } from "../../../../lib/rate-limit/promocode-attempts"
import { planForSale } from "../../../../lib/tariffs"
import { PROMOCODE_MODULE, type PromocodeModuleService } from "../../../../modules/promocode"
import type { StorePreviewPurchaseType } from "../validators"

/**
 * The price the customer would pay for a plan now: what it does to their
 * live subscription (`change`, `credit_amount`, `effective_at`), the price
 * less the credit, then the promo code when given (a code that does not apply
 * answers its PROMOCODE_* error, one meant for another customer as unknown;
 * the Trial, TRIAL_NOT_AVAILABLE). Failed codes are limited per customer and
 * IP (429 PROMOCODE_ATTEMPTS_EXCEEDED). Reserves nothing. The plan and its price come from the catalog cache the purchase
 * reads too (see planForSale).
 */
export async function POST(
  req: AuthenticatedMedusaRequest<StorePreviewPurchaseType>,
  res: MedusaResponse
) {
  const customerId = req.auth_context.actor_id
  const { variant_id, promocode } = req.validatedBody
  const salesChannelIds = req.publishable_key_context?.sales_channel_ids ?? []
  const plan = await planForSale(req.scope, { variantId: variant_id, salesChannelIds })
  const decision = await planChangeFor(req.scope, customerId, plan)
  const chargeable = decision.chargeable_amount
  const base = {
    variant_id: plan.variant_id,
    product_id: plan.product_id,
    currency_code: plan.price.currency_code,
    plan: {
      title: plan.variant_title,
      tariff_title: plan.product_title,
      interval: plan.interval,
      interval_count: plan.interval_count,
      trial_days: plan.trial_days,
    },
    change: decision.change,
    credit_amount: decision.credit_amount,
    effective_at: decision.effective_at,
    original_amount: plan.price.amount,
  }
  // A scheduled change charges nothing now, so no code applies to it.
  if (!promocode || decision.change === "scheduled") {
    return res.json({
      preview: { ...base, discount_amount: 0, total: chargeable, promocode: null },
    })
  }
  const promocodes = req.scope.resolve<PromocodeModuleService>(PROMOCODE_MODULE)
  const attempt = await promocodeAttempt(req, customerId)
  const { promocode: code, discount } = await promocodes
    .validateCode({
      code: promocode,
      customer_id: customerId,
      variant_id: plan.variant_id,
      product_id: plan.product_id,
      amount: chargeable,
      currency_code: plan.price.currency_code,
      has_prior_purchase: decision.has_prior_purchase,
    })
    .catch(async (error) => {
      throw await attempt.rejected(error)
    })
  res.json({
    preview: {
      ...base,
      discount_amount: Number(discount.discount_amount),
      total: Number(discount.total),
      promocode: {
        code: code.code,
        type: code.type,
        value: code.value == null ? null : Number(code.value),
        currency_code: code.currency_code ?? null,
        free_days: code.free_days ?? null,
        ends_at: code.ends_at ?? null,
        duration: code.duration ?? "once",
        duration_periods: code.duration_periods ?? null,
      },
    },
  })
}
