import Ajv2020 from "ajv/dist/2020"
import addFormats from "ajv-formats"
import { buildOpenApiDocument, openApiPath } from "../../src/api/openapi/document"
import { matchTemplate, routeFiles } from "./route-files"

/**
 * Checks one response of the API against the OpenAPI document: the route and
 * its status must be documented and the body must match the schema. Medusa's
 * own routes (/auth, /store/customers, ...) are not ours and are not checked.
 */

export type Recorded = { method: string; url: string; status: number; contentType: string; data: unknown }

const document = buildOpenApiDocument()
const ajv = new Ajv2020({ strict: false, allErrors: true })
addFormats(ajv as unknown as Parameters<typeof addFormats>[0])
const validators = new Map<string, ReturnType<typeof ajv.compile>>()

const ours = routeFiles()
const ourTemplates = [...new Set(ours.map((r) => r.path))]

/** What is wrong with one response, or null when it matches the document. */
export function contractViolation(response: Recorded): string | null {
  const { pathname } = new URL(response.url, "http://localhost")
  const template = matchTemplate(ourTemplates, pathname)
  if (!template || !ours.some((r) => r.path === template && r.method === response.method)) {
    return null // one of Medusa's routes
  }
  const where = `${response.method} ${template} → ${response.status}`
  const operation = document.paths[openApiPath(template)]?.[response.method.toLowerCase()] as
    | { responses: Record<string, { content: Record<string, { schema: object }> }> }
    | undefined
  if (!operation) {
    return `${where}: the route is not in the OpenAPI document (add it to src/api/openapi/registry.ts)`
  }
  const documented = operation.responses[String(response.status)]
  if (!documented) {
    return `${where}: the status is not in the document (documented: ${Object.keys(operation.responses).join(", ")})`
  }
  const match = Object.entries(documented.content).find(([type]) => response.contentType.startsWith(type))
  if (!match) {
    return `${where}: content type ${response.contentType}, documented ${Object.keys(documented.content).join(", ")}`
  }
  const [contentType, { schema }] = match
  if (contentType !== "application/json") {
    return null
  }
  if (!validators.has(where)) validators.set(where, ajv.compile(schema))
  const validate = validators.get(where)!
  if (validate(response.data)) {
    return null
  }
  return `${where}: the body does not match the document: ${ajv.errorsText(validate.errors, {
    separator: "; ",
  })}\n  body: ${JSON.stringify(response.data).slice(0, 600)}`
}
