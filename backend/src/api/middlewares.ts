import { defineMiddlewares } from "@medusajs/framework/http"
import { localizedErrorHandler } from "./error-handler"
import { storeTariffsMiddlewares } from "./store/tariffs/middlewares"

export default defineMiddlewares({
  errorHandler: localizedErrorHandler,
  routes: [...storeTariffsMiddlewares],
})
