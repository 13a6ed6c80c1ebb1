// Backend start-up time (migrated, seeded database; `medusa start` until
// /health answers) and its resident memory once up and after a short load of
// GET /store/tariffs.
import fs from "node:fs"
import { performance } from "node:perf_hooks"
import { startBackend } from "../scripts/lib/app.mjs"
import { processTree, stopServices } from "../scripts/lib/proc.mjs"

// Resident memory of a process and all its descendants, from /proc.
function treeRssMb(rootPid) {
  let kb = 0
  for (const pid of processTree(rootPid)) {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8")
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
    } catch {}
  }
  return kb / 1024
}

export default async function startup({ databaseUrl, seed, port, runs = 3 }) {
  const times = []
  let rssIdle = 0
  let rssLoaded = 0
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    const child = await startBackend({
      databaseUrl,
      port,
      mode: "start",
      env: { ADMIN_DISABLED: "true", JWT_SECRET: "bench", COOKIE_SECRET: "bench", LOG_LEVEL: "error" },
    })
    times.push((performance.now() - started) / 1000)
    if (i === runs - 1) {
      rssIdle = treeRssMb(child.pid)
      const headers = { "x-publishable-api-key": seed.publishable_key }
      for (let n = 0; n < 200; n++) {
        await fetch(`http://localhost:${port}/store/tariffs`, { headers }).then((r) => r.arrayBuffer())
      }
      rssLoaded = treeRssMb(child.pid)
    }
    await stopServices()
  }
  times.sort((a, b) => a - b)
  return [
    `backend start-up (medusa start → /health, ${runs} runs): median ${times[Math.floor(runs / 2)].toFixed(1)} s, min ${times[0].toFixed(1)} s, max ${times[runs - 1].toFixed(1)} s`,
    `backend resident memory: ${rssIdle.toFixed(0)} MB idle after start, ${rssLoaded.toFixed(0)} MB after 200 GET /store/tariffs`,
  ]
}
