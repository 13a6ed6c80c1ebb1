import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { errorMessage } from "../../../../lib/error-messages"
import { languageOf } from "../../../../lib/i18n"
import { hasCompletedPurchase } from "../../../../lib/purchases"
import { loadPlanForSale, resolveRegion, type PlanForSale } from "../../../../lib/tariffs"
import { PromocodeErrorCode, tryNormalizeCode, type PromocodeDTO } from "../../../../modules/promocode"
import { promocodeResponse, promocodeService } from "../helpers"
import type { AdminValidatePromocodeType } from "../validators"

/**
 * For support staff: would this code apply (for this customer, on this plan),
 * and if not, why. The module's `checkCode`: the same evaluation the preview
 * and the purchase run, in the same order; it reserves nothing and, unlike a
 * shopper's attempt, is not journaled (it would count as an attempt in the
 * reports). Without a customer the customer rules (assigned customers,
 * per-customer limit, first purchase) are not checked; without a plan neither
 * the plan restriction nor the discount. `checked` says which were.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<AdminValidatePromocodeType>,
  res: MedusaResponse
) {
  const { code, customer_id, variant_id } = req.validatedBody
  const checked = { customer: !!customer_id, plan: !!variant_id }
  const promocodes = promocodeService(req.scope)
  const reject = (error: string, promocode: PromocodeDTO | null) =>
    res.json({
      valid: false,
      error: { code: error, message: errorMessage(error, languageOf(req)) },
      promocode: promocode ? promocodeResponse(promocode) : null,
      checked,
    })

  // an unknown code answers as such before the customer and the plan are looked up
  if ((customer_id || variant_id) && !(await codeExists(req, code))) {
    return reject(PromocodeErrorCode.NOT_FOUND, null)
  }
  if (customer_id) {
    await assertCustomerExists(req, customer_id)
  }
  const plan = variant_id ? await planForAdmin(req, variant_id) : null
  const { promocode, error, discount } = await promocodes.checkCode(
    {
      code,
      customer_id: customer_id ?? null,
      variant_id: plan?.variant_id ?? null,
      product_id: plan?.product_id ?? null,
      amount: plan?.price.amount ?? null,
      currency_code: plan?.price.currency_code ?? null,
      has_prior_purchase: customer_id ? await hasCompletedPurchase(req.scope, customer_id) : false,
    },
    { journal: false }
  )
  if (error) {
    return reject(error, promocode)
  }
  res.json({
    valid: true,
    promocode: promocode && promocodeResponse(promocode),
    ...(plan && discount
      ? {
          discount: {
            variant_id: plan.variant_id,
            original_amount: discount.original_amount.numeric,
            discount_amount: discount.discount_amount.numeric,
            total: discount.total.numeric,
            currency_code: discount.currency_code,
          },
        }
      : {}),
    checked,
  })
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

async function codeExists(req: AuthenticatedMedusaRequest, code: string): Promise<boolean> {
  const normalized = tryNormalizeCode(code)
  if (!normalized) {
    return false
  }
  const [found] = await promocodeService(req.scope).listPromocodes(
    { code: normalized },
    { select: ["id"], take: 1 }
  )
  return !!found
}
