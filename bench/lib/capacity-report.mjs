// The capacity bench's report: the rate search's steps, the cost phase's table,
// the summary of issue 15's goals (bench/capacity.mjs measures, this prints).
import os from "node:os"
import { performance } from "node:perf_hooks"
import {
  BUY_SHARE,
  CUSTOMERS,
  FLOOR_RATE,
  MAX_STEP_S,
  MIN_JOURNEYS,
  P95_LIMIT_MS,
  QUICK,
  REAL_THINK_S,
  RELAXED_P95_MS,
  SEED,
  STEP_S,
  THINK_MEAN_S,
  WRONG_CODE_SHARE,
} from "./capacity-config.mjs"

export function report({ notes, cost, oursLadder, medusaLadder, clusterLadder, benchStarted }) {
  const cpu = os.cpus()
  const lines = [
    `capacity: ${cpu.length} cores (${cpu[0]?.model ?? "unknown CPU"}), Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} at the end; driver (node:http keep-alive, open loop) and PostgreSQL on the same machine; seed ${SEED}${QUICK ? "; --quick (short steps: a smoke run, not a measurement)" : ""}; whole bench ${seconds(benchStarted)} s`,
    ...notes.map((n) => `setup: ${n}`),
    `limits: PROMOCODE_ATTEMPTS_PER_CUSTOMER, PROMOCODE_ATTEMPTS_PER_IP and SIGN_IN_ATTEMPTS set to 1000000 on every server (all shoppers come from 127.0.0.1; a ${pct(WRONG_CODE_SHARE)} share tries a wrong code); each journey signs in as a customer no other journey in flight uses (${CUSTOMERS} customers)`,
    `journeys: think time before each step but the first uniform in ${THINK_MEAN_S / 2}–${THINK_MEAN_S * 1.5} s (seeded PRNG per journey; branch shares exact in every block of 10 consecutive journeys, in a seeded order: the same choices every run); ours: tariffs, sign in, preview (${pct(WRONG_CODE_SHARE)} with a wrong code), purchase (${pct(BUY_SHARE)}; with our code unless the code was wrong), account (subscriptions or purchases); Medusa's: cart, line item, promotion, and for ${pct(BUY_SHARE)} payment collection, payment session, complete`,
    `search (ours and Medusa's take turns step by step, from 1 journey/s): arrivals evenly spaced for max(${STEP_S} s, ${MIN_JOURNEYS} journeys) (≤ ${MAX_STEP_S} s) per rate; the rate doubles while every step keeps p95 < ${RELAXED_P95_MS} ms with no error, or halves (down to ${FLOOR_RATE}/s) until one does, then once the geometric middle, and ${FLOOR_RATE}/s once when no step met ${P95_LIMIT_MS} ms; a rate is sustained when every step's p95 < ${P95_LIMIT_MS} ms and nothing failed; p50/p95/p99 nearest rank over every answer of the step (at low rates a step has few answers: p95 is then close to the slowest); CPU per journey from the first arrival until every purchase is recorded as an order and the servers are idle`,
    "",
    "rate/s  journeys ok/sent  late start  step: p50/p95/p99 ms (errors)                                                              server CPU/journey  PG CPU/journey  load1  verdict",
  ]
  for (const l of [oursLadder, medusaLadder, clusterLadder]) {
    lines.push(`${l.label}:`)
    for (const s of l.steps) {
      const r = s.result
      const server = Object.entries(s.cpuPerJourney).filter(([k]) => k !== "pg")
      lines.push(
        [
          String(s.rate).padStart(6),
          `${r.completed}/${r.started}`.padStart(17),
          `${r.lateStartsMs.toFixed(0)} ms`.padStart(11),
          "  " + r.steps.map((x) => `${x.name} ${ms(x.p50)}/${ms(x.p95)}/${ms(x.p99)}${x.errors ? ` (${x.errors}!)` : ""}`).join(", ").padEnd(90),
          server.map(([k, v]) => (server.length > 1 ? `${k} ${v.toFixed(0)}` : `${v.toFixed(0)} ms`)).join(", ").padStart(19),
          `${s.cpuPerJourney.pg.toFixed(0)} ms`.padStart(15),
          s.load1.toFixed(1).padStart(6),
          `  ${s.pass ? "sustained" : s.relaxed ? "p95 < 1 s only" : "missed"}`,
        ].join(" ")
      )
      for (const x of r.steps.filter((x) => x.errors)) lines.push(`        ! ${x.name}: ${x.firstError}`)
      for (const f of r.failures) lines.push(`        ! driver: ${f}`)
    }
  }

  lines.push(...costTable(cost))

  // CPU per journey at the lowest rate run: the least queueing, the same rate for both when possible
  // CPU per journey at the lowest rate both ran (the least queueing)
  const common = oursLadder.steps.map((s) => s.rate).filter((r) => medusaLadder.steps.some((m) => m.rate === r))
  const cpuRate = common.length ? Math.min(...common) : undefined
  const perJourney = (l) => {
    const step = l.steps.find((s) => s.rate === cpuRate) ?? l.steps[0]
    return step && total(step.cpuPerJourney)
  }
  const oursJ = perJourney(oursLadder)
  const medusaJ = perJourney(medusaLadder)
  const shoppersRate = 1000 / (REAL_THINK_S * 5)
  const sustainedText = (l) => (l.sustained ? `${l.sustained} journeys/s` : `none (missed at the lowest rate tried, ${l.lowest}/s)`)
  const rateRatio = (a, b, key) => (a[key] && b[key] ? times(a[key] / b[key]) : a[key] ? `> ×${(a[key] / b.lowest).toFixed(1)}` : "—")
  const relaxedText = (l) => (l.relaxed ? `${l.relaxed} journeys/s` : `none (≥ ${l.lowest}/s)`)
  const fiveTimes = (key) => (oursLadder[key] && (medusaLadder[key] ? oursLadder[key] / medusaLadder[key] >= 5 : oursLadder[key] / medusaLadder.lowest >= 5))
  lines.push(
    "",
    "summary                                                   ours            Medusa          ratio        goal",
    row("sustainable rate (every step p95 < 300 ms, 0 errors)", sustainedText(oursLadder), sustainedText(medusaLadder), rateRatio(oursLadder, medusaLadder, "sustained"), "ours ≥ 5× Medusa's", fiveTimes("sustained")),
    row("rate at p95 < 1 s (relaxed, 0 errors)", relaxedText(oursLadder), relaxedText(medusaLadder), rateRatio(oursLadder, medusaLadder, "relaxed"), "ours ≥ 5× Medusa's", fiveTimes("relaxed")),
    row(`server + PG CPU per journey (at ${cpuRate ?? `${oursLadder.steps[0]?.rate} | ${medusaLadder.steps[0]?.rate}`}/s)`, fmt(oursJ), fmt(medusaJ), times(medusaJ / oursJ), "(journeys per core)"),
    ...costSummary(cost),
    row(
      `1000 concurrent shoppers = ${shoppersRate.toFixed(1)} journeys/s`,
      oursLadder.sustained >= shoppersRate ? "sustained" : `not sustained (${Math.round(oursLadder.sustained * REAL_THINK_S * 5)} shoppers)`,
      medusaLadder.sustained >= shoppersRate ? "sustained" : `not sustained (${Math.round(medusaLadder.sustained * REAL_THINK_S * 5)} shoppers)`,
      "",
      "1000 on one 2-core machine",
      oursLadder.sustained >= shoppersRate
    ),
    row("2 servers + worker (Redis) vs one process: p95 < 300 ms", sustainedText(clusterLadder), sustainedText(oursLadder), rateRatio(clusterLadder, oursLadder, "sustained"), "scales out (cluster | one process)"),
    row("2 servers + worker (Redis) vs one process: p95 < 1 s", relaxedText(clusterLadder), relaxedText(oursLadder), rateRatio(clusterLadder, oursLadder, "relaxed"), "scales out (cluster | one process)"),
    `per-shopper rate: a shopper makes one journey per ${REAL_THINK_S * 5} s (about 5 steps, ${REAL_THINK_S} s of think time each), so 1000 concurrent shoppers = 1000 / ${REAL_THINK_S * 5} = ${shoppersRate.toFixed(1)} journeys/s and a sustained rate R equals R × ${REAL_THINK_S * 5} shoppers; the bench compresses think time ${REAL_THINK_S}× (mean ${THINK_MEAN_S} s), which leaves the requests per second at a given arrival rate unchanged (tokens are stateless, nothing is held between steps)`
  )
  // at the highest sustained and the highest p95 < 1 s rate (at low rates the
  // processes' background work weighs more per journey)
  const splitAt = [...new Set([clusterLadder.steps.find((s) => s.rate === clusterLadder.sustained), clusterLadder.steps.find((s) => s.rate === clusterLadder.relaxed)])]
  for (const step of splitAt.filter(Boolean)) {
    lines.push(
      `CPU split per process, cluster at ${step.rate} journeys/s (per journey): ` +
        Object.entries(step.cpuPerJourney)
          .map(([k, v]) => `${k === "pg" ? "PostgreSQL" : k} ${v.toFixed(1)} ms`)
          .join(", ") +
        `; one process at ${oursLadder.relaxed} journeys/s: ${fmt(total(oursLadder.steps.find((s) => s.rate === oursLadder.relaxed)?.cpuPerJourney ?? {}))} in all`
    )
  }
  return lines
}

/** The cost phase's table: CPU per successful request of each endpoint alone. */
function costTable(cost) {
  const lines = [
    "",
    "cost phase (each endpoint alone, open loop at the rate given; CPU per successful request; purchases until recorded as orders):",
    "endpoint                          ok/sent  rate/s  p50 ms  p95 ms  server CPU  PG CPU  total   load1",
  ]
  for (const row of cost.rows) {
    lines.push(
      `${row.label.padEnd(32)} ${`${row.ok}/${row.count}`.padStart(8)} ${String(row.rate).padStart(7)} ${ms(row.p50).padStart(7)} ${ms(row.p95).padStart(7)} ${`${row.serverMs.toFixed(1)} ms`.padStart(11)} ${`${row.pgMs.toFixed(1)} ms`.padStart(7)} ${`${row.totalMs.toFixed(1)} ms`.padStart(8)}  ${row.load1.toFixed(1)}`
    )
    if (row.ok < row.count) lines.push(`        ! ${row.label}: ${row.firstError}`)
  }
  return lines
}

/** Goal 1's three ratios, from the cost phase. */
function costSummary(c) {
  return [
    row("CPU per sale: purchase vs carts/:id/complete", fmt(c.plain.totalMs), fmt(c.complete.totalMs), fraction(c.plain.totalMs / c.complete.totalMs), "≤ 1/3", c.plain.totalMs / c.complete.totalMs <= 1 / 3),
    row("CPU per sale: purchase with a code vs complete", fmt(c.withCode.totalMs), fmt(c.complete.totalMs), fraction(c.withCode.totalMs / c.complete.totalMs), "≤ 1/3", c.withCode.totalMs / c.complete.totalMs <= 1 / 3),
    row("CPU per price check: preview vs carts/:id/promotions", fmt(c.preview.totalMs), fmt(c.promotions.totalMs), `×${(c.promotions.totalMs / c.preview.totalMs).toFixed(1)} cheaper`, "≥ 20× cheaper", c.promotions.totalMs / c.preview.totalMs >= 20),
    ...journeyParts(c),
  ]
}

/**
 * A journey's CPU from the cost phase's parts (a wrong-code preview counted
 * as a preview), and what 1000 shoppers need at that cost: the arithmetic
 * behind the 1000-shopper goal.
 */
function journeyParts(c) {
  const purchase = (1 - WRONG_CODE_SHARE) * c.withCode.totalMs + WRONG_CODE_SHARE * c.plain.totalMs
  const journey = c.tariffs.totalMs + c.signIn.totalMs + c.preview.totalMs + BUY_SHARE * purchase + c.account.totalMs
  const journeysPerS = 1000 / (REAL_THINK_S * 5)
  const cores = (ms) => ((journeysPerS * ms) / 1000).toFixed(2)
  return [
    `our journey from its parts: tariffs ${fmt(c.tariffs.totalMs)} + sign-in ${fmt(c.signIn.totalMs)} + preview ${fmt(c.preview.totalMs)} + ${pct(BUY_SHARE)} × purchase ${fmt(purchase)} + account ${fmt(c.account.totalMs)} = ${fmt(journey)} of server + PostgreSQL CPU; the sign-in (Medusa's emailpass: scrypt) is ${pct(c.signIn.totalMs / journey)} of it`,
    `1000 shoppers = ${journeysPerS.toFixed(1)} journeys/s need ${cores(journey)} cores at this cost (the sign-ins alone ${cores(c.signIn.totalMs)}, the rest ${cores(journey - c.signIn.totalMs)}); this machine has ${os.cpus().length}`,
  ]
}

/** `--cost`: the setup notes, the cost table and goal 1's ratios. */
export function costReport({ notes, cost, benchStarted }) {
  const cpu = os.cpus()
  return [
    `capacity --cost: ${cpu.length} cores (${cpu[0]?.model ?? "unknown CPU"}), Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} at the end; the cost phase alone; whole bench ${seconds(benchStarted)} s`,
    ...notes.map((n) => `setup: ${n}`),
    ...costTable(cost),
    "",
    "summary                                                   ours            Medusa          ratio        goal",
    ...costSummary(cost),
  ]
}

function row(name, ours, theirs, ratio, goal, met) {
  const verdict = met === undefined ? "" : met ? " met" : " NOT MET"
  return `${name.padEnd(57)} ${String(ours).padEnd(15)} ${String(theirs).padEnd(15)} ${String(ratio).padEnd(12)} ${goal}${verdict}`
}

const total = (cpuMs) => Object.values(cpuMs).reduce((a, b) => a + b, 0)
const fmt = (v) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : "—")
const ms = (v) => (Number.isFinite(v) ? v.toFixed(0) : "—")
const pct = (x) => `${Math.round(x * 100)}%`
const times = (x) => (Number.isFinite(x) ? `×${x.toFixed(x < 10 ? 2 : 0)}` : "—")
const fraction = (x) => (Number.isFinite(x) ? `${x.toFixed(2)} (1/${(1 / x).toFixed(1)})` : "—")


export function seconds(since) {
  return ((performance.now() - since) / 1000).toFixed(1)
}

