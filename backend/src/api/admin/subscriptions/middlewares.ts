import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import {
  AdminCancelSubscription,
  AdminRefundSubscription,
  AdminRetrySubscription,
  AdminSubscriptionReportParams,
} from "./validators"

export const adminSubscriptionsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/subscriptions/report",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminSubscriptionReportParams, {})],
  },
  {
    matcher: "/admin/subscriptions/report/export",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminSubscriptionReportParams, {})],
  },
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
