import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { StoreGetTariffsParams } from "./validators"

export const storeTariffsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/tariffs",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(StoreGetTariffsParams, {})],
  },
]
