import { defineMiddlewares } from "@medusajs/framework/http"
import { localizedErrorHandler } from "./error-handler"
import { storePurchasesMiddlewares } from "./store/purchases/middlewares"
import { storeTariffsMiddlewares } from "./store/tariffs/middlewares"

export default defineMiddlewares({
  errorHandler: localizedErrorHandler,
  routes: [...storeTariffsMiddlewares, ...storePurchasesMiddlewares],
})
