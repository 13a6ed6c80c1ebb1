import type { MiddlewareRoute } from "@medusajs/framework/http"

/** Validation of our other admin routes: purchases, subscriptions, plans, assign. */
export const adminOperationsMiddlewares: MiddlewareRoute[] = []
