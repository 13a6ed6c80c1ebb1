import { medusaIntegrationTestRunner } from "../helpers/contract"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createSalesChannelsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  revokeApiKeysWorkflow,
  updateProductsWorkflow,
} from "@medusajs/medusa/core-flows"
import { seedDemo, SeededApp } from "../helpers/seed"

jest.setTimeout(120 * 1000)

// These tests edit the catalog behind the store's back (module calls, SQL) and
// read it at once: the catalog cache is off but where a test turns it on.
process.env.CATALOG_CACHE_TTL_MS = "0"

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let app: SeededApp

    beforeAll(async () => {
      app = await seedDemo(getContainer())
    })

    describe("GET /store/tariffs", () => {
      it("lists the published tariffs with plans and RUB prices, cheapest first", async () => {
        const res = await api.get("/store/tariffs", app.storeHeaders())
        expect(res.status).toEqual(200)
        const summary = res.data.tariffs.map((t: any) => [
          t.title,
          t.plans.map((p: any) => [p.interval, p.interval_count, p.trial_days, p.price.amount, p.price.currency_code]),
        ])
        expect(summary).toEqual([
          ["Trial", [["day", 7, 7, 0, "rub"]]],
          ["Standard", [["month", 1, 0, 399, "rub"], ["year", 1, 0, 3990, "rub"]]],
          ["Premium", [["month", 1, 0, 699, "rub"], ["year", 1, 0, 6990, "rub"]]],
        ])
        const standard = res.data.tariffs[1]
        expect(standard).toEqual(
          expect.objectContaining({ id: expect.any(String), handle: "standard", description: expect.any(String) })
        )
        expect(standard.plans[0]).toEqual(
          expect.objectContaining({ variant_id: expect.stringMatching(/^variant_/), title: "Monthly" })
        )
      })

      it("answers catalog texts in the request's language (Translation Module)", async () => {
        const texts = (data: any) =>
          data.tariffs.map((t: any) => [t.title, t.description, t.plans.map((p: any) => p.title)])
        const russian = [
          ["Пробный", "7 дней всего каталога бесплатно.", ["7 дней"]],
          ["Стандарт", "Фильмы и сериалы в Full HD на двух экранах.", ["На месяц", "На год"]],
          ["Премиум", "Всё в 4K HDR на четырёх экранах, премьеры включены.", ["На месяц", "На год"]],
        ]
        const english = [
          ["Trial", "7 days of the whole catalogue for free.", ["7 days"]],
          ["Standard", "Films and series in Full HD on two screens.", ["Monthly", "Yearly"]],
          ["Premium", "Everything in 4K HDR on four screens, premieres included.", ["Monthly", "Yearly"]],
        ]

        const ru = await api.get("/store/tariffs", app.storeHeaders({ "accept-language": "ru-RU,ru;q=0.9,en;q=0.8" }))
        expect(ru.status).toEqual(200)
        expect(texts(ru.data)).toEqual(russian)
        const en = await api.get("/store/tariffs", app.storeHeaders({ "accept-language": "en-GB,en;q=0.9" }))
        expect(texts(en.data)).toEqual(english)

        // Medusa's own locale choice (x-medusa-locale, ?locale=) wins over Accept-Language.
        const header = await api.get(
          "/store/tariffs",
          app.storeHeaders({ "x-medusa-locale": "ru", "accept-language": "en" })
        )
        expect(texts(header.data)).toEqual(russian)
        const param = await api.get("/store/tariffs?locale=en-US", app.storeHeaders({ "accept-language": "ru" }))
        expect(texts(param.data)).toEqual(english)

        // Prices and ids do not depend on the language.
        const terms = (data: any) =>
          data.tariffs.map((t: any) => [t.id, t.handle, t.plans.map((p: any) => [p.variant_id, p.price])])
        expect(terms(ru.data)).toEqual(terms(en.data))
      })

      it("shows an admin's edit of a translation, and the seed keeps it", async () => {
        const container = getContainer()
        const translations = container.resolve(Modules.TRANSLATION)
        const [standard] = await container.resolve(Modules.PRODUCT).listProducts({ handle: "standard" })
        const [ruStandard] = await translations.listTranslations({
          reference_id: standard.id,
          locale_code: "ru-RU",
        })
        await translations.updateTranslations({
          id: ruStandard.id,
          translations: { title: "Стандартный", description: "Full HD на двух экранах." },
        })
        await seedDemo(container)

        const ru = await api.get("/store/tariffs", app.storeHeaders({ "accept-language": "ru" }))
        expect(ru.data.tariffs[1]).toEqual(
          expect.objectContaining({ title: "Стандартный", description: "Full HD на двух экранах." })
        )
        await translations.updateTranslations({ id: ruStandard.id, translations: ruStandard.translations })
      })

      it("prices in the currency of the requested region", async () => {
        const res = await api.get(
          `/store/tariffs?region_id=${app.region_ids.usd}`,
          app.storeHeaders()
        )
        expect(res.status).toEqual(200)
        expect(res.data.tariffs.map((t: any) => t.plans.map((p: any) => p.price))).toEqual([
          [{ amount: 0, currency_code: "usd" }],
          [{ amount: 5, currency_code: "usd" }, { amount: 50, currency_code: "usd" }],
          [{ amount: 9, currency_code: "usd" }, { amount: 90, currency_code: "usd" }],
        ])
      })

      it("hides draft tariffs and tariffs of other sales channels", async () => {
        const container = getContainer()
        const products = container.resolve(Modules.PRODUCT)
        const [premium] = await products.listProducts({ handle: "premium" })
        await products.updateProducts(premium.id, { status: ProductStatus.DRAFT })

        const res = await api.get("/store/tariffs", app.storeHeaders())
        expect(res.data.tariffs.map((t: any) => t.title)).toEqual(["Trial", "Standard"])

        const { result: [channel] } = await createSalesChannelsWorkflow(container).run({
          input: { salesChannelsData: [{ name: "Elsewhere" }] },
        })
        const { result: [key] } = await createApiKeysWorkflow(container).run({
          input: { api_keys: [{ title: "other", type: "publishable", created_by: "" }] },
        })
        await linkSalesChannelsToApiKeyWorkflow(container).run({
          input: { id: key.id, add: [channel.id] },
        })
        const other = await api.get("/store/tariffs", {
          headers: { "x-publishable-api-key": key.token },
        })
        expect(other.status).toEqual(200)
        expect(other.data.tariffs).toEqual([])
      })

      it("reuses a publishable key's lookup for a few seconds: a revoked key is refused within PUBLISHABLE_KEY_CACHE_TTL_MS", async () => {
        const container = getContainer()
        const { result: [key] } = await createApiKeysWorkflow(container).run({
          input: { api_keys: [{ title: "revoked soon", type: "publishable", created_by: "" }] },
        })
        const get = () =>
          api
            .get("/store/tariffs", { headers: { "x-publishable-api-key": key.token } })
            .catch((e: any) => e.response)
        // an unknown token is not cached: refused, then accepted once it exists
        const unknown = await api
          .get("/store/tariffs", { headers: { "x-publishable-api-key": `${key.token}x` } })
          .catch((e: any) => e.response)
        expect(unknown.status).toEqual(400)
        const cachedAt = Date.now()
        expect((await get()).status).toEqual(200)
        await revokeApiKeysWorkflow(container).run({
          input: { selector: { id: key.id }, revoke: { revoked_by: "user_test", revoke_in: 0 } },
        })
        const revokedAt = Date.now()
        // the lookup made just before is reused while it is fresh (the default TTL is 5 s;
        // on a machine so loaded that the revoke took that long, there is nothing to reuse)...
        const reused = await get()
        if (Date.now() - cachedAt < 4_500) expect(reused.status).toEqual(200)
        // ...and the key is refused once it expires
        let answer = await get()
        while (answer.status === 200 && Date.now() - revokedAt < 10_000) {
          await new Promise((resolve) => setTimeout(resolve, 200))
          answer = await get()
        }
        expect(answer.status).toEqual(400)
        expect(Date.now() - revokedAt).toBeLessThan(7_000)
      })

      it("answers 400 with a message for an unknown region, in the request's language", async () => {
        const en = await api
          .get("/store/tariffs?region_id=reg_missing", app.storeHeaders())
          .catch((e: any) => e.response)
        expect(en.status).toEqual(400)
        expect(en.data).toEqual({
          type: "invalid_data",
          code: "REGION_NOT_FOUND",
          message: "The region does not exist.",
        })

        const ru = await api
          .get("/store/tariffs?region_id=reg_missing", app.storeHeaders({ "accept-language": "ru-RU,ru;q=0.9,en;q=0.8" }))
          .catch((e: any) => e.response)
        expect(ru.status).toEqual(400)
        expect(ru.data.message).toEqual("Такого региона нет.")
      })

      it.each([
        ["an unknown parameter", "?limit=10"],
        ["an empty region", "?region_id="],
        ["a repeated region", "?region_id=a&region_id=b"],
        ["an overlong region", `?region_id=${"x".repeat(500)}`],
      ])("answers 400 for %s", async (_name, qs) => {
        const res = await api
          .get(`/store/tariffs${qs}`, app.storeHeaders())
          .catch((e: any) => e.response)
        expect(res.status).toEqual(400)
        expect(res.data.type).toEqual("invalid_data")
        expect(res.data.message).toMatch(/^Invalid request/)
      })

      it("answers 400 in Russian for bad parameters when asked in Russian", async () => {
        const res = await api
          .get("/store/tariffs?limit=1", app.storeHeaders({ "accept-language": "ru" }))
          .catch((e: any) => e.response)
        expect(res.status).toEqual(400)
        expect(res.data.message).toMatch(/^Некорректный запрос/)
      })

      it("is cached for its TTL, and a catalog edit (its event) empties the cache", async () => {
        const container = getContainer()
        const products = container.resolve(Modules.PRODUCT)
        const [standard] = await products.listProducts({ handle: "standard" })
        const listed = async () =>
          (await api.get("/store/tariffs", app.storeHeaders())).data.tariffs.some((t: any) => t.id === standard.id)
        process.env.CATALOG_CACHE_TTL_MS = "60000"
        try {
          expect(await listed()).toEqual(true)
          // an edit that announces nothing (SQL) is not seen until the entry expires
          await container
            .resolve(ContainerRegistrationKeys.PG_CONNECTION)
            .raw("update product set status = 'draft' where id = ?", [standard.id])
          expect(await listed()).toEqual(true)
          // an edit as the admin makes it (Medusa's workflow emits product.updated): the cache is emptied
          await updateProductsWorkflow(container).run({
            input: { selector: { id: standard.id }, update: { status: ProductStatus.DRAFT } },
          })
          let shown = await listed()
          for (let i = 0; i < 50 && shown; i++) {
            await new Promise((resolve) => setTimeout(resolve, 100))
            shown = await listed()
          }
          expect(shown).toEqual(false)
        } finally {
          process.env.CATALOG_CACHE_TTL_MS = "0"
          await products.updateProducts(standard.id, { status: ProductStatus.PUBLISHED })
        }
      })

      it("requires the publishable key (Medusa's own 400)", async () => {
        const res = await api.get("/store/tariffs").catch((e: any) => e.response)
        expect(res.status).toEqual(400)
        expect(res.data.type).toEqual("not_allowed")
        expect(res.data.message).toMatch(/Publishable API key required/)
      })
    })
  },
})
