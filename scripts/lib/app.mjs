// Prepares a database for the app (migrations + idempotent demo seed) and
// starts the backend and the storefront; shared by `make dev`, `make seed`,
// the browser tests and the benchmarks.
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { log, ROOT, run, startService, waitForHttp } from "./proc.mjs"

export const BACKEND_DIR = path.join(ROOT, "backend")
export const STOREFRONT_DIR = path.join(ROOT, "storefront")

/**
 * Migrations, then the demo seed. With `logFile`, their output (some 600 lines on a fresh
 * database) goes to that file and one summary line is printed per step; warnings and
 * errors are still shown as they come, and a failure prints the end of the log.
 */
export async function migrateAndSeed(databaseUrl, seedOutput, { logFile } = {}) {
  const env = { DATABASE_URL: databaseUrl }
  if (!logFile) {
    log("applying migrations")
    await run("npx", ["medusa", "db:migrate"], { cwd: BACKEND_DIR, env })
    log("seeding demo data (idempotent)")
    await run("npx", ["medusa", "exec", "./src/scripts/seed.ts"], {
      cwd: BACKEND_DIR,
      env: { ...env, SEED_OUTPUT: seedOutput },
    })
    return JSON.parse(fs.readFileSync(seedOutput, "utf8"))
  }

  fs.mkdirSync(path.dirname(logFile), { recursive: true })
  fs.writeFileSync(logFile, "")
  const shown = path.relative(ROOT, logFile)
  log("applying migrations")
  let started = Date.now()
  const migrate = await runLogged("npx", ["medusa", "db:migrate"], { cwd: BACKEND_DIR, env, logFile })
  log(`${summarizeMigrations(migrate)} in ${seconds(started)} s (full output: ${shown})`)
  log("seeding demo data (idempotent)")
  started = Date.now()
  await runLogged("npx", ["medusa", "exec", "./src/scripts/seed.ts"], {
    cwd: BACKEND_DIR,
    env: { ...env, SEED_OUTPUT: seedOutput },
    logFile,
  })
  log(`demo data ready in ${seconds(started)} s`)
  return JSON.parse(fs.readFileSync(seedOutput, "utf8"))
}

const seconds = (since) => ((Date.now() - since) / 1000).toFixed(0)

// Medusa's log lines carry ANSI colours; the level is the first word.
const stripAnsi = (line) => line.replace(/\x1b\[[0-9;]*m/g, "")
// Medusa warns about its in-memory event bus on every command when REDIS_URL is unset: expected in dev.
const EXPECTED_WARNINGS = [/Local Event Bus installed/]
const isWarningOrError = (line) => {
  const text = stripAnsi(line)
  return /^\s*(warn|error)\b|\berror:|\bfailed\b/i.test(text) && !EXPECTED_WARNINGS.some((re) => re.test(text))
}

/** "42 migrations applied in 30 modules, 5 data scripts" from `medusa db:migrate`'s output. */
export function summarizeMigrations(output) {
  const lines = output.split("\n").map(stripAnsi)
  const applied = lines.filter((l) => /✔ Migrated /.test(l)).length
  const modules = new Set(
    lines.filter((l) => /MODULE: /.test(l)).map((l) => l.split("MODULE: ")[1].trim())
  ).size
  const scripts = lines.filter((l) => /Running migration script /.test(l)).length
  if (!applied && !scripts) {
    return "migrations: the database is up to date"
  }
  return `migrations: ${applied} applied in ${modules} modules, ${scripts} data scripts run`
}

/**
 * Runs a command to completion with its output appended to `logFile`; warning and error
 * lines are echoed as they come. Resolves with the output; on failure prints the log's
 * last 40 lines and rejects.
 */
function runLogged(command, args, { cwd, env, logFile }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    })
    let output = ""
    let partial = ""
    const onData = (chunk) => {
      const text = String(chunk)
      output += text
      fs.appendFileSync(logFile, text)
      const lines = (partial + text).split("\n")
      partial = lines.pop() ?? ""
      for (const line of lines) {
        if (isWarningOrError(line)) process.stderr.write(`${line}\n`)
      }
    }
    child.stdout.on("data", onData)
    child.stderr.on("data", onData)
    child.on("error", reject)
    child.on("exit", (code, signal) => {
      if (code === 0) return resolve(output)
      const tail = output.trimEnd().split("\n").slice(-40).join("\n")
      process.stderr.write(`${tail}\n`)
      reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? code}); full output: ${path.relative(ROOT, logFile)}`))
    })
  })
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
