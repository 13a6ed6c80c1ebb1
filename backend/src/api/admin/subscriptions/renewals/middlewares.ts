import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminRunRenewals } from "./validators"

export const adminRenewalsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/subscriptions/renewals/run",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminRunRenewals)],
  },
]
