#!/usr/bin/env node
// A stand-in for the Medusa backend's store API, for developing the storefront without
// Postgres: `node e2e/mock-backend.mjs` (PORT, default 9100). It serves the seed's tariffs
// in the shape of DESIGN.md's contract. MOCK_TARIFFS=empty serves no tariffs;
// MOCK_TARIFFS=error answers 500; MOCK_DELAY_MS delays every answer.
// The real e2e run (`make test`) uses the real backend, not this file.
import http from "node:http"

const PORT = Number(process.env.PORT ?? 9100)
const MODE = process.env.MOCK_TARIFFS ?? "seed"
const DELAY_MS = Number(process.env.MOCK_DELAY_MS ?? 0)

const REGIONS = [
  { id: "reg_mock_rub", name: "Россия", currency_code: "rub", countries: [{ iso_2: "ru" }] },
  {
    id: "reg_mock_usd",
    name: "International",
    currency_code: "usd",
    countries: [{ iso_2: "us" }, { iso_2: "gb" }, { iso_2: "de" }],
  },
]
const DEFAULT_REGION = REGIONS[0]

// Mirrors backend/src/scripts/seed/data.ts.
const TARIFFS = [
  {
    id: "prod_mock_trial",
    title: "Trial",
    handle: "trial",
    description: "7 days of the whole catalogue for free.",
    plans: [
      { variant_id: "variant_mock_trial_7d", title: "7 days", interval: "day", interval_count: 7, trial_days: 7, prices: { rub: 0, usd: 0 } },
    ],
  },
  {
    id: "prod_mock_standard",
    title: "Standard",
    handle: "standard",
    description: "Films and series in Full HD on two screens.",
    plans: [
      { variant_id: "variant_mock_standard_1m", title: "Monthly", interval: "month", interval_count: 1, trial_days: 0, prices: { rub: 399, usd: 5 } },
      { variant_id: "variant_mock_standard_1y", title: "Yearly", interval: "year", interval_count: 1, trial_days: 0, prices: { rub: 3990, usd: 50 } },
    ],
  },
  {
    id: "prod_mock_premium",
    title: "Premium",
    handle: "premium",
    description: "Everything in 4K HDR on four screens, premieres included.",
    plans: [
      { variant_id: "variant_mock_premium_1m", title: "Monthly", interval: "month", interval_count: 1, trial_days: 0, prices: { rub: 699, usd: 9 } },
      { variant_id: "variant_mock_premium_1y", title: "Yearly", interval: "year", interval_count: 1, trial_days: 0, prices: { rub: 6990, usd: 90 } },
    ],
  },
]

function tariffsFor(region) {
  return TARIFFS.map(({ plans, ...tariff }) => ({
    ...tariff,
    plans: plans.map(({ prices, ...plan }) => ({
      ...plan,
      price: { amount: prices[region.currency_code], currency_code: region.currency_code },
    })),
  }))
}

function send(res, status, body) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" })
  res.end(JSON.stringify(body))
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? "/", `http://localhost:${PORT}`)
  setTimeout(() => {
    if (url.pathname === "/health") {
      return send(res, 200, { status: "ok" })
    }
    if (!url.pathname.startsWith("/store/")) {
      return send(res, 404, { type: "not_found", message: `Cannot ${req.method} ${url.pathname}` })
    }
    if (!req.headers["x-publishable-api-key"]) {
      return send(res, 400, {
        type: "not_allowed",
        message:
          "Publishable API key required in the request header: x-publishable-api-key. You can manage your keys in settings in the dashboard.",
      })
    }
    if (req.method === "GET" && url.pathname === "/store/regions") {
      return send(res, 200, { regions: REGIONS, count: REGIONS.length, offset: 0, limit: 100 })
    }
    if (req.method === "GET" && url.pathname === "/store/tariffs") {
      if (MODE === "error") {
        return send(res, 500, { type: "unknown_error", message: "An unknown error occurred." })
      }
      const regionId = url.searchParams.get("region_id")
      const region = regionId ? REGIONS.find((r) => r.id === regionId) : DEFAULT_REGION
      if (!region) {
        return send(res, 404, { type: "not_found", message: `Region with id: ${regionId} was not found` })
      }
      return send(res, 200, { tariffs: MODE === "empty" ? [] : tariffsFor(region) })
    }
    return send(res, 404, { type: "not_found", message: `Cannot ${req.method} ${url.pathname}` })
  }, DELAY_MS)
})

server.listen(PORT, () => {
  process.stdout.write(`mock backend on http://localhost:${PORT} (tariffs: ${MODE})\n`)
})

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)))
}
