import fs from "node:fs"
import path from "node:path"

/** backend/src/api */
export const API_DIR = path.resolve(__dirname, "../../src/api")

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const
const EXPORTED_METHOD = new RegExp(
  `export\\s+(?:async\\s+function|function|const)\\s+(${METHODS.join("|")})\\b`,
  "g"
)

export type RouteFile = { path: string; method: string; file: string }

/**
 * Every route Medusa loads from src/api: each `route.ts` with each HTTP
 * method it exports, its path in Medusa's style (`[id]` → `:id`).
 */
export function routeFiles(dir: string = API_DIR): RouteFile[] {
  const found: RouteFile[] = []
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name)
      if (entry.isDirectory()) {
        if (!entry.name.startsWith("_") && entry.name !== "__tests__") walk(full)
      } else if (entry.name === "route.ts") {
        const relative = path.relative(dir, path.dirname(full)).split(path.sep)
        const routePath = "/" + relative.map((s) => s.replace(/^\[(\w+)\]$/, ":$1")).join("/")
        const source = fs.readFileSync(full, "utf8")
        for (const [, method] of source.matchAll(EXPORTED_METHOD)) {
          found.push({ path: routePath, method, file: path.relative(dir, full) })
        }
      }
    }
  }
  walk(dir)
  return found
}

/** The Medusa-style path template among `templates` that a concrete path matches; static segments win. */
export function matchTemplate(templates: string[], concrete: string): string | undefined {
  const parts = concrete.split("/")
  const candidates = templates.filter((template) => {
    const segments = template.split("/")
    return (
      segments.length === parts.length &&
      segments.every((s, i) => s.startsWith(":") ? parts[i] !== "" : s === parts[i])
    )
  })
  const params = (t: string) => t.split("/").filter((s) => s.startsWith(":")).length
  return candidates.sort((a, b) => params(a) - params(b))[0]
}
