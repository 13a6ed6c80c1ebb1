import type { MiddlewareRoute } from "@medusajs/framework/http"

/** Validation of the /admin/promocodes routes (filled in with the routes). */
export const adminPromocodesMiddlewares: MiddlewareRoute[] = []
