// Preloaded into the server (NODE_OPTIONS=--require, BENCH_CPU_PROF=<dir>):
// SIGUSR2 starts a V8 CPU profile, the next SIGUSR2 writes it to
// <dir>/<pid>-<n>.cpuprofile (node --cpu-prof profiles the whole life of a
// process and is not allowed in NODE_OPTIONS).
const fs = require("node:fs")
const path = require("node:path")
const inspector = require("node:inspector")

const dir = process.env.BENCH_CPU_PROF
const session = new inspector.Session()
session.connect()
let running = false
let n = 0
process.on("SIGUSR2", () => {
  if (!running) {
    running = true
    session.post("Profiler.enable", () => session.post("Profiler.start"))
    return
  }
  running = false
  session.post("Profiler.stop", (error, result) => {
    if (!error) fs.writeFileSync(path.join(dir, `${process.pid}-${++n}.cpuprofile`), JSON.stringify(result.profile))
  })
})
