"use server"

import { hasLocale, type Locale } from "next-intl"
import { redirect } from "@/i18n/navigation"
import { routing } from "@/i18n/routing"
import { register, signIn } from "@/lib/data/auth"
import { removeAuthToken, setAuthToken } from "@/lib/data/cookies"
import { safeReturnPath } from "@/lib/util/return-path"
import {
  checkEmail,
  checkName,
  checkNewPassword,
  checkPasswordPresent,
  textField,
  type FieldError,
} from "@/lib/util/validation"

export type AuthField = "email" | "password" | "first_name" | "last_name"

export type AuthFormState = {
  /** What went wrong with the whole form, if anything (a message key under `Auth.errors`). */
  error: "invalid" | "wrong_credentials" | "email_taken" | "unavailable" | null
  fields: Partial<Record<AuthField, FieldError>>
  /** What the shopper typed (never the password), to fill the form in again. */
  values: Partial<Record<Exclude<AuthField, "password">, string>>
}

/** Where to land after signing in or registering when no return path was given. */
const DEFAULT_RETURN_PATH = "/account"

function localeOf(formData: FormData): Locale {
  const locale = formData.get("locale")
  return hasLocale(routing.locales, locale) ? locale : routing.defaultLocale
}

function withoutEmpty(
  fields: Partial<Record<AuthField, FieldError | null>>
): Partial<Record<AuthField, FieldError>> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, error]) => error)
  ) as Partial<Record<AuthField, FieldError>>
}

export async function signInAction(
  _previous: AuthFormState,
  formData: FormData
): Promise<AuthFormState> {
  const locale = localeOf(formData)
  const email = textField(formData, "email").toLowerCase()
  const password = textField(formData, "password", false)
  const values = { email }

  const fields = withoutEmpty({
    email: checkEmail(email),
    password: checkPasswordPresent(password),
  })
  if (Object.keys(fields).length > 0) {
    return { error: "invalid", fields, values }
  }

  const result = await signIn(email, password)
  if (result.status !== "ok") {
    return { error: result.status, fields: {}, values }
  }

  await setAuthToken(result.token)
  const next = safeReturnPath(formData.get("next")) ?? DEFAULT_RETURN_PATH
  return redirect({ href: next, locale })
}

export async function registerAction(
  _previous: AuthFormState,
  formData: FormData
): Promise<AuthFormState> {
  const locale = localeOf(formData)
  const email = textField(formData, "email").toLowerCase()
  const password = textField(formData, "password", false)
  const firstName = textField(formData, "first_name")
  const lastName = textField(formData, "last_name")
  const values = { email, first_name: firstName, last_name: lastName }

  const fields = withoutEmpty({
    first_name: checkName(firstName, true),
    last_name: checkName(lastName, false),
    email: checkEmail(email),
    password: checkNewPassword(password),
  })
  if (Object.keys(fields).length > 0) {
    return { error: "invalid", fields, values }
  }

  const result = await register({
    email,
    password,
    first_name: firstName,
    last_name: lastName,
  })
  if (result.status !== "ok") {
    return {
      error: result.status,
      fields: result.status === "email_taken" ? { email: "emailTaken" } : {},
      values,
    }
  }

  await setAuthToken(result.token)
  const next = safeReturnPath(formData.get("next")) ?? DEFAULT_RETURN_PATH
  return redirect({ href: next, locale })
}

/**
 * Signing out forgets the token: Medusa's customer JWTs are stateless, so there is no
 * server session to end.
 */
export async function signOutAction(formData: FormData): Promise<void> {
  const locale = localeOf(formData)
  await removeAuthToken()
  redirect({ href: "/", locale })
}
