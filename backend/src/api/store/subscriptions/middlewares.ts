import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"

const customerOnly = authenticate("customer", ["session", "bearer"])

export const storeSubscriptionsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/subscriptions/:id/cancel",
    methods: ["POST"],
    middlewares: [customerOnly],
  },
  {
    matcher: "/store/subscriptions/:id/resume",
    methods: ["POST"],
    middlewares: [customerOnly],
  },
]
