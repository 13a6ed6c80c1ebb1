"use client"

import { useActionState } from "react"
import { useLocale, useTranslations } from "next-intl"
import Field from "@/components/forms/Field"
import type { AuthField, AuthFormState } from "@/lib/actions/auth"
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/util/validation"

const INITIAL: AuthFormState = { error: null, fields: {}, values: {} }

type AuthAction = (state: AuthFormState, form: FormData) => Promise<AuthFormState>

/**
 * What the sign-in and registration forms share: the server action's state,
 * each field's error as a message, the hidden locale and return path, and the
 * email field (filled in again after a refusal).
 */
export function useAuthForm(serverAction: AuthAction, next: string | null) {
  const t = useTranslations("Auth")
  const locale = useLocale()
  const [state, action] = useActionState(serverAction, INITIAL)
  const fieldError = (name: AuthField) => {
    const error = state.fields[name]
    return error
      ? t(`errors.${error}`, { min: PASSWORD_MIN_LENGTH, max: NAME_MAX_LENGTH })
      : undefined
  }
  const hiddenFields = (
    <>
      <input type="hidden" name="locale" value={locale} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
    </>
  )
  const emailField = (
    <Field
      name="email"
      type="email"
      label={t("email")}
      autoComplete="email"
      inputMode="email"
      required
      maxLength={EMAIL_MAX_LENGTH}
      defaultValue={state.values.email}
      error={fieldError("email")}
    />
  )
  return { t, state, action, fieldError, hiddenFields, emailField }
}
