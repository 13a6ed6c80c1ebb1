import fs from "node:fs"
import path from "node:path"
import { ExecArgs } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  Modules,
  ProductStatus,
} from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createCustomerAccountWorkflow,
  createProductTypesWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createStockLocationsWorkflow,
  createTranslationsWorkflow,
  createUsersWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { SUBSCRIPTION_MODULE } from "../modules/subscription"
import { DIGITAL_DELIVERY_LOCATION } from "../workflows/record-purchase-order/delivery-input"
import type SubscriptionModuleService from "../modules/subscription/service"
import {
  CATALOG_LOCALES,
  DEMO_ADMIN,
  DEMO_CUSTOMER,
  PUBLISHABLE_KEY_TITLE,
  REGIONS,
  SALES_CHANNEL_NAME,
  TARIFFS,
  TARIFF_PRODUCT_TYPE,
} from "./seed/data"
import { seedPromocodes } from "./seed/promocodes"

type Container = ExecArgs["container"]

/**
 * Idempotent demo data: every step looks for what it would create first, so a
 * second run changes nothing. `SEED_OUTPUT=path` writes the publishable key and
 * the demo logins as JSON for `make dev` to print.
 */
export default async function seed({ container }: ExecArgs): Promise<SeedSummary> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)

  const salesChannelId = await ensureSalesChannel(container)
  const publishableKey = await ensurePublishableKey(container, salesChannelId)
  const regionIds = await ensureRegions(container)
  await ensureStore(container, salesChannelId, regionIds.rub)
  await ensureTariffs(container, salesChannelId)
  await ensureCatalogTranslations(container)
  await ensureDeliveryLocation(container)
  await ensureAdmin(container)
  await ensureCustomer(container)
  await seedPromocodes(container)

  const summary: SeedSummary = {
    publishable_key: publishableKey,
    region_ids: regionIds,
    admin: DEMO_ADMIN,
    customer: { email: DEMO_CUSTOMER.email, password: DEMO_CUSTOMER.password },
  }
  if (process.env.SEED_OUTPUT) {
    const file = path.resolve(process.env.SEED_OUTPUT)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, JSON.stringify(summary, null, 2))
  }
  logger.info(`Seed complete. Publishable key: ${publishableKey}`)
  return summary
}

export type SeedSummary = {
  publishable_key: string
  region_ids: Record<string, string>
  admin: { email: string; password: string }
  customer: { email: string; password: string }
}

async function ensureSalesChannel(container: Container): Promise<string> {
  const salesChannels = container.resolve(Modules.SALES_CHANNEL)
  const [existing] = await salesChannels.listSalesChannels({
    name: SALES_CHANNEL_NAME,
  })
  if (existing) {
    return existing.id
  }
  const { result } = await createSalesChannelsWorkflow(container).run({
    input: {
      salesChannelsData: [
        { name: SALES_CHANNEL_NAME, description: "Tariffs of the cinema" },
      ],
    },
  })
  return result[0].id
}

async function ensurePublishableKey(
  container: Container,
  salesChannelId: string
): Promise<string> {
  const apiKeys = container.resolve(Modules.API_KEY)
  let [key] = await apiKeys.listApiKeys({
    title: PUBLISHABLE_KEY_TITLE,
    type: "publishable",
  })
  if (!key) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: {
        api_keys: [
          { title: PUBLISHABLE_KEY_TITLE, type: "publishable", created_by: "" },
        ],
      },
    })
    key = result[0]
    await linkSalesChannelsToApiKeyWorkflow(container).run({
      input: { id: key.id, add: [salesChannelId] },
    })
  }
  return key.token
}

async function ensureRegions(
  container: Container
): Promise<Record<string, string>> {
  const regions = container.resolve(Modules.REGION)
  const ids: Record<string, string> = {}
  for (const region of REGIONS) {
    const [existing] = await regions.listRegions({
      currency_code: region.currency_code,
    })
    if (existing) {
      ids[region.currency_code] = existing.id
      continue
    }
    const { result } = await createRegionsWorkflow(container).run({
      input: {
        regions: [
          {
            name: region.name,
            currency_code: region.currency_code,
            countries: [...region.countries],
            payment_providers: ["pp_system_default"],
          },
        ],
      },
    })
    ids[region.currency_code] = result[0].id
  }
  return ids
}

async function ensureStore(
  container: Container,
  salesChannelId: string,
  defaultRegionId: string
) {
  const stores = container.resolve(Modules.STORE)
  const [store] = await stores.listStores(
    {},
    { relations: ["supported_currencies", "supported_locales"] }
  )
  const currencies = (store.supported_currencies ?? []).map(
    (c) => c.currency_code
  )
  const locales = (store.supported_locales ?? []).map((l) => l.locale_code)
  const alreadyConfigured =
    store.default_sales_channel_id === salesChannelId &&
    store.default_region_id === defaultRegionId &&
    REGIONS.every((r) => currencies.includes(r.currency_code)) &&
    Object.values(CATALOG_LOCALES).every((code) => locales.includes(code))
  if (alreadyConfigured) {
    return
  }
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: "Cinema",
        default_sales_channel_id: salesChannelId,
        default_region_id: defaultRegionId,
        supported_currencies: REGIONS.map((r) => ({
          currency_code: r.currency_code,
          is_default: r.is_default,
        })),
        // The languages the admin's Settings → Translations offers for the catalog.
        supported_locales: Object.values(CATALOG_LOCALES).map((code) => ({
          locale_code: code,
        })),
      },
    },
  })
}

async function ensureTariffType(container: Container): Promise<string> {
  const products = container.resolve(Modules.PRODUCT)
  const [existing] = await products.listProductTypes({
    value: TARIFF_PRODUCT_TYPE,
  })
  if (existing) {
    return existing.id
  }
  const { result } = await createProductTypesWorkflow(container).run({
    input: { product_types: [{ value: TARIFF_PRODUCT_TYPE }] },
  })
  return result[0].id
}

async function ensureTariffs(container: Container, salesChannelId: string) {
  const products = container.resolve(Modules.PRODUCT)
  const subscriptions = container.resolve<SubscriptionModuleService>(SUBSCRIPTION_MODULE)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const typeId = await ensureTariffType(container)

  for (const tariff of TARIFFS) {
    const [existing] = await products.listProducts({ handle: tariff.handle })
    if (!existing) {
      await createProductsWorkflow(container).run({
        input: {
          products: [
            {
              title: tariff.title,
              handle: tariff.handle,
              description: tariff.description,
              status: ProductStatus.PUBLISHED,
              type_id: typeId,
              sales_channels: [{ id: salesChannelId }],
              options: [
                {
                  title: "Plan",
                  values: tariff.plans.map((p) => p.title),
                  is_exclusive: true,
                },
              ],
              variants: tariff.plans.map((plan) => ({
                title: plan.title,
                sku: plan.sku,
                manage_inventory: false,
                options: { Plan: plan.title },
                prices: [
                  { amount: plan.prices.rub, currency_code: "rub" },
                  { amount: plan.prices.usd, currency_code: "usd" },
                ],
              })),
            },
          ],
        },
      })
    }

    const { data: variants } = await query.graph({
      entity: "product_variant",
      fields: ["id", "sku", "subscription_plan.id"],
      filters: { sku: tariff.plans.map((p) => p.sku) },
    })
    for (const plan of tariff.plans) {
      const variant = variants.find((v) => v.sku === plan.sku)
      if (!variant || variant.subscription_plan) {
        continue
      }
      const created = await subscriptions.createSubscriptionPlans({
        interval: plan.interval,
        interval_count: plan.interval_count,
        trial_days: plan.trial_days,
      })
      await link.create({
        [Modules.PRODUCT]: { product_variant_id: variant.id },
        [SUBSCRIPTION_MODULE]: { subscription_plan_id: created.id },
      })
    }
  }
}

/**
 * Tariff and plan titles and descriptions in every catalog locale, through
 * Medusa's Translation Module: `GET /store/tariffs` answers in the request's
 * language, and admins edit them in Settings → Translations. Only missing
 * translations are created, so an admin's edits survive a second seed.
 */
async function ensureCatalogTranslations(container: Container) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "handle", "variants.id", "variants.sku"],
    filters: { handle: TARIFFS.map((t) => t.handle) },
  })

  const wanted: {
    reference: "product" | "product_variant"
    reference_id: string
    locale_code: string
    translations: Record<string, string>
  }[] = []
  for (const tariff of TARIFFS) {
    const product = products.find((p) => p.handle === tariff.handle)
    if (!product) {
      continue
    }
    const texts = {
      [CATALOG_LOCALES.en]: { title: tariff.title, description: tariff.description },
      [CATALOG_LOCALES.ru]: tariff.ru,
    }
    for (const [locale_code, translations] of Object.entries(texts)) {
      wanted.push({ reference: "product", reference_id: product.id, locale_code, translations })
    }
    for (const plan of tariff.plans) {
      const variant = (product.variants ?? []).find((v) => v?.sku === plan.sku)
      if (!variant) {
        continue
      }
      const planTexts = {
        [CATALOG_LOCALES.en]: { title: plan.title },
        [CATALOG_LOCALES.ru]: plan.ru,
      }
      for (const [locale_code, translations] of Object.entries(planTexts)) {
        wanted.push({
          reference: "product_variant",
          reference_id: variant.id,
          locale_code,
          translations,
        })
      }
    }
  }
  if (!wanted.length) {
    return
  }

  const existing = await container.resolve(Modules.TRANSLATION).listTranslations(
    {
      reference_id: wanted.map((w) => w.reference_id),
      locale_code: Object.values(CATALOG_LOCALES),
    },
    { select: ["reference_id", "locale_code"], take: null }
  )
  const have = new Set(existing.map((t) => `${t.reference_id}|${t.locale_code}`))
  const missing = wanted.filter((w) => !have.has(`${w.reference_id}|${w.locale_code}`))
  if (missing.length) {
    await createTranslationsWorkflow(container).run({
      input: { translations: missing },
    })
  }
}

/** Where tariff orders are fulfilled from: delivered digitally, nothing is shipped. */
async function ensureDeliveryLocation(container: Container) {
  const [existing] = await container
    .resolve(Modules.STOCK_LOCATION)
    .listStockLocations({ name: DIGITAL_DELIVERY_LOCATION }, { take: 1 })
  if (existing) {
    return
  }
  await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: DIGITAL_DELIVERY_LOCATION }] },
  })
}

async function ensureAdmin(container: Container) {
  const users = container.resolve(Modules.USER)
  const [existing] = await users.listUsers({ email: DEMO_ADMIN.email })
  if (existing) {
    return
  }
  const auth = container.resolve(Modules.AUTH)
  const { result } = await createUsersWorkflow(container).run({
    input: { users: [{ email: DEMO_ADMIN.email, first_name: "Admin" }] },
  })
  const { authIdentity, error } = await auth.register("emailpass", {
    body: { email: DEMO_ADMIN.email, password: DEMO_ADMIN.password },
  })
  if (error || !authIdentity) {
    throw new Error(`Could not register the demo admin: ${error}`)
  }
  await auth.updateAuthIdentities({
    id: authIdentity.id,
    app_metadata: { user_id: result[0].id },
  })
}

async function ensureCustomer(container: Container) {
  const customers = container.resolve(Modules.CUSTOMER)
  const [existing] = await customers.listCustomers({
    email: DEMO_CUSTOMER.email,
    has_account: true,
  })
  if (existing) {
    return
  }
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity, error } = await auth.register("emailpass", {
    body: { email: DEMO_CUSTOMER.email, password: DEMO_CUSTOMER.password },
  })
  if (error || !authIdentity) {
    throw new Error(`Could not register the demo customer: ${error}`)
  }
  await createCustomerAccountWorkflow(container).run({
    input: {
      authIdentityId: authIdentity.id,
      customerData: {
        email: DEMO_CUSTOMER.email,
        first_name: DEMO_CUSTOMER.first_name,
        last_name: DEMO_CUSTOMER.last_name,
      },
    },
  })
}
