// Child processes for the dev and test scripts: run to completion, or start in
// the background and stop together on exit.
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")

export function log(message) {
  console.log(`\x1b[36m[cinema]\x1b[0m ${message}`)
}

// Lines that say why a test failed (node:test, jest, assert), kept so that a
// failed step can be explained again under the summary: CI shows the tail.
const FAILURE_LINE = /^\s*(not ok \d|● |✕ |AssertionError|Error:|error:|timed out|\+ actual|- expected|expected|received|actual:|expected:)/i
let failureLines = []

/** The failure lines printed since the last call (and forgets them). */
export function takeFailureLines() {
  const lines = failureLines
  failureLines = []
  return lines
}

function keepFailureLines(chunk) {
  for (const raw of String(chunk).split("\n")) {
    const line = raw.replace(/\x1b\[[0-9;]*m/g, "").trimEnd()
    if (FAILURE_LINE.test(line) && failureLines.length < 200) failureLines.push(line.slice(0, 300))
  }
}

/** Runs a command to completion; rejects with its exit code. */
export function run(command, args, { cwd = ROOT, env = {}, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: [quiet ? "ignore" : "inherit", "pipe", "pipe"],
    })
    let output = ""
    if (quiet) {
      child.stdout.on("data", (d) => (output += d))
      child.stderr.on("data", (d) => (output += d))
    } else {
      child.stdout.on("data", (d) => (process.stdout.write(d), keepFailureLines(d)))
      child.stderr.on("data", (d) => (process.stderr.write(d), keepFailureLines(d)))
    }
    child.on("error", reject)
    child.on("exit", (code, signal) => {
      if (code === 0) resolve(output)
      else {
        if (quiet) process.stderr.write(output)
        reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? code})`))
      }
    })
  })
}

const children = new Set()

/** Starts a long-running process; its output is prefixed with a name. */
export function startService(name, command, args, { cwd = ROOT, env = {} } = {}) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  })
  const prefix = `\x1b[35m[${name}]\x1b[0m `
  const relay = (stream) => (chunk) => {
    for (const line of String(chunk).split("\n")) {
      if (line.trim()) stream.write(prefix + line + "\n")
    }
  }
  child.stdout.on("data", relay(process.stdout))
  child.stderr.on("data", relay(process.stderr))
  children.add(child)
  child.on("exit", () => children.delete(child))
  return child
}

/** A process and all its descendants (from /proc), the process first. */
export function processTree(rootPid) {
  const children = new Map()
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8")
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1])
      if (!children.has(ppid)) children.set(ppid, [])
      children.get(ppid).push(Number(entry))
    } catch {}
  }
  const tree = []
  const visit = (pid) => {
    tree.push(pid)
    for (const child of children.get(pid) ?? []) visit(child)
  }
  visit(rootPid)
  return tree
}

function signal(pids, sig) {
  for (const pid of pids) {
    try {
      process.kill(pid, sig)
    } catch {}
  }
}

/**
 * Stops every service started here: its process group and every descendant
 * (`medusa develop` starts its server in a group of its own).
 */
export async function stopServices() {
  const waits = [...children].map(
    (child) =>
      new Promise((resolve) => {
        const tree = processTree(child.pid)
        child.once("exit", resolve)
        signal([-child.pid], "SIGTERM")
        signal(tree, "SIGTERM")
        setTimeout(() => {
          signal([-child.pid], "SIGKILL")
          signal(tree, "SIGKILL")
          resolve()
        }, 10000).unref()
      })
  )
  await Promise.all(waits)
}

/** Waits until GET url answers with a status below 500. */
export async function waitForHttp(url, { timeoutMs = 180000, child } = {}) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) {
      throw new Error(`process for ${url} exited with ${child.exitCode}`)
    }
    try {
      const res = await fetch(url)
      if (res.status < 500) return
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`)
}
