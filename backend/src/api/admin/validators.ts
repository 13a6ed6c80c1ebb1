import { z } from "@medusajs/framework/zod"
import { id as storableId, isoDate, text } from "../../lib/validation"
// leaf files, not the module's index (the admin type-checks this file)
import { PURCHASE_KINDS } from "../../modules/subscription/models/purchase"
import { SUBSCRIPTION_STATUSES } from "../../modules/subscription/models/subscription"

const id = storableId(100)
const pagination = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
}
const list = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess((v) => (typeof v === "string" ? v.split(",") : v), z.array(item).min(1).max(100))

export const AdminAssignPromocode = z
  .object({
    code: text().trim().min(1).max(64),
    customer_id: id.optional(),
    email: text().trim().max(254).pipe(z.email()).optional(),
  })
  .strict()
  .refine((body) => !!body.customer_id !== !!body.email, {
    message: "Give exactly one of customer_id or email",
    path: ["customer_id"],
  })
export type AdminAssignPromocodeType = z.infer<typeof AdminAssignPromocode>

export const AdminListPurchases = z
  .object({
    customer_id: id.optional(),
    status: list(z.enum(["pending", "completed", "failed"])).optional(),
    kind: list(z.enum(PURCHASE_KINDS)).optional(),
    promocode: text().trim().min(1).max(64).optional(),
    from: isoDate().optional(),
    to: isoDate().optional(),
    ...pagination,
  })
  .strict()
export type AdminListPurchasesType = z.infer<typeof AdminListPurchases>

export const AdminListSubscriptions = z
  .object({
    customer_id: id.optional(),
    status: list(z.enum(SUBSCRIPTION_STATUSES)).optional(),
    /** part of the customer's email, any case */
    q: text().trim().min(1).max(254).optional(),
    ...pagination,
  })
  .strict()
export type AdminListSubscriptionsType = z.infer<typeof AdminListSubscriptions>

export const AdminListPlans = z.object({ variant_id: list(id) }).strict()
export type AdminListPlansType = z.infer<typeof AdminListPlans>

export const AdminUpsertPlan = z
  .object({
    interval: z.enum(["day", "month", "year"]),
    interval_count: z.number().int().min(1).max(1000),
    trial_days: z.number().int().min(0).max(3650).default(0),
  })
  .strict()
export type AdminUpsertPlanType = z.infer<typeof AdminUpsertPlan>
