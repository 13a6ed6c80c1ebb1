import { defineMiddlewares } from "@medusajs/framework/http"
import { adminOperationsMiddlewares } from "./admin/middlewares"
import { adminPromocodesMiddlewares } from "./admin/promocodes/middlewares"
import { httpMetricsMiddleware } from "../lib/metrics"
import { localizedErrorHandler } from "./error-handler"
import { storePurchasesMiddlewares } from "./store/purchases/middlewares"
import { storeTariffsMiddlewares } from "./store/tariffs/middlewares"

// Medusa authenticates /admin/* (admin session, bearer, secret API key) and
// /store/* needs a publishable key; each resource adds its validation here.
export default defineMiddlewares({
  errorHandler: localizedErrorHandler,
  routes: [
    // first: times every request by its route template (GET /metrics)
    { matcher: "/*", middlewares: [httpMetricsMiddleware] },
    ...storeTariffsMiddlewares,
    ...storePurchasesMiddlewares,
    ...adminPromocodesMiddlewares,
    ...adminOperationsMiddlewares,
  ],
})
