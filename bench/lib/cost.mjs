// The call-by-call cost benchmarks (purchase-cost, renewal-cost): a script of
// backend/src/scripts/bench run with `medusa exec` (one call at a time on a
// warm process) writes its rows ({ name, count, cpu_ms, wall_ms }: medians),
// printed here as a table.
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { BACKEND_DIR } from "../../scripts/lib/app.mjs"
import { ROOT, run } from "../../scripts/lib/proc.mjs"

async function runCostScript({ databaseUrl, script, iterations }) {
  const output = path.join(ROOT, ".data", `${path.basename(script, ".ts")}.json`)
  fs.rmSync(output, { force: true })
  await run("npx", ["medusa", "exec", script], {
    cwd: BACKEND_DIR,
    env: {
      DATABASE_URL: databaseUrl,
      NODE_ENV: "production",
      JWT_SECRET: "bench",
      COOKIE_SECRET: "bench",
      LOG_LEVEL: "error",
      BENCH_ITERATIONS: String(iterations),
      BENCH_OUTPUT: output,
    },
  })
  return JSON.parse(fs.readFileSync(output, "utf8")).rows
}

/**
 * A cost benchmark's result lines: the machine, the table of calls (call,
 * CPU ms, wall ms) and the Payment Module's calls summed under `paymentLabel`.
 */
export async function costBench({ name, databaseUrl, script, iterations, paymentLabel }) {
  const rows = await runCostScript({ databaseUrl, script, iterations })
  const width = Math.max(...rows.map((r) => r.name.length))
  const payment = rows.filter((r) => r.name.startsWith("payment module:")).reduce((total, r) => total + r.cpu_ms, 0)
  const cpu = os.cpus()
  return [
    `${name}: ${cpu.length} cores (${cpu[0]?.model ?? "unknown CPU"}), Node ${process.version}; medusa exec, NODE_ENV=production, no Redis; ${rows[0]?.count ?? 0} counted iterations after a warm-up; medians of each call made alone`,
    `${"call".padEnd(width)}  CPU ms  wall ms`,
    ...rows.map((r) => `${r.name.padEnd(width)}  ${r.cpu_ms.toFixed(1).padStart(6)}  ${r.wall_ms.toFixed(1).padStart(7)}`),
    `Payment Module, ${paymentLabel}: ${payment.toFixed(1)} ms CPU of the Node process`,
  ]
}
