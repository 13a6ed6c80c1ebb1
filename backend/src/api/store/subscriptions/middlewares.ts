import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"
import { rememberCustomerLanguage } from "../../../notifications/language"

const customerOnly = authenticate("customer", ["session", "bearer"])

export const storeSubscriptionsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/subscriptions/:id/cancel",
    methods: ["POST"],
    middlewares: [customerOnly, rememberCustomerLanguage],
  },
  {
    matcher: "/store/subscriptions/:id/resume",
    methods: ["POST"],
    middlewares: [customerOnly, rememberCustomerLanguage],
  },
]
