// Browser test of a quiet first run (issue 14, item 9): the storefront waits for a backend
// that is still starting instead of saying "server unavailable", and when the backend takes
// longer than its wait, says it is starting up and loads the page by itself once it answers.
// Runs a second storefront (`next start`, the production build) in front of a stand-in that
// refuses connections until the test opens it, then forwards to the real backend
// (BACKEND_URL, PUBLISHABLE_KEY as for the other browser tests). Screenshot:
// artifacts/screenshots/storefront-starting-en.png.
import assert from "node:assert/strict"
import { spawn } from "node:child_process"
import http from "node:http"
import net from "node:net"
import { fileURLToPath } from "node:url"
import { after, before, test } from "node:test"
import { BACKEND_URL, PUBLISHABLE_KEY } from "./lib/admin.mjs"
import { normalize, screenshot, useBrowser } from "./lib/browser.mjs"

const STOREFRONT_DIR = fileURLToPath(new URL("../storefront/", import.meta.url))
// How long the storefront under test waits for the backend before saying it is starting.
const WAIT_MS = 8_000

const withPage = useBrowser()

async function freePort() {
  const server = net.createServer()
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address()
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** A backend that is not up yet: nothing listens on its port until `open()`. */
function lateBackend(port) {
  const target = new URL(BACKEND_URL)
  const server = http.createServer((req, res) => {
    const upstream = http.request(
      {
        hostname: target.hostname,
        port: target.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    upstream.on("error", () => res.destroy())
    req.pipe(upstream)
  })
  return {
    open: () => new Promise((resolve) => server.listen(port, "127.0.0.1", resolve)),
    close: () =>
      new Promise((resolve) => {
        if (!server.listening) return resolve()
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

async function waitForPort(port, child, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    assert.equal(child.exitCode, null, "the storefront under test exited")
    const up = await new Promise((resolve) => {
      const socket = net.connect(port, "127.0.0.1")
      socket.once("connect", () => (socket.destroy(), resolve(true)))
      socket.once("error", () => resolve(false))
    })
    if (up) return
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  throw new Error(`the storefront under test did not listen on ${port}`)
}

let backend
let storefront
let storefrontUrl

before(async () => {
  assert.ok(PUBLISHABLE_KEY, "PUBLISHABLE_KEY is not set (the seed's publishable key)")
  const backendPort = await freePort()
  const storefrontPort = await freePort()
  backend = lateBackend(backendPort)
  storefront = spawn("npx", ["next", "start", "-p", String(storefrontPort)], {
    cwd: STOREFRONT_DIR,
    env: {
      ...process.env,
      MEDUSA_BACKEND_URL: `http://127.0.0.1:${backendPort}`,
      MEDUSA_PUBLISHABLE_KEY: PUBLISHABLE_KEY,
      STOREFRONT_BACKEND_WAIT_MS: String(WAIT_MS),
    },
    stdio: "ignore",
    detached: true,
  })
  storefrontUrl = `http://127.0.0.1:${storefrontPort}`
  await waitForPort(storefrontPort, storefront)
})

after(async () => {
  await backend?.close()
  if (storefront?.exitCode === null) {
    process.kill(-storefront.pid, "SIGTERM")
  }
})

test("the first visit waits for a backend that is still starting, then shows the catalog", { timeout: 90_000 }, () =>
  withPage("ru", async (page) => {
    await backend.close()
    const started = Date.now()
    const visit = page.goto(`${storefrontUrl}/ru`, { timeout: 60_000 })
    await new Promise((resolve) => setTimeout(resolve, 3_000))
    await backend.open()
    const response = await visit
    assert.equal(response?.status(), 200)
    await page.getByRole("article", { name: "Стандарт", exact: true }).waitFor({ timeout: 30_000 })
    assert.ok(Date.now() - started >= 3_000)
    const main = page.getByRole("main")
    assert.equal(await main.getByRole("alert").count(), 0, "no 'server unavailable'")
    assert.equal(await main.getByRole("status").count(), 0, "no 'starting up' either: the backend answered in time")
  })
)

test("a backend slower than the wait: 'starting up', then the page loads by itself", { timeout: 120_000 }, () =>
  withPage("en", async (page) => {
    await backend.close()
    await page.goto(`${storefrontUrl}/en`, { timeout: 60_000 })
    const status = page.getByRole("main").getByRole("status")
    await status.waitFor({ timeout: 30_000 })
    assert.match(normalize(await status.innerText()), /^Starting up… The server is still starting\./)
    assert.equal(await page.getByRole("main").getByRole("alert").count(), 0, "no error shown")
    await screenshot(page, "storefront-starting-en")

    await backend.open()
    // AutoRefresh asks again every 5 s; the backend's wait makes it up to one more wait
    await page.getByRole("article", { name: "Standard", exact: true }).waitFor({ timeout: 60_000 })
    assert.equal(await page.getByRole("main").getByRole("status").count(), 0)
  })
)
