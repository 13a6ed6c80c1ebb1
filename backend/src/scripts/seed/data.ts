/**
 * Demo data: everything `make seed` puts into an empty database.
 * Amounts are in major units (399 = 399 RUB).
 */
export const DEMO_ADMIN = {
  email: process.env.SEED_ADMIN_EMAIL || "admin@cinema.local",
  password: process.env.SEED_ADMIN_PASSWORD || "admin12345",
}

export const DEMO_CUSTOMER = {
  email: process.env.SEED_CUSTOMER_EMAIL || "viewer@cinema.local",
  password: process.env.SEED_CUSTOMER_PASSWORD || "viewer12345",
  first_name: "Demo",
  last_name: "Viewer",
}

export const SALES_CHANNEL_NAME = "Cinema Online"
export const PUBLISHABLE_KEY_TITLE = "Cinema storefront"
export const TARIFF_PRODUCT_TYPE = "tariff"

export const REGIONS = [
  { name: "Россия", currency_code: "rub", countries: ["ru"], is_default: true },
  { name: "International", currency_code: "usd", countries: ["us", "gb", "de"], is_default: false },
] as const

export type PlanSeed = {
  title: string
  sku: string
  interval: "day" | "month" | "year"
  interval_count: number
  trial_days: number
  prices: { rub: number; usd: number }
}

export type TariffSeed = {
  title: string
  handle: string
  description: string
  plans: PlanSeed[]
}

export const TARIFFS: TariffSeed[] = [
  {
    title: "Trial",
    handle: "trial",
    description: "7 days of the whole catalogue for free.",
    plans: [
      {
        title: "7 days",
        sku: "TRIAL-7D",
        interval: "day",
        interval_count: 7,
        trial_days: 7,
        prices: { rub: 0, usd: 0 },
      },
    ],
  },
  {
    title: "Standard",
    handle: "standard",
    description: "Films and series in Full HD on two screens.",
    plans: [
      {
        title: "Monthly",
        sku: "STANDARD-1M",
        interval: "month",
        interval_count: 1,
        trial_days: 0,
        prices: { rub: 399, usd: 5 },
      },
      {
        title: "Yearly",
        sku: "STANDARD-1Y",
        interval: "year",
        interval_count: 1,
        trial_days: 0,
        prices: { rub: 3990, usd: 50 },
      },
    ],
  },
  {
    title: "Premium",
    handle: "premium",
    description: "Everything in 4K HDR on four screens, premieres included.",
    plans: [
      {
        title: "Monthly",
        sku: "PREMIUM-1M",
        interval: "month",
        interval_count: 1,
        trial_days: 0,
        prices: { rub: 699, usd: 9 },
      },
      {
        title: "Yearly",
        sku: "PREMIUM-1Y",
        interval: "year",
        interval_count: 1,
        trial_days: 0,
        prices: { rub: 6990, usd: 90 },
      },
    ],
  },
]
