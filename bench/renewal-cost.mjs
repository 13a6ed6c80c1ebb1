// What one renewal costs the server, call by call: runs
// backend/src/scripts/bench/renewal-cost.ts with `medusa exec` (one call at a
// time on a warm process, CPU from process.cpuUsage) and prints the medians:
// the renew-subscription workflow's steps one by one, the whole workflow, and
// the order the purchase.completed subscriber records after it. With the
// renewals benchmark's throughput this shows where a renewal's time goes.
import { costBench } from "./lib/cost.mjs"

export default ({ databaseUrl }) =>
  costBench({
    name: "renewal-cost",
    databaseUrl,
    script: "./src/scripts/bench/renewal-cost.ts",
    iterations: Number(process.env.BENCH_ITERATIONS || 40),
    paymentLabel: "the calls of one saved-card charge (collection, session, authorize and capture)",
  })
