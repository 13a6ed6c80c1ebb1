// What one purchase costs the server, call by call: runs
// backend/src/scripts/bench/purchase-cost.ts with `medusa exec` (one call at a
// time on a warm process, CPU from process.cpuUsage) and prints the medians.
// With the purchase benchmark's throughput this shows where a purchase's time
// goes and what the Payment Module alone costs.
import { costBench } from "./lib/cost.mjs"

export default ({ databaseUrl }) =>
  costBench({
    name: "purchase-cost",
    databaseUrl,
    script: "./src/scripts/bench/purchase-cost.ts",
    iterations: Number(process.env.BENCH_ITERATIONS || 60),
    paymentLabel: "one payment's calls (collection, session, authorize and capture, saving the card)",
  })
