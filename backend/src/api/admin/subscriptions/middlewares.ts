import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminCancelSubscription, AdminRefundSubscription, AdminRetrySubscription } from "./validators"

export const adminSubscriptionsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/subscriptions/:id/cancel",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminCancelSubscription)],
  },
  {
    matcher: "/admin/subscriptions/:id/refund",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminRefundSubscription)],
  },
  {
    matcher: "/admin/subscriptions/:id/retry",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminRetrySubscription)],
  },
]
