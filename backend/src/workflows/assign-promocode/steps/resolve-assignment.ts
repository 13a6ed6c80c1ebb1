import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import {
  PROMOCODE_MODULE,
  PromocodeError,
  PromocodeErrorCode,
  tryNormalizeCode,
  type PromocodeModuleService,
} from "../../../modules/promocode"

export type ResolveAssignmentInput = {
  code: string
  customer_id?: string | null
  email?: string | null
}

/** The customer (by id or email) and the promo code an admin assigns. */
export const resolveAssignmentStep = createStep(
  "resolve-promocode-assignment",
  async (input: ResolveAssignmentInput, { container }) => {
    const customers = container.resolve(Modules.CUSTOMER)
    const filters = input.customer_id
      ? { id: input.customer_id }
      : { email: input.email?.trim().toLowerCase() }
    const [customer] = await customers.listCustomers(filters, {
      take: 1,
      order: { has_account: "DESC" },
    })
    if (!customer) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Customer ${input.customer_id ?? input.email} was not found.`,
        "CUSTOMER_NOT_FOUND"
      )
    }
    const code = tryNormalizeCode(input.code)
    const promocodes = container.resolve<PromocodeModuleService>(PROMOCODE_MODULE)
    const [promocode] = code ? await promocodes.listPromocodes({ code }, { take: 1 }) : []
    if (!promocode) {
      throw new PromocodeError(PromocodeErrorCode.NOT_FOUND)
    }
    return new StepResponse({
      customer: { id: customer.id, email: customer.email },
      promocode,
      is_free_period: promocode.type === "free_period",
      variant_id: (promocode.variant_ids as unknown as string[])[0] ?? null,
    })
  }
)
