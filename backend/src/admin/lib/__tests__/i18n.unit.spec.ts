import i18next from "i18next"
import { initReactI18next } from "react-i18next"
import en from "../../i18n/en"
import resources from "../../i18n/index"
import ru from "../../i18n/ru"
import {
  formatAmount,
  formatAmounts,
  formatDate,
  formatDateTime,
  formatInterval,
  formatPromocodeValue,
  reasonLabel,
  statusLabel,
} from "../format"
import { tr } from "../i18n"
import { validatePromocodeForm, emptyPromocodeForm } from "../promocode-form"

/** Every key path of a texts object, "a.b.c". */
function keys(node: unknown, prefix = ""): string[] {
  if (typeof node === "string") {
    return [prefix]
  }
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
    keys(v, prefix ? `${prefix}.${k}` : k)
  )
}

function leaf(node: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((n, k) => (n as Record<string, unknown>)?.[k], node)
}

describe("admin translations", () => {
  it("has every English key in Russian, filled in, with the same placeholders", () => {
    expect(keys(ru).sort()).toEqual(keys(en).sort())
    for (const path of keys(en)) {
      const ruText = leaf(ru, path) as string
      const enText = leaf(en, path) as string
      expect([path, ruText.trim().length > 0]).toEqual([path, true])
      const vars = (text: string) => (text.match(/\{\{\w+\}\}/g) ?? []).sort()
      expect([path, vars(ruText)]).toEqual([path, vars(enText)])
    }
  })

  it("ships both languages under the dashboard's translation namespace", () => {
    expect(Object.keys(resources).sort()).toEqual(["en", "ru"])
    expect(resources.ru.translation.cinema).toBe(ru)
    expect(resources.en.translation.cinema).toBe(en)
  })
})

describe("in the language the admin picked", () => {
  beforeAll(async () => {
    await i18next.use(initReactI18next).init({
      resources,
      lng: "ru",
      fallbackLng: "en",
      interpolation: { escapeValue: false },
    })
  })

  afterAll(async () => {
    await i18next.changeLanguage("en")
  })

  it("speaks Russian when the admin picked Russian", async () => {
    await i18next.changeLanguage("ru")
    expect(statusLabel("active")).toBe("Активен")
    expect(reasonLabel("PROMOCODE_EXPIRED")).toBe("Срок действия промокода истёк.")
    expect(reasonLabel("purchase_failed:card_declined")).toBe("Покупка не состоялась: карта отклонена.")
    expect(tr("report.title")).toBe("Отчёт по промокодам")
    // form checks too
    expect(validatePromocodeForm({ ...emptyPromocodeForm(), type: "percentage", value: "0" }).value).toBe(
      "Введите процент больше 0 и не больше 100."
    )
  })

  it("declines counts the Russian way", async () => {
    await i18next.changeLanguage("ru")
    const free = (days: number) =>
      formatPromocodeValue({ type: "free_period", value: null, currency_code: null, free_days: days })
    expect([free(1), free(3), free(5), free(21)]).toEqual([
      "1 день бесплатно",
      "3 дня бесплатно",
      "5 дней бесплатно",
      "21 день бесплатно",
    ])
    expect(formatInterval("month", 1)).toBe("каждый месяц")
    expect(formatInterval("month", 3)).toBe("каждые 3 месяца")
  })

  it("writes dates, numbers and money in one format per language", async () => {
    const noon = "2026-11-29T12:00:00Z"
    await i18next.changeLanguage("ru")
    expect(formatDate(noon)).toBe("29.11.2026")
    expect(formatAmount(3990, "rub").replace(/\s/g, " ")).toBe("3 990 ₽")
    expect(formatAmounts([]).replace(/\s/g, " ")).toBe("0 ₽")
    await i18next.changeLanguage("en")
    expect(formatDate(noon)).toBe("11/29/2026")
    expect(formatAmount(3990, "rub")).toBe("₽3,990")
  })

  it("shows a time with its zone, in the viewer's own zone", async () => {
    await i18next.changeLanguage("ru")
    const at = "2026-11-29T14:17:00Z"
    const shown = formatDateTime(at)
    // the viewer's zone (whatever this machine's is), named
    const zone = new Intl.DateTimeFormat("ru", { timeZoneName: "short" })
      .formatToParts(new Date(at))
      .find((p) => p.type === "timeZoneName")?.value
    expect(zone).toBeTruthy()
    expect(shown.endsWith(` ${zone}`)).toBe(true)
    const hour = new Intl.DateTimeFormat("ru", { hour: "2-digit", minute: "2-digit" }).format(new Date(at))
    expect(shown).toContain(hour)
  })
})
