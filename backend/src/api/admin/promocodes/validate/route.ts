import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { BigNumberRawValue } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { errorMessage } from "../../../../lib/error-messages"
import { languageOf } from "../../../../lib/i18n"
import { hasCompletedPurchase } from "../../../../lib/purchases"
import { loadPlanForSale, resolveRegion, type PlanForSale } from "../../../../lib/tariffs"
import {
  checkRules,
  computeDiscount,
  PromocodeError,
  PromocodeErrorCode,
  tryNormalizeCode,
} from "../../../../modules/promocode"
import { promocodeResponse, promocodeService } from "../helpers"
import type { AdminValidatePromocodeType } from "../validators"

/**
 * For support staff: would this code apply (for this customer, on this plan),
 * and if not, why. A dry run of the same rules the purchase checks, in the
 * same order; it reserves nothing and, unlike a shopper's attempt, is not
 * journaled (it would count as an attempt in the reports). Without a customer
 * the customer rules (assigned customers, per-customer limit, first purchase)
 * are not checked; without a plan neither the plan restriction nor the
 * discount. `checked` says which were.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<AdminValidatePromocodeType>,
  res: MedusaResponse
) {
  const { code, customer_id, variant_id } = req.validatedBody
  const lang = languageOf(req)
  const promocodes = promocodeService(req.scope)
  const checked = { customer: !!customer_id, plan: !!variant_id }

  const normalized = tryNormalizeCode(code)
  const [promocode] = normalized
    ? await promocodes.listPromocodes({ code: normalized }, { take: 1 })
    : []
  const reject = (error: PromocodeErrorCode) =>
    res.json({
      valid: false,
      error: { code: error, message: errorMessage(error, lang) },
      promocode: promocode ? promocodeResponse(promocode) : null,
      checked,
    })
  if (!promocode) {
    return reject(PromocodeErrorCode.NOT_FOUND)
  }

  if (customer_id) {
    await assertCustomerExists(req, customer_id)
  }
  const plan = variant_id ? await planForAdmin(req, variant_id) : null
  const customerUses =
    customer_id && promocode.per_customer_limit != null
      ? await countUses(req, promocode.id, customer_id)
      : 0
  const hasPriorPurchase = customer_id ? await hasCompletedPurchase(req.scope, customer_id) : false

  const rules = {
    ...promocode,
    value: (promocode.raw_value as BigNumberRawValue | null) ?? promocode.value,
    // no customer given: the customer restriction is not checked
    customer_ids: customer_id ? promocode.customer_ids : [],
  }
  const broken = checkRules(
    rules,
    {
      customer_id: customer_id ?? "",
      variant_id: plan?.variant_id ?? null,
      product_id: plan?.product_id ?? null,
      customer_uses: customerUses,
      has_prior_purchase: hasPriorPurchase,
    },
    new Date(),
    { ignoreTarget: !plan }
  )
  if (broken) {
    return reject(broken)
  }
  if (!plan) {
    return res.json({ valid: true, promocode: promocodeResponse(promocode), checked })
  }
  try {
    const discount = computeDiscount(rules, {
      amount: plan.price.amount,
      currency_code: plan.price.currency_code,
    })
    res.json({
      valid: true,
      promocode: promocodeResponse(promocode),
      discount: {
        variant_id: plan.variant_id,
        original_amount: discount.original_amount.numeric,
        discount_amount: discount.discount_amount.numeric,
        total: discount.total.numeric,
        currency_code: discount.currency_code,
      },
      checked,
    })
  } catch (error) {
    if (PromocodeError.isPromocodeError(error)) {
      return reject(error.code as PromocodeErrorCode)
    }
    throw error
  }
}

async function assertCustomerExists(req: AuthenticatedMedusaRequest, customerId: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id"],
    filters: { id: customerId },
  })
  if (!data.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Customer with id: ${customerId} was not found`,
      "CUSTOMER_NOT_FOUND"
    )
  }
}

/** The plan and its price in the default region, in any of the store's sales channels. */
async function planForAdmin(
  req: AuthenticatedMedusaRequest,
  variantId: string
): Promise<PlanForSale> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: channels } = await query.graph({ entity: "sales_channel", fields: ["id"] })
  return await loadPlanForSale(req.scope, {
    variantId,
    region: await resolveRegion(req.scope),
    salesChannelIds: channels.map((c) => c.id),
  })
}

async function countUses(req: AuthenticatedMedusaRequest, promocodeId: string, customerId: string) {
  const [, count] = await promocodeService(req.scope).listAndCountPromocodeUsages(
    { promocode_id: promocodeId, customer_id: customerId, status: ["reserved", "redeemed"] },
    { select: ["id"], take: 1 }
  )
  return count
}
