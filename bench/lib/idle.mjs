// Waits for a process tree to go quiet, so that background work left by one
// run (event subscribers, jobs) does not land in the next run's figures.
import fs from "node:fs"

const TICKS_PER_SECOND = 100

/** CPU ticks (1/100 s) used so far by a process and all its descendants. */
export function treeCpuTicks(rootPid) {
  const parents = new Map()
  const ticks = new Map()
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8")
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      parents.set(Number(entry), Number(fields[1]))
      ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]))
    } catch {}
  }
  let total = 0
  for (const [pid, t] of ticks) {
    for (let p = pid; p > 1; p = parents.get(p) ?? 0) {
      if (p === rootPid) {
        total += t
        break
      }
    }
  }
  return total
}

/**
 * Resolves once the tree of `rootPid` used less than `maxCores` of CPU over
 * one second, or after `timeoutMs`. Returns the seconds waited.
 */
export async function waitForIdle(rootPid, { maxCores = 0.1, timeoutMs = 30000 } = {}) {
  const started = Date.now()
  let before = treeCpuTicks(rootPid)
  while (Date.now() - started < timeoutMs) {
    await new Promise((r) => setTimeout(r, 1000))
    const now = treeCpuTicks(rootPid)
    const cores = (now - before) / TICKS_PER_SECOND
    before = now
    if (cores < maxCores) break
  }
  return (Date.now() - started) / 1000
}

/**
 * CPU ticks used so far by every PostgreSQL process on this machine (the
 * embedded server's or the local one's; other databases on it are idle
 * during a benchmark).
 */
export function postgresCpuTicks() {
  let total = 0
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, "utf8").trim() !== "postgres") continue
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8")
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      total += Number(fields[11]) + Number(fields[12])
    } catch {}
  }
  return total
}

export const TICKS_MS = 1000 / TICKS_PER_SECOND

/**
 * Like treeCpuTicks, but monotonic when processes of the tree exit: each
 * live process also counts the CPU of its children it has reaped (cutime,
 * cstime), so a PostgreSQL backend whose connection closed during a run
 * still counts, through the postmaster.
 */
export function treeCpuTicksWithReaped(rootPid) {
  const parents = new Map()
  const ticks = new Map()
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8")
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      parents.set(Number(entry), Number(fields[1]))
      ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]))
    } catch {}
  }
  let total = 0
  for (const [pid, t] of ticks) {
    for (let p = pid; p > 1; p = parents.get(p) ?? 0) {
      if (p === rootPid) {
        total += t
        break
      }
    }
  }
  return total
}
