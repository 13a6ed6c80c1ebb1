import { defineMiddlewares } from "@medusajs/framework/http"
import { adminOperationsMiddlewares } from "./admin/middlewares"
import { adminPromocodesMiddlewares } from "./admin/promocodes/middlewares"
import { adminRenewalsMiddlewares } from "./admin/subscriptions/renewals/middlewares"
import { adminSubscriptionsMiddlewares } from "./admin/subscriptions/middlewares"
import { localizedErrorHandler } from "./error-handler"
import { storePurchasesMiddlewares } from "./store/purchases/middlewares"
import { storePaymentMethodMiddlewares } from "./store/subscriptions/[id]/payment-method/middlewares"
import { storeSubscriptionsMiddlewares } from "./store/subscriptions/middlewares"
import { storeTariffsMiddlewares } from "./store/tariffs/middlewares"

// Medusa authenticates /admin/* (admin session, bearer, secret API key) and
// /store/* needs a publishable key; each resource adds its validation here.
export default defineMiddlewares({
  errorHandler: localizedErrorHandler,
  routes: [
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
