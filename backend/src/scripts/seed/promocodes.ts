import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  PROMOCODE_MODULE,
  type CreatePromocodeInput,
  type PromocodeModuleService,
} from "../../modules/promocode"
import { DEMO_CUSTOMER } from "./data"

type Container = ExecArgs["container"]

/**
 * Demo promo codes, after the original system's examples. Each is created
 * once; USEDUP (a one-time code) is used by the demo customer at creation so
 * that it shows the "used up" rejection.
 */
export async function seedPromocodes(container: Container) {
  const promocodes = container.resolve<PromocodeModuleService>(PROMOCODE_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [standardMonthly] } = await query.graph({
    entity: "product_variant",
    fields: ["id", "product_id"],
    filters: { sku: "STANDARD-1M" },
  })
  const demo: CreatePromocodeInput[] = [
    {
      code: "WELCOME100",
      type: "fixed",
      value: 100,
      currency_code: "rub",
      per_customer_limit: 1,
      description: "100 RUB off any plan",
    },
    {
      code: "SALE10",
      type: "percentage",
      value: 10,
      per_customer_limit: 1,
      description: "10% off any plan",
    },
    {
      code: "FREEMONTH",
      type: "free_period",
      free_days: 30,
      variant_ids: [standardMonthly.id],
      per_customer_limit: 1,
      description: "A free month of Standard",
    },
    {
      code: "EXPIRED2024",
      type: "percentage",
      value: 20,
      starts_at: new Date("2024-01-01T00:00:00Z"),
      ends_at: new Date("2025-01-01T00:00:00Z"),
      description: "A 2024 campaign, over",
    },
    {
      code: "USEDUP",
      type: "fixed",
      value: 50,
      currency_code: "rub",
      usage_limit: 1,
      description: "A one-time code, already used",
    },
  ]
  const existing = await promocodes.listPromocodes(
    { code: demo.map((d) => d.code as string) },
    { select: ["code"] }
  )
  const have = new Set(existing.map((p) => p.code))
  const missing = demo.filter((d) => !have.has(d.code as string))
  if (!missing.length) {
    return
  }
  await promocodes.createPromocodes(missing)

  if (missing.some((d) => d.code === "USEDUP")) {
    const customerModule = container.resolve("customer")
    const [customer] = await customerModule.listCustomers({ email: DEMO_CUSTOMER.email })
    const usage = await promocodes.reserve({
      code: "USEDUP",
      customer_id: customer.id,
      variant_id: standardMonthly.id,
      product_id: standardMonthly.product_id,
      amount: 399,
      currency_code: "rub",
    })
    await promocodes.redeem(usage.id)
  }
}
