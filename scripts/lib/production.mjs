// The production run (`make start`, and the tests that check it): Medusa's
// build output (backend/.medusa/server) started with NODE_ENV=production, as
// one shared process, or with REDIS_URL as an HTTP server plus a worker.
import path from "node:path"
import { BACKEND_DIR } from "./app.mjs"
import { log, run, startService, waitForHttp } from "./proc.mjs"

export const BUILD_DIR = path.join(BACKEND_DIR, ".medusa", "server")

/** `medusa build`: the server and the admin dashboard into backend/.medusa/server. */
export async function buildBackend() {
  log("building the backend and the admin (medusa build)")
  await run("npx", ["medusa", "build"], { cwd: BACKEND_DIR })
}

/** Applies the migrations from the build output. */
export async function migrateProduction(databaseUrl, env = {}) {
  log("applying migrations")
  await run("npx", ["medusa", "db:migrate"], {
    cwd: BUILD_DIR,
    env: { NODE_ENV: "production", ...env, DATABASE_URL: databaseUrl },
  })
}

/**
 * Starts the built backend. Without REDIS_URL: one process doing everything
 * (MEDUSA_WORKER_MODE=shared). With it: an HTTP server (`server`) on `port`
 * and a worker (`worker`: jobs, subscribers, background workflows) whose own
 * port answers only /health. Resolves when both answer /health.
 */
export async function startProductionBackend({ databaseUrl, port, workerPort = port + 1, redisUrl = "", env = {} }) {
  const common = {
    NODE_ENV: "production",
    ...env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
  }
  const start = (name, mode, listenOn) =>
    startService(name, "npx", ["medusa", "start", "-p", String(listenOn)], {
      cwd: BUILD_DIR,
      env: { ...common, MEDUSA_WORKER_MODE: mode },
    })
  const processes = {}
  if (redisUrl) {
    processes.worker = start("worker", "worker", workerPort)
    processes.server = start("server", "server", port)
    await waitForHttp(`http://localhost:${workerPort}/health`, { child: processes.worker })
  } else {
    processes.server = start("server", "shared", port)
  }
  await waitForHttp(`http://localhost:${port}/health`, { child: processes.server })
  return processes
}
