// `make dev`: database (embedded unless DATABASE_URL is set), migrations, demo
// data, then the backend (:9000, admin at /app) and the storefront (:3000).
// Ctrl-C stops everything this script started, the embedded database included.
import path from "node:path"
import { migrateAndSeed, startBackend, startStorefront } from "./lib/app.mjs"
import { startDatabase } from "./lib/db.mjs"
import { log, ROOT, stopServices } from "./lib/proc.mjs"

const BACKEND_PORT = Number(process.env.BACKEND_PORT || 9000)
const STOREFRONT_PORT = Number(process.env.STOREFRONT_PORT || 3000)

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

async function main() {
  db = await startDatabase({
    dataDir: ".data/postgres",
    port: Number(process.env.EMBEDDED_PG_PORT || 54329),
    database: process.env.DB_NAME || "cinema",
  })
  const seed = await migrateAndSeed(db.url, path.join(ROOT, ".data", "seed.json"))
  const backendUrl = process.env.MEDUSA_BACKEND_URL || `http://localhost:${BACKEND_PORT}`

  const services = [
    await startBackend({ databaseUrl: db.url, port: BACKEND_PORT }),
    await startStorefront({
      port: STOREFRONT_PORT,
      backendUrl,
      publishableKey: seed.publishable_key,
    }),
  ]

  console.log(`
  ┌──────────────────────────────────────────────────────────────
  │ Storefront      http://localhost:${STOREFRONT_PORT}
  │ Admin           http://localhost:${BACKEND_PORT}/app
  │ Store/Admin API http://localhost:${BACKEND_PORT}
  │ Admin login     ${seed.admin.email} / ${seed.admin.password}
  │ Demo customer   ${seed.customer.email} / ${seed.customer.password}
  │ Publishable key ${seed.publishable_key}
  │ Database        ${db.embedded ? "embedded PostgreSQL (.data/postgres)" : "DATABASE_URL"}
  │ Try: curl localhost:${BACKEND_PORT}/store/tariffs -H 'x-publishable-api-key: ${seed.publishable_key}'
  │ Ctrl-C stops everything.
  └──────────────────────────────────────────────────────────────
`)
  for (const child of services) {
    child.on("exit", (code) => {
      if (!stopping) {
        log(`a service exited (${code}); stopping the rest`)
        shutdown(1)
      }
    })
  }
}

main().catch(async (err) => {
  console.error(err.message)
  await shutdown(1)
})
