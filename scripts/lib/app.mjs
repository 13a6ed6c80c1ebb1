// Prepares a database for the app (migrations + idempotent demo seed) and
// starts the backend and the storefront; shared by `make dev`, `make seed`,
// the browser tests and the benchmarks.
import fs from "node:fs"
import path from "node:path"
import { log, ROOT, run, startService, waitForHttp } from "./proc.mjs"

export const BACKEND_DIR = path.join(ROOT, "backend")
export const STOREFRONT_DIR = path.join(ROOT, "storefront")

export async function migrateAndSeed(databaseUrl, seedOutput) {
  const env = { DATABASE_URL: databaseUrl }
  log("applying migrations")
  await run("npx", ["medusa", "db:migrate"], { cwd: BACKEND_DIR, env })
  log("seeding demo data (idempotent)")
  await run("npx", ["medusa", "exec", "./src/scripts/seed.ts"], {
    cwd: BACKEND_DIR,
    env: { ...env, SEED_OUTPUT: seedOutput },
  })
  return JSON.parse(fs.readFileSync(seedOutput, "utf8"))
}

export async function startBackend({ databaseUrl, port, mode = "develop", env = {} }) {
  const child = startService("backend", "npx", ["medusa", mode, "-p", String(port)], {
    cwd: BACKEND_DIR,
    env: { DATABASE_URL: databaseUrl, ...env },
  })
  await waitForHttp(`http://localhost:${port}/health`, { child })
  return child
}

export async function startStorefront({ port, backendUrl, publishableKey, mode = "dev" }) {
  const args = mode === "dev" ? ["next", "dev", "-p", String(port)] : ["next", "start", "-p", String(port)]
  const child = startService("storefront", "npx", args, {
    cwd: STOREFRONT_DIR,
    env: { MEDUSA_BACKEND_URL: backendUrl, MEDUSA_PUBLISHABLE_KEY: publishableKey },
  })
  await waitForHttp(`http://localhost:${port}/`, { child })
  return child
}
