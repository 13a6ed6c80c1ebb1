import { z } from "@medusajs/framework/zod"
import { errorBody, UnauthorizedBody } from "../schemas/common"
import { API_ROUTES } from "./registry"
import type { ApiRoute, RawResponse, RouteAuth } from "./types"

/**
 * The OpenAPI 3.1 document of the custom routes, built from the registry: the
 * request schemas are the routes' validators (their input side), the
 * responses the schemas in src/api/schemas (their output side, i.e. the JSON
 * a client reads). OpenAPI 3.1 schemas are JSON Schema 2020-12, which is what
 * zod writes.
 */

type JsonSchema = Record<string, unknown>
type OpenApiDocument = {
  openapi: "3.1.0"
  info: { title: string; version: string; description: string }
  tags: { name: string }[]
  paths: Record<string, Record<string, unknown>>
  components: { securitySchemes: Record<string, unknown> }
}

const SECURITY: Record<RouteAuth, Record<string, string[]>[]> = {
  none: [],
  publishable: [{ publishableKey: [] }],
  customer: [
    { publishableKey: [], customerBearer: [] },
    { publishableKey: [], customerSession: [] },
  ],
  admin: [{ adminBearer: [] }, { adminSession: [] }, { secretApiKey: [] }],
}

const DESCRIPTION = `Tariffs, purchases, subscriptions and promo codes of the online cinema: the
routes this project adds to Medusa (Medusa's own routes are documented at
https://docs.medusajs.com/api/store and /api/admin).

Store routes need the \`x-publishable-api-key\` header; the customer's routes a
bearer token from \`POST /auth/customer/emailpass\` as well. Admin routes take
an admin session, an admin bearer token (\`POST /auth/user/emailpass\`) or a
secret API key as Basic auth (the key as the user name, empty password).

Errors have Medusa's shape \`{ type, code, message }\`; \`code\` is listed per
route and status; the message follows \`Accept-Language\` (\`en\`, \`ru\`).
Amounts are in major units (399 = 399 RUB).`

export function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    io,
    target: "draft-2020-12",
    unrepresentable: "any",
    // z.int() writes the safe-integer bounds; they say nothing to a reader
    override: ({ jsonSchema: json }) => {
      if (json.minimum === Number.MIN_SAFE_INTEGER) delete json.minimum
      if (json.maximum === Number.MAX_SAFE_INTEGER) delete json.maximum
    },
  }) as JsonSchema
  return rest
}

function isRaw(response: z.ZodType | RawResponse): response is RawResponse {
  return !(response instanceof z.ZodType)
}

/** `/admin/promocodes/:id` → `/admin/promocodes/{id}` */
export function openApiPath(path: string): string {
  return path.replace(/:(\w+)/g, "{$1}")
}

function queryParameters(query: z.ZodType | undefined) {
  const shape = (query as z.ZodObject | undefined)?.shape
  if (!shape) return []
  return Object.entries(shape).map(([name, field]) => {
    const schema = jsonSchema(field as z.ZodType, "input")
    const isList = schema.type === "array"
    return {
      name,
      in: "query",
      required: !(field as z.ZodType).safeParse(undefined).success,
      schema,
      ...(isList ? { style: "form", explode: false, description: "comma-separated" } : {}),
    }
  })
}

function errorResponses(route: ApiRoute) {
  const codes: Record<number, string[]> = {}
  const add = (status: number, list: readonly string[] = []) => {
    codes[status] = [...new Set([...(codes[status] ?? []), ...list])]
  }
  if (route.query || route.body) add(400)
  if (route.auth === "publishable" || route.auth === "customer") add(400)
  for (const [status, list] of Object.entries(route.errors ?? {})) add(Number(status), list)

  const responses: Record<string, unknown> = {}
  for (const [status, list] of Object.entries(codes)) {
    responses[status] = {
      description: list.length ? `error; code: ${list.join(", ")}` : "error",
      content: { "application/json": { schema: jsonSchema(errorBody(list), "output") } },
    }
  }
  for (const [status, schema] of Object.entries(route.errorBodies ?? {})) {
    responses[status] = {
      description: schema.description ?? "error",
      content: { "application/json": { schema: jsonSchema(schema, "output") } },
    }
  }
  if (route.auth === "customer" || route.auth === "admin") {
    responses[401] = {
      description: "not signed in",
      content: { "application/json": { schema: jsonSchema(UnauthorizedBody, "output") } },
    }
  }
  return responses
}

function rawContent({ contentType }: RawResponse) {
  const types = Array.isArray(contentType) ? contentType : [contentType]
  return Object.fromEntries(
    types.map((type) => [type, { schema: { type: type === "application/json" ? "object" : "string" } }])
  )
}

function operation(route: ApiRoute) {
  const pathParameters = [...route.path.matchAll(/:(\w+)/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string" },
  }))
  const headers = (route.headers ?? []).map((h) => ({
    name: h.name,
    in: "header",
    required: false,
    description: h.description,
    schema: jsonSchema(h.schema, "input"),
  }))
  const responses: Record<string, unknown> = {}
  for (const [status, response] of Object.entries(route.responses)) {
    responses[status] = isRaw(response)
      ? { description: response.description, content: rawContent(response) }
      : {
          description: "success",
          content: { "application/json": { schema: jsonSchema(response, "output") } },
        }
  }
  return {
    tags: [route.tag],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    operationId: `${route.method.toLowerCase()}${route.path.replace(/[^A-Za-z0-9]+(\w)?/g, (_, c = "") => c.toUpperCase())}`,
    security: SECURITY[route.auth],
    parameters: [...pathParameters, ...queryParameters(route.query), ...headers],
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: jsonSchema(route.body, "input") } },
          },
        }
      : {}),
    responses: { ...responses, ...errorResponses(route) },
  }
}

export function buildOpenApiDocument(routes: ApiRoute[] = API_ROUTES): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {}
  for (const route of routes) {
    const path = openApiPath(route.path)
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(route) }
  }
  return {
    openapi: "3.1.0",
    info: { title: "Cinema tariffs and promo codes API", version: "1.0.0", description: DESCRIPTION },
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        publishableKey: { type: "apiKey", in: "header", name: "x-publishable-api-key" },
        customerBearer: { type: "http", scheme: "bearer", description: "a customer's token" },
        customerSession: { type: "apiKey", in: "cookie", name: "connect.sid" },
        adminBearer: { type: "http", scheme: "bearer", description: "an admin user's token" },
        adminSession: { type: "apiKey", in: "cookie", name: "connect.sid" },
        secretApiKey: { type: "http", scheme: "basic", description: "a secret API key as the user name" },
      },
    },
  }
}

let cached: OpenApiDocument | undefined

/** The document, built once per process. */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument()
  return cached
}
