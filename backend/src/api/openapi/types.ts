import type { z } from "@medusajs/framework/zod"

/**
 * Who may call a route:
 * - `none`: anyone (the docs);
 * - `publishable`: a store route, `x-publishable-api-key` header;
 * - `customer`: a store route with a signed-in customer as well (bearer or session);
 * - `admin`: an admin session, an admin bearer token or a secret API key (Basic auth).
 */
export type RouteAuth = "none" | "publishable" | "customer" | "admin"

/** A response the registry has no zod schema for (a CSV download, the HTML page, an asset, the document). */
export type RawResponse = { contentType: string | string[]; description: string }

export type ApiRoute = {
  method: "GET" | "POST" | "DELETE"
  /** Medusa's style, as the folders under src/api spell it: `/admin/promocodes/:id` */
  path: string
  /** the group in the reference (`store`, `admin: promo codes`, ...) */
  tag: string
  summary: string
  description?: string
  auth: RouteAuth
  /** the validators.ts schemas the route's middleware applies */
  query?: z.ZodType
  body?: z.ZodType
  headers?: { name: string; description: string; schema: z.ZodType }[]
  /** success responses by status: a JSON schema, or a raw body */
  responses: Record<number, z.ZodType | RawResponse>
  /**
   * Our error codes by status. Request validation (400), authentication (401)
   * and a missing publishable key (400) are added from `auth` and the request
   * schemas; list here what the route itself answers. A status with a schema
   * of its own (the 402 of a purchase) goes in `errorBodies`.
   */
  errors?: Record<number, readonly string[]>
  errorBodies?: Record<number, z.ZodType>
}
