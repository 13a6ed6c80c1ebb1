// `make dev`: database (embedded unless DATABASE_URL is set), migrations, demo
// data, then the backend (:9000, admin at /app) and the storefront (:3000).
// Ctrl-C stops everything this script started, the embedded database included.
import path from "node:path"
import { migrateAndSeed, startBackend, startStorefront } from "./lib/app.mjs"
import { startDatabase } from "./lib/db.mjs"
import { log, ROOT, stopServices } from "./lib/proc.mjs"

const STARTED_AT = Date.now()
const BACKEND_PORT = Number(process.env.BACKEND_PORT || 9000)
const STOREFRONT_PORT = Number(process.env.STOREFRONT_PORT || 3000)
const LOG_DIR = path.join(ROOT, ".data", "logs")

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

// How to run a renewal pass by hand (the admin has no button for it yet);
// `as_of` moves its clock only when SUBSCRIPTION_TEST_CLOCK=true.
function renewalHint(seed) {
  const api = `localhost:${BACKEND_PORT}`
  const token = `T=$(curl -s ${api}/auth/user/emailpass -H 'content-type: application/json' -d '{"email":"${seed.admin.email}","password":"${seed.admin.password}"}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).token')`
  const body = process.env.SUBSCRIPTION_TEST_CLOCK === "true" ? `{"as_of":"2030-01-01T00:00:00Z"}` : "{}"
  return [
    `  │ Renewal pass    ${token}`,
    `  │                 curl -s -X POST ${api}/admin/subscriptions/renewals/run -H "authorization: Bearer $T" -H 'content-type: application/json' -d '${body}'`,
    process.env.SUBSCRIPTION_TEST_CLOCK === "true"
      ? "  │                 (as_of: the pass runs as if it were then; test clock on)"
      : "  │                 (runs as of now; SUBSCRIPTION_TEST_CLOCK=true make dev lets it take an as_of)",
  ].join("\n")
}

async function main() {
  db = await startDatabase({
    dataDir: ".data/postgres",
    port: Number(process.env.EMBEDDED_PG_PORT || 54329),
    database: process.env.DB_NAME || "cinema",
  })
  const seed = await migrateAndSeed(db.url, path.join(ROOT, ".data", "seed.json"), {
    logFile: path.join(LOG_DIR, "migrate-and-seed.log"),
  })
  const backendUrl = process.env.MEDUSA_BACKEND_URL || `http://localhost:${BACKEND_PORT}`

  // The URLs and logins first: everything below is the servers starting.
  console.log(`
  ┌──────────────────────────────────────────────────────────────
  │ Storefront      http://localhost:${STOREFRONT_PORT}  (/ru, /en)
  │ Admin           http://localhost:${BACKEND_PORT}/app
  │ Store/Admin API http://localhost:${BACKEND_PORT}
  │ Admin login     ${seed.admin.email} / ${seed.admin.password}
  │ Demo customer   ${seed.customer.email} / ${seed.customer.password}
  │ Publishable key ${seed.publishable_key}
  │ Database        ${db.embedded ? "embedded PostgreSQL (.data/postgres)" : "DATABASE_URL"}
  │ Try: curl localhost:${BACKEND_PORT}/store/tariffs -H 'x-publishable-api-key: ${seed.publishable_key}'
${renewalHint(seed)}
  │ Starting the backend (the admin compiles first) and the storefront;
  │ a page opened before they are up waits for them. Ctrl-C stops everything.
  └──────────────────────────────────────────────────────────────
`)

  const services = [
    await startBackend({ databaseUrl: db.url, port: BACKEND_PORT }),
    await startStorefront({
      port: STOREFRONT_PORT,
      backendUrl,
      publishableKey: seed.publishable_key,
    }),
  ]

  // Ready when the storefront serves its home page with the catalog from the backend.
  const home = `http://localhost:${STOREFRONT_PORT}/ru`
  const page = await fetch(home, { signal: AbortSignal.timeout(180_000) })
    .then((res) => res.text())
    .catch(() => "")
  const secondsSinceStart = ((Date.now() - STARTED_AT) / 1000).toFixed(0)
  if (page.includes("<article")) {
    log(`ready: ${home} served the catalog ${secondsSinceStart} s after start — admin http://localhost:${BACKEND_PORT}/app (${seed.admin.email} / ${seed.admin.password})`)
  } else {
    log(`the storefront answers at ${home} (${secondsSinceStart} s after start), but not with the catalog yet; see the output above`)
  }

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
