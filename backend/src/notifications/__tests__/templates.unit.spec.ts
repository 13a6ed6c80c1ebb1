import { preferredLanguage, requestLanguage, type Lang } from "../../lib/i18n"
import { reminderLeadDays } from "../../workflows/queue-subscription-notices"
import { notificationKey, SubscriptionEvents, TEMPLATE_OF_EVENT } from "../events"
import { customerLanguage } from "../language"
import { NOTIFICATION_TEMPLATES, renderNotification, type TemplateData } from "../templates"
import { textToHtml } from "../templates/format"

/** Intl separates an amount from its currency with a no-break space (U+00A0 / U+202F) */
const plain = (value: string) => value.replace(/[\u00a0\u202f]/g, " ")
function render<T extends keyof TemplateData>(template: T, lang: Lang, data: TemplateData[T]) {
  const { subject, text, html } = renderNotification(template, lang, data)
  return { subject: plain(subject), text: plain(text), html }
}

const rub = (amount: number) => ({ amount, currency_code: "rub" })

const SAMPLES: { [T in keyof TemplateData]: TemplateData[T] } = {
  receipt: {
    purchase_id: "pur_1",
    kind: "new",
    plan: "Standard (Monthly)",
    total: rub(299),
    discount: rub(100),
    credit: null,
    period_start: "2026-11-29T10:00:00.000Z",
    period_end: "2026-12-29T10:00:00.000Z",
    card_last4: "4242",
  },
  renewal_reminder: {
    plan: "Standard (Monthly)",
    renews_at: "2026-12-29T10:00:00.000Z",
    amount: rub(399),
    card_last4: "4242",
    account_url: "http://shop/en/account",
  },
  payment_failed: {
    plan: "Premium (Monthly)",
    amount: rub(699),
    card_last4: "0341",
    next_attempt_at: "2026-12-30T10:00:00.000Z",
    access_until: "2027-01-03T10:00:00.000Z",
    account_url: "http://shop/en/account",
  },
  subscription_canceled: {
    plan: "Standard (Monthly)",
    access_until: "2026-12-29T10:00:00.000Z",
    ended: false,
    by: "customer",
    account_url: "http://shop/en/account",
  },
  subscription_expired: { plan: "Standard (Monthly)", ended_at: "2026-12-29T10:00:00.000Z", tariffs_url: "http://shop/en" },
  trial_ending: {
    plan: "Trial (7 days)",
    ends_at: "2026-12-06T10:00:00.000Z",
    conversion: { plan: "Standard (Monthly)", amount: rub(399), card_last4: "4242" },
    account_url: "http://shop/en/account",
  },
}

const CYRILLIC = /[а-яё]/i
const DATES: Record<Lang, string[]> = {
  en: ["December 29, 2026", "December 30, 2026", "January 3, 2027", "December 6, 2026"],
  ru: ["29 декабря 2026", "30 декабря 2026", "3 января 2027", "6 декабря 2026"],
}

describe("notification templates", () => {
  it("has a sample for every template", () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...NOTIFICATION_TEMPLATES].sort())
  })

  describe.each(["ru", "en"] as const)("in %s", (lang) => {
    it.each(NOTIFICATION_TEMPLATES)("renders %s with a subject, a body in the language and its facts", (template) => {
      const { subject, text, html } = render(template, lang, SAMPLES[template] as never)
      expect(subject.length).toBeGreaterThan(5)
      expect(text).not.toMatch(/undefined|null|NaN|\[object/)
      expect(CYRILLIC.test(subject + text)).toBe(lang === "ru")
      // every date of the sample that the template shows is in the language's format
      expect(DATES[lang].some((date) => text.includes(date))).toBe(true)
      expect(html.startsWith("<p>")).toBe(true)
    })

    it("a receipt: plan, amount, discount, period, card", () => {
      const { text } = render("receipt", lang, SAMPLES.receipt)
      expect(text).toContain("Standard (Monthly)")
      expect(text).toContain(lang === "ru" ? "299 ₽" : "RUB 299")
      expect(text).toContain(lang === "ru" ? "100 ₽" : "RUB 100")
      expect(text).toContain("•••• 4242")
      expect(text).toContain(DATES[lang][0])
      const free = render("receipt", lang, { ...SAMPLES.receipt, total: rub(0), discount: null, card_last4: null })
      expect(free.text).not.toContain("••••")
      const renewal = render("receipt", lang, { ...SAMPLES.receipt, kind: "renewal" })
      expect(renewal.subject).not.toEqual(render("receipt", lang, SAMPLES.receipt).subject)
    })

    it("a renewal reminder: date, amount and card", () => {
      const { subject, text } = render("renewal_reminder", lang, SAMPLES.renewal_reminder)
      expect(subject).toContain(DATES[lang][0])
      expect(text).toContain(lang === "ru" ? "399 ₽" : "RUB 399")
      expect(text).toContain("•••• 4242")
    })

    it("a failed payment: the retry date, access end and the account page", () => {
      const { text } = render("payment_failed", lang, SAMPLES.payment_failed)
      expect(text).toContain(DATES[lang][1])
      expect(text).toContain(DATES[lang][2])
      expect(text).toContain("http://shop/en/account")
      expect(text).toContain("•••• 0341")
    })

    it("a cancel: at the period end, or ended now by an admin", () => {
      const atEnd = render("subscription_canceled", lang, SAMPLES.subscription_canceled).text
      const now = render("subscription_canceled", lang, { ...SAMPLES.subscription_canceled, ended: true, by: "admin" }).text
      expect(atEnd).toContain(DATES[lang][0])
      expect(now).toContain(DATES[lang][0])
      expect(now).not.toEqual(atEnd)
    })

    it("a Trial ending: converts with a card, ends without one", () => {
      const converts = render("trial_ending", lang, SAMPLES.trial_ending)
      expect(converts.text).toContain("Standard (Monthly)")
      expect(converts.text).toContain(lang === "ru" ? "399 ₽" : "RUB 399")
      expect(converts.text).toContain("•••• 4242")
      const ends = render("trial_ending", lang, { ...SAMPLES.trial_ending, conversion: null })
      expect(ends.text).not.toContain("••••")
      expect(ends.text).toContain(DATES[lang][3])
    })
  })

  it("escapes the text in its HTML", () => {
    expect(textToHtml("a <b> & c\nd\n\ne")).toEqual("<p>a &lt;b&gt; &amp; c<br>d</p>\n<p>e</p>")
  })
})

describe("notification keys and languages", () => {
  it("keys a notification by template, subscription and occasion", () => {
    expect(notificationKey("receipt", "sub_1", "pur_1")).toEqual("receipt:sub_1:pur_1")
    expect(notificationKey("renewal_reminder", "sub_1", new Date("2026-12-29T10:00:00Z"))).toEqual(
      "renewal_reminder:sub_1:2026-12-29T10:00:00.000Z"
    )
  })

  it("maps every subscription event to a template", () => {
    expect(Object.keys(TEMPLATE_OF_EVENT).sort()).toEqual(Object.values(SubscriptionEvents).sort())
  })

  it("a customer's language is the stored one, else Russian", () => {
    expect(customerLanguage({ locale: "en" })).toEqual("en")
    expect(customerLanguage({ locale: "ru" })).toEqual("ru")
    expect(customerLanguage({ locale: "de" })).toEqual("ru")
    expect(customerLanguage(null)).toEqual("ru")
  })

  it("remembers only a language the request names", () => {
    expect(preferredLanguage("de-DE, en;q=0.5")).toEqual("en")
    expect(preferredLanguage("ru-RU")).toEqual("ru")
    expect(preferredLanguage("de")).toBeNull()
    expect(preferredLanguage(undefined)).toBeNull()
    expect(requestLanguage("de")).toEqual("en")
  })

  it("reads the reminder lead time", () => {
    expect(reminderLeadDays(undefined)).toEqual(3)
    expect(reminderLeadDays("5")).toEqual(5)
    expect(reminderLeadDays("0")).toEqual(0)
    expect(() => reminderLeadDays("-1")).toThrow(RangeError)
    expect(() => reminderLeadDays("soon")).toThrow(RangeError)
  })
})
