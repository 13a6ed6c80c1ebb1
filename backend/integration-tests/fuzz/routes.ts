import fs from "node:fs"
import path from "node:path"

/**
 * Our custom routes, read from the file system the way Medusa reads them:
 * every `src/api/**\/route.ts`, its folder the path (`[id]` a parameter), its
 * exported GET/POST/PUT/PATCH/DELETE the methods. A new route is fuzzed
 * without touching the suite.
 */
export type FuzzRoute = { method: string; path: string; segments: Segment[] }
export type Segment = { literal: string } | { param: string }

export const API_DIR = path.resolve(__dirname, "../../src/api")
const METHODS = /export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE)\b/g

function walk(dir: string, found: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory() && entry.name !== "__tests__") walk(full, found)
    else if (entry.name === "route.ts" || entry.name === "route.js") found.push(full)
  }
  return found
}

export function customRoutes(): FuzzRoute[] {
  const routes: FuzzRoute[] = []
  for (const file of walk(API_DIR).sort()) {
    const dirs = path.relative(API_DIR, path.dirname(file)).split(path.sep).filter(Boolean)
    const segments: Segment[] = dirs.map((dir) => {
      const param = /^\[(\w+)\]$/.exec(dir)
      return param ? { param: param[1] } : { literal: dir }
    })
    const source = fs.readFileSync(file, "utf8")
    const methods = new Set([...source.matchAll(METHODS)].map((match) => match[1]))
    for (const method of methods) {
      routes.push({ method, path: "/" + dirs.join("/"), segments })
    }
  }
  return routes
}

/** Every `validators.ts` under src/api. */
export function validatorFiles(): string[] {
  const files: string[] = []
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) visit(full)
      else if (entry.name === "validators.ts") files.push(full)
    }
  }
  visit(API_DIR)
  return files
}

/**
 * The field names the validators know (walking the zod schemas they export),
 * so that generated bodies and queries hit real fields as well as unknown ones.
 */
export function validatorFieldNames(modules: Record<string, unknown>[]): string[] {
  const names = new Set<string>()
  const seen = new Set<unknown>()
  const visit = (value: unknown, depth: number) => {
    if (!value || typeof value !== "object" || seen.has(value) || depth > 12) return
    seen.add(value)
    const zod = (value as any)._zod
    if (!zod) return
    const def = zod.def ?? {}
    if (def.shape) {
      for (const [key, child] of Object.entries(def.shape)) {
        names.add(key)
        visit(child, depth + 1)
      }
    }
    for (const key of ["innerType", "in", "out", "element", "schema", "left", "right"]) {
      visit(def[key], depth + 1)
    }
    for (const option of def.options ?? []) visit(option, depth + 1)
  }
  for (const mod of modules) {
    for (const exported of Object.values(mod)) visit(exported, 0)
  }
  return [...names].sort()
}
