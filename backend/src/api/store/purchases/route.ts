import { randomUUID } from "node:crypto"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { errorMessage } from "../../../lib/error-messages"
import { languageOf } from "../../../lib/i18n"
import {
  purchaseByIdempotencyKey,
  purchaseResponse,
  subscriptionResponse,
  subscriptionService,
  listPurchasesWithTitles,
} from "../../../lib/purchases"
import { purchaseTariffWorkflow } from "../../../workflows/purchase-tariff"
import { PAYMENT_DECLINED } from "../../../workflows/purchase-tariff/steps/charge-payment"
import { IDEMPOTENT_REPLAY } from "../../../workflows/purchase-tariff/steps/check-idempotency"
import { IdempotencyKey, StoreCreatePurchaseType, StoreListParamsType } from "./validators"

type Purchase = Awaited<ReturnType<typeof purchaseByIdempotencyKey>> & {}

/** Reasons a payment provider declines with; other failures are not declines. */
const DECLINE_REASONS = ["card_declined", "insufficient_funds", "gateway_error", "invalid_token"]

/**
 * Buys a plan through the purchase-tariff workflow. 201 with the purchase and
 * the subscription, and the `change` it made; a scheduled change (a cheaper
 * plan at the period end) charges nothing and has `purchase: null`; 402 when the payment is declined; the same
 * Idempotency-Key answers the first outcome again and never charges twice.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<StoreCreatePurchaseType>,
  res: MedusaResponse
) {
  const customerId = req.auth_context.actor_id
  const idempotencyKey = readIdempotencyKey(req)
  const earlier = await purchaseByIdempotencyKey(req.scope, customerId, idempotencyKey)
  if (earlier) {
    return answerWith(req, res, earlier)
  }

  const { result, errors } = await purchaseTariffWorkflow(req.scope).run({
    input: {
      customer_id: customerId,
      variant_id: req.validatedBody.variant_id,
      promocode: req.validatedBody.promocode ?? null,
      payment_token: req.validatedBody.payment?.token ?? null,
      idempotency_key: idempotencyKey,
      sales_channel_ids: req.publishable_key_context?.sales_channel_ids ?? [],
      save_card: true,
      auto_renew: req.validatedBody.auto_renew ?? null,
      convert_to_variant_id: req.validatedBody.convert_to_variant_id ?? null,
    },
    throwOnError: false,
  })
  if (errors.length) {
    const error = errors[0].error
    if (error?.code === IDEMPOTENT_REPLAY || error?.code === PAYMENT_DECLINED) {
      const recorded = await purchaseByIdempotencyKey(req.scope, customerId, idempotencyKey)
      if (recorded) {
        return answerWith(req, res, recorded)
      }
    }
    throw error
  }
  res.status(201).json({
    change: result.change,
    credit_amount: result.credit_amount,
    effective_at: result.effective_at,
    purchase: result.purchase && purchaseResponse(result.purchase),
    subscription: subscriptionResponse(result.subscription),
  })
}

/** The signed-in customer's purchases, newest first. */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, StoreListParamsType>,
  res: MedusaResponse
) {
  const { limit, offset } = req.validatedQuery
  const { purchases, count } = await listPurchasesWithTitles(
    req.scope,
    { customer_id: req.auth_context.actor_id },
    { take: limit, skip: offset }
  )
  res.json({
    purchases,
    count,
    limit,
    offset,
  })
}

function readIdempotencyKey(req: AuthenticatedMedusaRequest): string {
  const header = req.get("idempotency-key")
  if (header === undefined) {
    return randomUUID()
  }
  const parsed = IdempotencyKey.safeParse(header)
  if (!parsed.success) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Idempotency-Key must be 1 to 255 printable ASCII characters.",
      "INVALID_IDEMPOTENCY_KEY"
    )
  }
  return parsed.data
}

/** The answer for a purchase already recorded under the request's key. */
async function answerWith(req: AuthenticatedMedusaRequest, res: MedusaResponse, purchase: Purchase) {
  const lang = languageOf(req)
  if (purchase.status === "completed") {
    const subscription = purchase.subscription_id
      ? await subscriptionService(req.scope).retrieveSubscription(purchase.subscription_id)
      : null
    return res.status(201).json({
      purchase: purchaseResponse(purchase),
      subscription: subscription && subscriptionResponse(subscription),
    })
  }
  if (purchase.status === "failed" && DECLINE_REASONS.includes(purchase.failure_reason ?? "")) {
    return res.status(402).json({
      type: MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR,
      code: PAYMENT_DECLINED,
      message: errorMessage(`PAYMENT_${purchase.failure_reason!.toUpperCase()}`, lang) ?? errorMessage(PAYMENT_DECLINED, lang),
      reason: purchase.failure_reason,
      purchase_id: purchase.id,
    })
  }
  const code = purchase.status === "pending" ? "PURCHASE_IN_PROGRESS" : "PURCHASE_FAILED"
  return res.status(409).json({
    type: "conflict",
    code,
    message: errorMessage(code, lang),
    purchase_id: purchase.id,
  })
}
