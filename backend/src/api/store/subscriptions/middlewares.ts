import { MiddlewareRoute } from "@medusajs/framework/http"
import { rememberCustomerLanguage } from "../../../notifications/language"
import { customerOnly } from "../../../lib/customer-auth"

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
