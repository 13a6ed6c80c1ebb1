// `make bench`: benchmarks against a real PostgreSQL (DATABASE_URL's server or
// an embedded one). `node bench/run.mjs startup` runs only the named ones.
// The dispatcher lives with the benchmarks: bench/* uses scripts/lib (database,
// processes, app), never the other way round.
import os from "node:os"
import path from "node:path"
import { migrateAndSeed } from "../scripts/lib/app.mjs"
import { createDatabaseIfMissing, dropDatabase, startDatabase } from "../scripts/lib/db.mjs"
import { log, ROOT, stopServices } from "../scripts/lib/proc.mjs"

const benchmarks = {
  startup: () => import("./startup.mjs"),
  purchase: () => import("./purchase.mjs"),
  "purchase-cost": () => import("./purchase-cost.mjs"),
  "renewal-cost": () => import("./renewal-cost.mjs"),
  promocodes: () => import("./promocodes.mjs"),
  export: () => import("./export.mjs"),
  capacity: () => import("./capacity.mjs"),
  renewals: () => import("./renewals.mjs"),
}

// --quick: a short smoke run of the benchmarks that know it (capacity, renewals)
if (process.argv.includes("--quick")) process.env.BENCH_QUICK = "1"
// --cost: the capacity bench's cost phase alone (CPU per sale and per price check), no rate search
if (process.argv.includes("--cost")) process.env.BENCH_COST_ONLY = "1"
/** The benchmark database (dropped and re-created): BENCH_DATABASE moves it, so two benches can share a server. */
const DATABASE = process.env.BENCH_DATABASE || "cinema_bench"
const wanted = process.argv.slice(2).filter((a) => !a.startsWith("--"))
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
  url.pathname = `/${DATABASE}`
  await dropDatabase(db.url, DATABASE)
  await createDatabaseIfMissing(url, DATABASE)
  const seed = await migrateAndSeed(url.toString(), path.join(ROOT, ".data", "seed-bench.json"))
  for (const name of names) {
    log(`── benchmark ${name}`)
    const { default: bench } = await benchmarks[name]()
    lines.push(
      ...(await bench({
        databaseUrl: url.toString(),
        seed,
        port: Number(process.env.BENCH_BACKEND_PORT || 9020),
        databaseDir: db.embedded ? path.join(ROOT, ".data/postgres-bench") : undefined,
      }))
    )
  }
} finally {
  await stopServices()
  await db.stop()
}
console.log(`\nResults (${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}, ${db.embedded ? "embedded" : "external"} PostgreSQL):`)
for (const line of lines) console.log(`  ${line}`)
