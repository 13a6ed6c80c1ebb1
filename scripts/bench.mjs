// `make bench`: benchmarks against a real PostgreSQL (DATABASE_URL's server or
// an embedded one). `node scripts/bench.mjs startup` runs only the named ones.
import os from "node:os"
import path from "node:path"
import { migrateAndSeed } from "./lib/app.mjs"
import { createDatabaseIfMissing, dropDatabase, startDatabase } from "./lib/db.mjs"
import { log, ROOT, stopServices } from "./lib/proc.mjs"

const benchmarks = {
  startup: () => import("../bench/startup.mjs"),
  purchase: () => import("../bench/purchase.mjs"),
  "purchase-cost": () => import("../bench/purchase-cost.mjs"),
  promocodes: () => import("../bench/promocodes.mjs"),
}

const wanted = process.argv.slice(2)
const names = wanted.length ? wanted : Object.keys(benchmarks)
for (const name of names) {
  if (!benchmarks[name]) {
    console.error(`unknown benchmark ${name}; known: ${Object.keys(benchmarks).join(", ")}`)
    process.exit(2)
  }
}

const db = await startDatabase({
  dataDir: ".data/postgres-bench",
  port: Number(process.env.EMBEDDED_PG_BENCH_PORT || 54349),
  database: "postgres",
})
const lines = []
try {
  const url = new URL(db.url)
  url.pathname = "/cinema_bench"
  await dropDatabase(db.url, "cinema_bench")
  await createDatabaseIfMissing(url, "cinema_bench")
  const seed = await migrateAndSeed(url.toString(), path.join(ROOT, ".data", "seed-bench.json"))
  for (const name of names) {
    log(`── benchmark ${name}`)
    const { default: bench } = await benchmarks[name]()
    lines.push(...(await bench({ databaseUrl: url.toString(), seed, port: 9020 })))
  }
} finally {
  await stopServices()
  await db.stop()
}
console.log(`\nResults (${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}, ${db.embedded ? "embedded" : "external"} PostgreSQL):`)
for (const line of lines) console.log(`  ${line}`)
