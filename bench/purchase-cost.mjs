// What one purchase costs the server, call by call: runs
// backend/src/scripts/bench/purchase-cost.ts with `medusa exec` (one call at a
// time on a warm process, CPU from process.cpuUsage) and prints the medians.
// With the purchase benchmark's throughput this shows where a purchase's time
// goes and what the Payment Module alone costs.
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { BACKEND_DIR } from "../scripts/lib/app.mjs"
import { ROOT, run } from "../scripts/lib/proc.mjs"

const ITERATIONS = Number(process.env.BENCH_ITERATIONS || 60)

export default async function purchaseCost({ databaseUrl }) {
  const output = path.join(ROOT, ".data", "purchase-cost.json")
  fs.rmSync(output, { force: true })
  await run("npx", ["medusa", "exec", "./src/scripts/bench/purchase-cost.ts"], {
    cwd: BACKEND_DIR,
    env: {
      DATABASE_URL: databaseUrl,
      NODE_ENV: "production",
      JWT_SECRET: "bench",
      COOKIE_SECRET: "bench",
      LOG_LEVEL: "error",
      BENCH_ITERATIONS: String(ITERATIONS),
      BENCH_OUTPUT: output,
    },
  })
  const { rows } = JSON.parse(fs.readFileSync(output, "utf8"))
  const width = Math.max(...rows.map((r) => r.name.length))
  const sum = (prefix) => rows.filter((r) => r.name.startsWith(prefix)).reduce((total, r) => total + r.cpu_ms, 0)
  const cpu = os.cpus()
  return [
    `purchase-cost: ${cpu.length} cores (${cpu[0]?.model ?? "unknown CPU"}), Node ${process.version}; medusa exec, NODE_ENV=production, no Redis; ${rows[0]?.count ?? 0} counted iterations after a warm-up; medians of each call made alone`,
    `${"call".padEnd(width)}  CPU ms  wall ms`,
    ...rows.map((r) => `${r.name.padEnd(width)}  ${r.cpu_ms.toFixed(1).padStart(6)}  ${r.wall_ms.toFixed(1).padStart(7)}`),
    `Payment Module, the four calls of one payment: ${sum("payment module:").toFixed(1)} ms CPU of the Node process`,
  ]
}
