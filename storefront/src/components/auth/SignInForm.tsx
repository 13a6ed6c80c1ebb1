"use client"

import { useActionState } from "react"
import { useLocale, useTranslations } from "next-intl"
import Field from "@/components/forms/Field"
import FormAlert from "@/components/forms/FormAlert"
import formStyles from "@/components/forms/Form.module.css"
import SubmitButton from "@/components/forms/SubmitButton"
import { signInAction, type AuthFormState } from "@/lib/actions/auth"
import { EMAIL_MAX_LENGTH } from "@/lib/util/validation"

const INITIAL: AuthFormState = { error: null, fields: {}, values: {} }

type Props = {
  /** Path to return to after signing in (without the locale prefix). */
  next: string | null
}

export default function SignInForm({ next }: Props) {
  const t = useTranslations("Auth")
  const locale = useLocale()
  const [state, action] = useActionState(signInAction, INITIAL)
  const fieldError = (name: "email" | "password") => {
    const error = state.fields[name]
    return error ? t(`errors.${error}`) : undefined
  }

  return (
    <form action={action} noValidate className={formStyles.form}>
      {state.error ? (
        <FormAlert title={t(`formErrors.${state.error}`)} focusKey={state}>
          {state.error === "wrong_credentials" ? (
            <p>{t("wrongCredentialsHint")}</p>
          ) : state.error === "unavailable" ? (
            <p>{t("unavailableHint")}</p>
          ) : null}
        </FormAlert>
      ) : null}

      <input type="hidden" name="locale" value={locale} />
      {next ? <input type="hidden" name="next" value={next} /> : null}

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
      <Field
        name="password"
        type="password"
        label={t("password")}
        autoComplete="current-password"
        required
        error={fieldError("password")}
      />
      <SubmitButton label={t("signInSubmit")} pendingLabel={t("signInPending")} />
    </form>
  )
}
