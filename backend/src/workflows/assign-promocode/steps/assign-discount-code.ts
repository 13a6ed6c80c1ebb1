import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  checkRules,
  PROMOCODE_MODULE,
  PromocodeError,
  type PromocodeDTO,
  type PromocodeRuleFields,
  type PromocodeModuleService,
} from "../../../modules/promocode"
import { hasCompletedPurchase } from "../../../lib/purchases"

/**
 * A discount code assigned to an account waits for the customer's next
 * purchase: the rules are checked for this customer now (all but the plan),
 * and a code restricted to some customers gets this one added. Compensation
 * restores the customer list.
 */
export const assignDiscountCodeStep = createStep(
  "assign-discount-code",
  async (input: { promocode: PromocodeDTO; customer_id: string }, { container }) => {
    const promocodes = container.resolve<PromocodeModuleService>(PROMOCODE_MODULE)
    const promocode = await promocodes.retrievePromocode(input.promocode.id)
    const customerIds = (promocode.customer_ids as unknown as string[]) ?? []
    const [, customerUses] = await promocodes.listAndCountPromocodeUsages(
      {
        promocode_id: promocode.id,
        customer_id: input.customer_id,
        status: ["reserved", "redeemed"],
      },
      { select: ["id"], take: 1 }
    )
    // The customer list is what this assignment changes, so it is not checked.
    const rules: PromocodeRuleFields = {
      ...promocode,
      value: promocode.value == null ? null : Number(promocode.value),
      variant_ids: [],
      product_ids: [],
      customer_ids: [],
    }
    const error = checkRules(
      rules,
      {
        customer_id: input.customer_id,
        customer_uses: customerUses,
        has_prior_purchase: await hasCompletedPurchase(container, input.customer_id),
      },
      new Date(),
      { ignoreTarget: true }
    )
    if (error) {
      throw new PromocodeError(error)
    }
    if (!customerIds.length || customerIds.includes(input.customer_id)) {
      return new StepResponse(promocode, null)
    }
    const updated = await promocodes.updatePromocodes({
      id: promocode.id,
      customer_ids: [...customerIds, input.customer_id],
    })
    return new StepResponse(updated, { id: promocode.id, customer_ids: customerIds })
  },
  async (previous, { container }) => {
    if (!previous) return
    const promocodes = container.resolve<PromocodeModuleService>(PROMOCODE_MODULE)
    await promocodes.updatePromocodes(previous)
  }
)
