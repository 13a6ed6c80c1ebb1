import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminCancelSubscription } from "./validators"

export const adminSubscriptionsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/subscriptions/:id/cancel",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminCancelSubscription)],
  },
]
