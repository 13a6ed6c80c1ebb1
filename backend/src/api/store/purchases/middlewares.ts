import {
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { rememberCustomerLanguage } from "../../../notifications/language"
import { StoreCreatePurchase, StoreListParams, StorePreviewPurchase } from "./validators"
import { customerOnly } from "../../../lib/customer-auth"

export const storePurchasesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/purchases/preview",
    methods: ["POST"],
    middlewares: [customerOnly, validateAndTransformBody(StorePreviewPurchase)],
  },
  {
    matcher: "/store/purchases",
    methods: ["POST"],
    // the language the shopper buys in is the one their notifications use
    middlewares: [customerOnly, validateAndTransformBody(StoreCreatePurchase), rememberCustomerLanguage],
  },
  {
    matcher: "/store/purchases",
    methods: ["GET"],
    middlewares: [customerOnly, validateAndTransformQuery(StoreListParams, {})],
  },
  {
    matcher: "/store/purchases/:id",
    methods: ["GET"],
    middlewares: [customerOnly],
  },
  {
    matcher: "/store/subscriptions",
    methods: ["GET"],
    middlewares: [customerOnly, validateAndTransformQuery(StoreListParams, {})],
  },
  {
    matcher: "/store/customers/me/promocodes",
    methods: ["GET"],
    middlewares: [customerOnly],
  },
]
