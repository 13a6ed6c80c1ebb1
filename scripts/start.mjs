// `make start`: the production run. Builds the backend and the admin
// (medusa build) and the storefront (next build), applies the migrations, then
// runs the backend from its build output (backend/.medusa/server) with
// NODE_ENV=production: one process, or with REDIS_URL an HTTP server and a
// worker. See README.md, "Production". Ctrl-C stops what this script started.
import fs from "node:fs"
import path from "node:path"
import { startStorefront, STOREFRONT_DIR } from "./lib/app.mjs"
import { startDatabase } from "./lib/db.mjs"
import { log, ROOT, run, stopServices } from "./lib/proc.mjs"
import { buildBackend, migrateProduction, startProductionBackend } from "./lib/production.mjs"

const BACKEND_PORT = Number(process.env.BACKEND_PORT || 9000)
const WORKER_PORT = Number(process.env.WORKER_PORT || BACKEND_PORT + 1)
const STOREFRONT_PORT = Number(process.env.STOREFRONT_PORT || 3000)
const REDIS_URL = process.env.REDIS_URL || ""

let db
let stopping = false

async function shutdown(code = 0) {
  if (stopping) return
  stopping = true
  log("stopping...")
  await stopServices()
  if (db) await db.stop()
  process.exit(code)
}
process.on("SIGINT", () => shutdown(0))
process.on("SIGTERM", () => shutdown(0))

/** The storefront's publishable key: MEDUSA_PUBLISHABLE_KEY, or the one `make seed` wrote. */
function publishableKey() {
  if (process.env.MEDUSA_PUBLISHABLE_KEY) return process.env.MEDUSA_PUBLISHABLE_KEY
  const seedFile = path.join(ROOT, ".data", "seed.json")
  return fs.existsSync(seedFile) ? JSON.parse(fs.readFileSync(seedFile, "utf8")).publishable_key : ""
}

async function main() {
  const missing = ["JWT_SECRET", "COOKIE_SECRET"].filter((name) => !process.env[name])
  if (missing.length) {
    throw new Error(
      `${missing.join(" and ")} must be set for a production run, e.g.\n` +
        `  export JWT_SECRET=$(openssl rand -hex 32) COOKIE_SECRET=$(openssl rand -hex 32)`
    )
  }
  db = await startDatabase({
    dataDir: ".data/postgres",
    port: Number(process.env.EMBEDDED_PG_PORT || 54329),
    database: process.env.DB_NAME || "cinema",
  })
  await buildBackend()
  const key = publishableKey()
  const withStorefront = process.env.START_STOREFRONT !== "false"
  if (withStorefront) {
    log("building the storefront (next build)")
    await run("npx", ["next", "build"], { cwd: STOREFRONT_DIR })
  }
  await migrateProduction(db.url)
  const backend = await startProductionBackend({
    databaseUrl: db.url,
    port: BACKEND_PORT,
    workerPort: WORKER_PORT,
    redisUrl: REDIS_URL,
  })
  const services = Object.values(backend)
  const backendUrl = process.env.MEDUSA_BACKEND_URL || `http://localhost:${BACKEND_PORT}`
  if (withStorefront) {
    if (!key) log("no publishable key (MEDUSA_PUBLISHABLE_KEY, or run `make seed` once): the storefront cannot list tariffs")
    services.push(await startStorefront({ port: STOREFRONT_PORT, backendUrl, publishableKey: key, mode: "start" }))
  }

  const secure = process.env.COOKIE_SECURE ?? "true (default)"
  console.log(`
  ┌──────────────────────────────────────────────────────────────
  │ Production run (NODE_ENV=production, build output backend/.medusa/server)
  │ Admin           http://localhost:${BACKEND_PORT}/app   (COOKIE_SECURE=${secure})
  │ Store/Admin API http://localhost:${BACKEND_PORT}
  │ Storefront      ${withStorefront ? `http://localhost:${STOREFRONT_PORT}` : "not started (START_STOREFRONT=false)"}
  │ Processes       ${REDIS_URL ? `server :${BACKEND_PORT} + worker :${WORKER_PORT} (Redis)` : "one shared process (no REDIS_URL)"}
  │ Database        ${db.embedded ? "embedded PostgreSQL (.data/postgres)" : "DATABASE_URL"}
  │ Over plain http the admin login needs COOKIE_SECURE=false.
  │ Ctrl-C stops everything.
  └──────────────────────────────────────────────────────────────
`)
  for (const child of services) {
    child.on("exit", (code) => {
      if (!stopping) {
        log(`a process exited (${code}); stopping the rest`)
        shutdown(1)
      }
    })
  }
}

main().catch(async (err) => {
  console.error(err.message)
  await shutdown(1)
})
