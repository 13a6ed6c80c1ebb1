// `make seed`: migrations and the idempotent demo seed, then stop.
import path from "node:path"
import { migrateAndSeed } from "./lib/app.mjs"
import { startDatabase } from "./lib/db.mjs"
import { ROOT } from "./lib/proc.mjs"

const db = await startDatabase({
  dataDir: ".data/postgres",
  port: Number(process.env.EMBEDDED_PG_PORT || 54329),
  database: process.env.DB_NAME || "cinema",
})
try {
  const seed = await migrateAndSeed(db.url, path.join(ROOT, ".data", "seed.json"))
  console.log(`Publishable key: ${seed.publishable_key}`)
} finally {
  await db.stop()
}
