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

/**
 * Locales of the catalog (BCP 47, as the Translation Module stores them): the
 * store's supported locales, and the language of each translation below.
 * Titles are stored in English; `ru` holds the Russian translation.
 */
export { CATALOG_LOCALES } from "../../lib/i18n"

export type PlanSeed = {
  title: string
  ru: { title: string }
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
  ru: { title: string; description: string }
  plans: PlanSeed[]
}

export const TARIFFS: TariffSeed[] = [
  {
    title: "Trial",
    handle: "trial",
    description: "7 days of the whole catalogue for free.",
    ru: { title: "Пробный", description: "7 дней всего каталога бесплатно." },
    plans: [
      {
        title: "7 days",
        ru: { title: "7 дней" },
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
    ru: { title: "Стандарт", description: "Фильмы и сериалы в Full HD на двух экранах." },
    plans: [
      {
        title: "Monthly",
        ru: { title: "На месяц" },
        sku: "STANDARD-1M",
        interval: "month",
        interval_count: 1,
        trial_days: 0,
        prices: { rub: 399, usd: 5 },
      },
      {
        title: "Yearly",
        ru: { title: "На год" },
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
    ru: {
      title: "Премиум",
      description: "Всё в 4K HDR на четырёх экранах, премьеры включены.",
    },
    plans: [
      {
        title: "Monthly",
        ru: { title: "На месяц" },
        sku: "PREMIUM-1M",
        interval: "month",
        interval_count: 1,
        trial_days: 0,
        prices: { rub: 699, usd: 9 },
      },
      {
        title: "Yearly",
        ru: { title: "На год" },
        sku: "PREMIUM-1Y",
        interval: "year",
        interval_count: 1,
        trial_days: 0,
        prices: { rub: 6990, usd: 90 },
      },
    ],
  },
]
