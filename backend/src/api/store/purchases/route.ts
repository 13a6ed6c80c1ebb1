import { randomUUID } from "node:crypto"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { errorMessage } from "../../../lib/error-messages"
import { languageOf } from "../../../lib/i18n"
import { DECLINE_MESSAGES, isDeclineReason } from "../../../lib/payment-declines"
import { purchasesTotal } from "../../../lib/metrics"
import {
  purchaseByIdempotencyKey,
  purchaseResponse,
  subscriptionResponse,
  subscriptionService,
  listPurchasesWithTitles,
} from "../../../lib/purchases"
import { promocodeAttempt } from "../../../lib/rate-limit/promocode-attempts"
import { purchaseTariffWorkflow } from "../../../workflows/purchase-tariff"
import { PAYMENT_DECLINED } from "../../../workflows/purchase-tariff/steps/charge-payment"
import {
  IDEMPOTENT_REPLAY,
  isIdempotencyKeyTaken,
} from "../../../workflows/purchase-tariff/steps/check-idempotency"
import { IdempotencyKey, StoreCreatePurchaseType, StoreListParamsType } from "./validators"

type Purchase = Awaited<ReturnType<typeof purchaseByIdempotencyKey>> & {}

/**
 * Buys a plan through the purchase-tariff workflow. 201 with the purchase and
 * the subscription, and the `change` it made; a scheduled change (a cheaper
 * plan at the period end) charges nothing and has `purchase: null`; 402 when the payment is declined; the same
 * Idempotency-Key answers the first outcome again and never charges twice.
 * A promo code is limited and masked as in the preview.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<StoreCreatePurchaseType>,
  res: MedusaResponse
) {
  const customerId = req.auth_context.actor_id
  const idempotencyKey = readIdempotencyKey(req)
  // a replay of a purchase still under way (on this server or another) waits for its outcome
  const found = await purchaseByIdempotencyKey(req.scope, customerId, idempotencyKey)
  const earlier =
    found?.status === "pending" ? await settledPurchase(req, customerId, idempotencyKey, found) : found
  if (earlier) {
    countPurchase(earlier, "replayed")
    return answerWith(req, res, earlier)
  }

  const attempt = req.validatedBody.promocode ? await promocodeAttempt(req, customerId) : undefined
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
    // A replay (also one that lost a race to the unique key on
    // (customer_id, idempotency_key)) answers the first outcome.
    const replayed = error?.code === IDEMPOTENT_REPLAY || isIdempotencyKeyTaken(error)
    if (replayed || error?.code === PAYMENT_DECLINED) {
      const recorded = replayed
        ? await settledPurchase(req, customerId, idempotencyKey)
        : await purchaseByIdempotencyKey(req.scope, customerId, idempotencyKey)
      if (recorded) {
        countPurchase(recorded, replayed ? "replayed" : "declined")
        return answerWith(req, res, recorded)
      }
    }
    countPurchase(null, "failed")
    throw attempt ? await attempt.rejected(error) : error
  }
  countPurchase(result.purchase, "completed")
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

/** cinema_purchases_total: by the purchase's kind (unknown when none was recorded). */
function countPurchase(purchase: object | null, outcome: string) {
  const kind =
    purchase && "kind" in purchase && typeof purchase.kind === "string"
      ? purchase.kind
      : purchase
        ? "new"
        : "unknown"
  purchasesTotal.inc({ kind, outcome })
}

/**
 * The purchase recorded under the key (`seen`: as just read), once it is no
 * longer pending, or after 30 s.
 */
async function settledPurchase(req: AuthenticatedMedusaRequest, customerId: string, key: string, seen?: Purchase) {
  const deadline = Date.now() + 30_000
  let purchase = seen ?? (await purchaseByIdempotencyKey(req.scope, customerId, key))
  while (purchase?.status === "pending" && Date.now() <= deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250))
    purchase = await purchaseByIdempotencyKey(req.scope, customerId, key)
  }
  return purchase
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
  // a decline (DECLINE_REASONS) answers 402; any other failure 409
  if (purchase.status === "failed" && isDeclineReason(purchase.failure_reason)) {
    return res.status(402).json({
      type: MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR,
      code: PAYMENT_DECLINED,
      message: DECLINE_MESSAGES[purchase.failure_reason][lang],
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
