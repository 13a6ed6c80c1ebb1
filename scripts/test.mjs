// `make test`: every suite, against a real PostgreSQL (DATABASE_URL's server,
// or an embedded one in .data/postgres-test). `node scripts/test.mjs e2e` runs
// only the named steps. Prints one summary line per step and a total.
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import { migrateAndSeed, startBackend, startStorefront, BACKEND_DIR, STOREFRONT_DIR } from "./lib/app.mjs"
import { createDatabaseIfMissing, dropDatabase, startDatabase, testUtilsEnv } from "./lib/db.mjs"
import { log, ROOT, run, stopServices, takeFailureLines } from "./lib/proc.mjs"
import { buildBackend, startProductionBackend } from "./lib/production.mjs"

const E2E_BACKEND_PORT = Number(process.env.E2E_BACKEND_PORT || 9010)
const E2E_STOREFRONT_PORT = Number(process.env.E2E_STOREFRONT_PORT || 3010)
const JEST_ENV = { NODE_OPTIONS: "--experimental-vm-modules" }

let db

const steps = {
  // the server code, then the admin extensions (their own tsconfig: src/admin is
  // excluded from the server's)
  "typecheck-backend": async () => {
    // .medusa/types is written by a server start from the models of that moment;
    // after a model change it is stale until the next start. Check against what a
    // clean clone has (none), so the result does not depend on an earlier run.
    fs.rmSync(path.join(BACKEND_DIR, ".medusa", "types"), { recursive: true, force: true })
    await run("npx", ["tsc", "--noEmit", "-p", "tsconfig.json"], { cwd: BACKEND_DIR })
    await run("npx", ["tsc", "--noEmit", "-p", "src/admin/tsconfig.json"], { cwd: BACKEND_DIR })
  },
  "typecheck-storefront": () => run("npx", ["tsc", "--noEmit"], { cwd: STOREFRONT_DIR }),
  unit: () => jest("unit"),
  modules: () => jest("integration:modules"),
  http: () => jest("integration:http"),
  // bad input against every custom route (fast-check, fixed seed: FUZZ_SEED, FUZZ_RUNS)
  fuzz: () => jest("integration:fuzz"),
  crash: crashTest,
  redis: redisTest,
  "two-servers": twoServersTest,
  "production-login": productionLoginTest,
  cluster: clusterTest,
  "renewal-workers": renewalWorkersTest,
  "storefront-build": () => run("npx", ["next", "build"], { cwd: STOREFRONT_DIR }),
  e2e: browserTests,
}

// JEST_PATTERN (a path regex) runs only the matching files of a suite
function jest(type) {
  const only = process.env.JEST_PATTERN ? [process.env.JEST_PATTERN] : []
  return run("npx", ["jest", "--runInBand", "--forceExit", "--passWithNoTests=false", ...only], {
    cwd: BACKEND_DIR,
    env: { ...JEST_ENV, ...testUtilsEnv(db.url), TEST_TYPE: type },
  })
}

// Kills a server in the middle of a purchase; see the test file.
async function crashTest() {
  const url = await freshDatabase("cinema_crash")
  // one file at a time: each times the release of a dead reservation, and two
  // servers migrating and seeding at once would be what it measures
  await run("node", ["--test", "--test-concurrency=1", "backend/integration-tests/crash/"], {
    env: { CRASH_DATABASE_URL: url },
  })
}

// The backend on Medusa's Redis modules. Needs a Redis: REDIS_URL, or one on
// 127.0.0.1:6379; a machine without Redis says so and runs the rest.
async function redisTest() {
  const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379"
  if (!(await reachable(new URL(redisUrl)))) {
    log(`NO REDIS at ${redisUrl}: the Redis step did not run (set REDIS_URL to run it)`)
    return "not run: no Redis"
  }
  const url = await freshDatabase("cinema_redis")
  await run("node", ["--test", "backend/integration-tests/redis/"], {
    env: { REDIS_DATABASE_URL: url, REDIS_URL: redisUrl },
  })
}

// Two servers on one database without Redis race the same Idempotency-Key.
async function twoServersTest() {
  const url = await freshDatabase("cinema_two_servers")
  await run("node", ["--test", "backend/integration-tests/two-servers/"], {
    env: { TWO_SERVERS_DATABASE_URL: url },
  })
}

// Two servers and a worker on Redis and one database (see the test file).
// Its own Redis database (CLUSTER_REDIS_DB, default 13), emptied by the test.
async function clusterTest() {
  const redisUrl = new URL(process.env.REDIS_URL || "redis://127.0.0.1:6379")
  if (!(await reachable(redisUrl))) {
    log(`NO REDIS at ${redisUrl}: the cluster step did not run (set REDIS_URL to run it)`)
    return "NOT RUN: NO REDIS"
  }
  redisUrl.pathname = `/${process.env.CLUSTER_REDIS_DB || 13}`
  const url = await freshDatabase("cinema_cluster")
  await run("node", ["--test", "backend/integration-tests/cluster/"], {
    env: { CLUSTER_DATABASE_URL: url, CLUSTER_REDIS_URL: redisUrl.toString() },
  })
}

// Two processes on Redis run the renewal pass at once over 200 due
// subscriptions (see the test file). Its own Redis database
// (RENEWAL_WORKERS_REDIS_DB, default 11), emptied by the test.
async function renewalWorkersTest() {
  const redisUrl = new URL(process.env.REDIS_URL || "redis://127.0.0.1:6379")
  if (!(await reachable(redisUrl))) {
    log(`NO REDIS at ${redisUrl}: the renewal-workers step did not run (set REDIS_URL to run it)`)
    return "NOT RUN: NO REDIS"
  }
  redisUrl.pathname = `/${process.env.RENEWAL_WORKERS_REDIS_DB || 11}`
  const url = await freshDatabase("cinema_renewal_workers")
  await run("node", ["--test", "backend/integration-tests/renewal-workers/"], {
    env: { RENEWAL_WORKERS_DATABASE_URL: url, RENEWAL_WORKERS_REDIS_URL: redisUrl.toString() },
  })
}

// The admin of the production build (what `make start` runs) signs in over
// http in Chromium. Builds the backend first (medusa build).
async function productionLoginTest() {
  const url = await freshDatabase("cinema_production")
  const seed = await migrateAndSeed(url, path.join(ROOT, ".data", "seed-production.json"))
  await buildBackend()
  const port = Number(process.env.PRODUCTION_BACKEND_PORT || 9070)
  try {
    await startProductionBackend({
      databaseUrl: url,
      port,
      env: {
        JWT_SECRET: "production-login-test",
        COOKIE_SECRET: "production-login-test",
        COOKIE_SECURE: "false",
        ADMIN_CORS: `http://localhost:${port}`,
        AUTH_CORS: `http://localhost:${port}`,
      },
    })
    await run("node", ["--test", "e2e/production/admin-login.spec.mjs"], {
      env: {
        BACKEND_URL: `http://localhost:${port}`,
        PUBLISHABLE_KEY: seed.publishable_key,
        ADMIN_EMAIL: seed.admin.email,
        ADMIN_PASSWORD: seed.admin.password,
      },
    })
  } finally {
    await stopServices()
  }
}

function reachable({ hostname, port }) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) })
    socket.setTimeout(2000)
    socket.once("connect", () => (socket.destroy(), resolve(true)))
    socket.once("error", () => resolve(false))
    socket.once("timeout", () => (socket.destroy(), resolve(false)))
  })
}

async function freshDatabase(name) {
  await dropDatabase(db.url, name)
  const url = new URL(db.url)
  url.pathname = `/${name}`
  await createDatabaseIfMissing(url, name)
  return url.toString()
}

// The real backend and storefront on a fresh, seeded database, driven by
// Chromium. Needs the storefront's production build (the storefront-build step).
async function browserTests() {
  const url = new URL(await freshDatabase("cinema_e2e"))
  const seed = await migrateAndSeed(url.toString(), path.join(ROOT, ".data", "seed-e2e.json"))
  const backendUrl = `http://localhost:${E2E_BACKEND_PORT}`
  try {
    await startBackend({
      databaseUrl: url.toString(),
      port: E2E_BACKEND_PORT,
      mode: "start",
      // development mode serves the admin (/app) from source through Vite
      env: {
        NODE_ENV: "development",
        MEDUSA_BACKEND_URL: backendUrl,
        ADMIN_CORS: backendUrl,
        AUTH_CORS: `${backendUrl},http://localhost:${E2E_STOREFRONT_PORT}`,
        STORE_CORS: `http://localhost:${E2E_STOREFRONT_PORT}`,
        // renewals driven through POST /admin/subscriptions/renewals/run { as_of } (e2e/renewals.test.mjs)
        SUBSCRIPTION_TEST_CLOCK: "true",
      },
    })
    await startStorefront({
      port: E2E_STOREFRONT_PORT,
      backendUrl,
      publishableKey: seed.publishable_key,
      mode: "start",
    })
    await run("node", ["--test", "--test-concurrency=1", "e2e/"], {
      env: {
        STOREFRONT_URL: `http://localhost:${E2E_STOREFRONT_PORT}`,
        BACKEND_URL: backendUrl,
        PUBLISHABLE_KEY: seed.publishable_key,
      },
    })
  } finally {
    await stopServices()
  }
}

async function main() {
  const wanted = process.argv.slice(2)
  const unknown = wanted.filter((name) => !steps[name])
  if (unknown.length) {
    console.error(`unknown step(s): ${unknown.join(", ")}; steps: ${Object.keys(steps).join(", ")}`)
    process.exit(2)
  }
  const names = wanted.length ? wanted : Object.keys(steps)
  db = await startDatabase({
    dataDir: ".data/postgres-test",
    port: Number(process.env.EMBEDDED_PG_TEST_PORT || 54339),
    database: "cinema_test",
  })
  const results = []
  try {
    for (const name of names) {
      const started = Date.now()
      log(`── ${name}`)
      takeFailureLines()
      try {
        const note = await steps[name]()
        results.push({ name, ok: true, note, seconds: (Date.now() - started) / 1000 })
      } catch (err) {
        console.error(err.message)
        const why = takeFailureLines()
        results.push({ name, ok: false, why: [...why.slice(0, 14), err.message], seconds: (Date.now() - started) / 1000 })
      }
    }
  } finally {
    await stopServices()
    await db.stop()
  }
  console.log("\nTest steps:")
  for (const r of results) {
    const note = r.note ? `  (${r.note})` : ""
    console.log(`  ${r.ok ? "✓" : "✗"} ${r.name.padEnd(22)} ${r.seconds.toFixed(1)}s${note}`)
  }
  for (const r of results.filter((r) => !r.ok)) {
    console.log(`\nWhy ${r.name} failed (the first lines that say so; the full output is above):`)
    for (const line of r.why) console.log(`  | ${line}`)
  }
  const failed = results.filter((r) => !r.ok).length
  console.log(`steps: ${results.length - failed} passed, ${failed} failed`)
  process.exit(failed ? 1 : 0)
}

main().catch(async (err) => {
  console.error(err)
  await stopServices()
  if (db) await db.stop()
  process.exit(1)
})
