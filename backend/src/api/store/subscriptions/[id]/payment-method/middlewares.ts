import { authenticate, MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { rememberCustomerLanguage } from "../../../../../notifications/language"
import { StoreReplacePaymentMethod } from "./validators"

export const storePaymentMethodMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/subscriptions/:id/payment-method",
    methods: ["POST"],
    middlewares: [
      authenticate("customer", ["session", "bearer"]),
      validateAndTransformBody(StoreReplacePaymentMethod),
      rememberCustomerLanguage,
    ],
  },
]
