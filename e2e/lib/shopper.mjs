// A shopper's steps through the storefront, in either language, as a person would take
// them: by labels, roles and visible texts. Shared by the journey tests.
import assert from "node:assert/strict"
import { randomBytes } from "node:crypto"
import { formatPrice, normalize, STOREFRONT_URL, textOf } from "./browser.mjs"

/** What the shopper reads on the pages, per language. */
export const UI = {
  ru: {
    firstName: "Имя",
    lastName: "Фамилия",
    email: "Электронная почта",
    password: "Пароль",
    registerSubmit: "Зарегистрироваться",
    signInSubmit: "Войти",
    signInTitle: "Вход",
    signInLink: "Войти",
    signOut: "Выйти",
    accountTitle: "Личный кабинет",
    greeting: (name) => `Здравствуйте, ${name}!`,
    promoLabel: "Промокод",
    apply: "Применить",
    removeCode: /^Убрать промокод/,
    summary: "Ваш заказ",
    total: "Итого",
    pay: /^Оплатить /,
    payAgain: /^Попробовать снова/,
    cards: {
      tok_success: "Платёж проходит",
      tok_declined: "Карта отклонена",
      tok_insufficient_funds: "Недостаточно средств",
      tok_error: "Ошибка шлюза",
    },
    emulated: "Оплата эмулируется",
    declinedTitle: "Платёж отклонён",
    cardDeclined: "Банк отклонил карту.",
    codeStillApplied: (code) => `Промокод ${code} по-прежнему применён.`,
    successTitle: "Оплата прошла",
    applied: (code) => `Промокод ${code} применён`,
    expired: (code) => `Срок действия промокода «${code}» истёк.`,
    unknown: (code) => `Промокода «${code}» не существует.`,
    invalid: (code) => `«${code}» — некорректный промокод.`,
    activeUntil: "Действует до",
    yourPlan: "Ваш тариф",
    paid: "Оплачено",
    tariffsNav: "Тарифы",
  },
  en: {
    firstName: "First name",
    lastName: "Last name",
    email: "Email",
    password: "Password",
    registerSubmit: "Create account",
    signInSubmit: "Sign in",
    signInTitle: "Sign in",
    signInLink: "Sign in",
    signOut: "Sign out",
    accountTitle: "My account",
    greeting: (name) => `Hello, ${name}!`,
    promoLabel: "Promo code",
    apply: "Apply",
    removeCode: /^Remove promo code/,
    summary: "Your order",
    total: "Total",
    pay: /^Pay /,
    payAgain: /^Try again/,
    cards: {
      tok_success: "Payment succeeds",
      tok_declined: "Card declined",
      tok_insufficient_funds: "Insufficient funds",
      tok_error: "Gateway error",
    },
    emulated: "Payment is emulated",
    declinedTitle: "Payment declined",
    cardDeclined: "The bank declined the card.",
    codeStillApplied: (code) => `Your promo code ${code} is still applied.`,
    successTitle: "Payment successful",
    applied: (code) => `Code ${code} applied`,
    expired: (code) => `The promo code “${code}” has expired.`,
    unknown: (code) => `There is no promo code “${code}”.`,
    invalid: (code) => `“${code}” is not a valid promo code.`,
    activeUntil: "Active until",
    yourPlan: "Your plan",
    paid: "Amount paid",
    tariffsNav: "Plans",
  },
}

export const PASSWORD = "correct-horse-42"

/** A fresh address per call, so every test has its own customer. */
export function uniqueEmail(tag) {
  return `e2e-${tag}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}@example.com`
}

export const url = (path) => `${STOREFRONT_URL}${path}`

/** `/ru/account` for a path; query strings are compared too. */
export async function waitForPath(page, path) {
  await page.waitForURL((current) => `${current.pathname}${current.search}` === path)
}

export async function register(page, locale, { firstName, lastName = "", email, password = PASSWORD }) {
  const ui = UI[locale]
  await page.goto(url(`/${locale}/register`))
  await page.getByLabel(ui.firstName, { exact: true }).fill(firstName)
  await page.getByLabel(ui.lastName, { exact: true }).fill(lastName)
  await page.getByLabel(ui.email, { exact: true }).fill(email)
  await page.getByLabel(ui.password, { exact: true }).fill(password)
  await page.getByRole("button", { name: ui.registerSubmit, exact: true }).click()
  await waitForPath(page, `/${locale}/account`)
  await page.getByRole("heading", { level: 1, name: ui.accountTitle }).waitFor()
}

/** Fills and sends the sign-in form of the page that is open. */
export async function submitSignIn(page, locale, email, password = PASSWORD) {
  const ui = UI[locale]
  await page.getByLabel(ui.email, { exact: true }).fill(email)
  await page.getByLabel(ui.password, { exact: true }).fill(password)
  await page.getByRole("main").getByRole("button", { name: ui.signInSubmit, exact: true }).click()
}

export async function signOut(page, locale) {
  const ui = UI[locale]
  await page.getByRole("banner").getByRole("button", { name: ui.signOut, exact: true }).click()
  await waitForPath(page, `/${locale}`)
  await page.getByRole("banner").getByRole("link", { name: ui.signInLink, exact: true }).waitFor()
}

/** From the tariffs page: the plan's "Choose" button, e.g. ("Standard", "for a month"). */
export async function openCheckout(page, locale, tariff, period) {
  await page.goto(url(`/${locale}`))
  const card = page.getByRole("article", { name: tariff, exact: true })
  await card.getByRole("link", { name: new RegExp(`${tariff} ${period}$`) }).click()
  await page.waitForURL(/\/checkout\//)
  await summary(page, locale).waitFor()
}

export const summary = (page, locale) => page.getByRole("region", { name: UI[locale].summary })

/** The order summary's total line as the shopper reads it, e.g. "Итого 299 ₽". */
export async function assertTotal(page, locale, amount) {
  const ui = UI[locale]
  const expected = normalize(`${ui.total} ${formatPrice(amount, locale)}`)
  const box = summary(page, locale)
  await box.getByText(normalize(formatPrice(amount, locale)), { exact: true }).last().waitFor()
  const text = await textOf(box)
  assert.ok(text.includes(expected), `expected "${expected}" in the order summary "${text}"`)
  return text
}

export async function applyCode(page, locale, code) {
  const ui = UI[locale]
  const input = page.getByLabel(ui.promoLabel, { exact: true })
  await input.fill(code)
  await page.getByRole("button", { name: ui.apply, exact: true }).click()
  await page.waitForURL((current) => current.searchParams.get("code") === code.trim())
}

/** The promo code's outcome: the rejection (an alert) or the applied code (a status). */
export async function promoMessage(page, kind) {
  const form = page.getByRole("region", { name: /промокод|promo code/i })
  const message = form.getByRole(kind === "error" ? "alert" : "status")
  await message.waitFor()
  return textOf(message)
}

export async function chooseCard(page, locale, token) {
  await page.getByRole("radio", { name: UI[locale].cards[token] }).check()
}

export async function pay(page, locale, { again = false } = {}) {
  const ui = UI[locale]
  await page.getByRole("button", { name: again ? ui.payAgain : ui.pay }).click()
}
