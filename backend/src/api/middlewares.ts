import { defineMiddlewares } from "@medusajs/framework/http"
import { limitSignIn } from "../lib/rate-limit/sign-in"
import { rejectUnstorablePath } from "../lib/validation"
import { adminOperationsMiddlewares } from "./admin/middlewares"
import { adminPromocodesMiddlewares } from "./admin/promocodes/middlewares"
import { adminRenewalsMiddlewares } from "./admin/subscriptions/renewals/middlewares"
import { adminSubscriptionsMiddlewares } from "./admin/subscriptions/middlewares"
import { httpMetricsMiddleware } from "../lib/metrics"
import { localizedErrorHandler } from "./error-handler"
import { storePurchasesMiddlewares } from "./store/purchases/middlewares"
import { storePaymentMethodMiddlewares } from "./store/subscriptions/[id]/payment-method/middlewares"
import { storeSubscriptionsMiddlewares } from "./store/subscriptions/middlewares"
import { storeTariffsMiddlewares } from "./store/tariffs/middlewares"

// Medusa authenticates /admin/* (admin session, bearer, secret API key) and
// /store/* needs a publishable key; each resource adds its validation here.
// Every path is checked for text PostgreSQL can store, and sign-ins are
// limited (src/lib/rate-limit).
export default defineMiddlewares({
  errorHandler: localizedErrorHandler,
  routes: [
    // first: times every request by its route template (GET /metrics)
    { matcher: "/*", middlewares: [httpMetricsMiddleware] },
    { matcher: "/store/*", middlewares: [rejectUnstorablePath] },
    { matcher: "/admin/*", middlewares: [rejectUnstorablePath] },
    { matcher: "/auth/customer/emailpass", methods: ["POST"], middlewares: [limitSignIn("customer")] },
    { matcher: "/auth/user/emailpass", methods: ["POST"], middlewares: [limitSignIn("user")] },
    ...storeTariffsMiddlewares,
    ...storePurchasesMiddlewares,
    ...storeSubscriptionsMiddlewares,
    ...adminPromocodesMiddlewares,
    ...adminOperationsMiddlewares,
    ...adminSubscriptionsMiddlewares,
    ...adminRenewalsMiddlewares,
    ...storePaymentMethodMiddlewares,
  ],
})
