import {
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import {
  AdminAssignPromocode,
  AdminListPlans,
  AdminListPurchases,
  AdminListSubscriptions,
  AdminUpsertPlan,
} from "./validators"

/** Validation of our other admin routes: purchases, subscriptions, plans, assign. */
export const adminOperationsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/promocodes/assign",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminAssignPromocode)],
  },
  {
    matcher: "/admin/purchases",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminListPurchases, {})],
  },
  {
    matcher: "/admin/subscriptions",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminListSubscriptions, {})],
  },
  {
    matcher: "/admin/subscription-plans",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminListPlans, {})],
  },
  {
    matcher: "/admin/subscription-plans/:variant_id",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminUpsertPlan)],
  },
]
