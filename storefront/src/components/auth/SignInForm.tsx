"use client"

import Field from "@/components/forms/Field"
import FormAlert from "@/components/forms/FormAlert"
import formStyles from "@/components/forms/Form.module.css"
import SubmitButton from "@/components/forms/SubmitButton"
import { signInAction } from "@/lib/actions/auth"
import { useAuthForm } from "./useAuthForm"

type Props = {
  /** Path to return to after signing in (without the locale prefix). */
  next: string | null
}

export default function SignInForm({ next }: Props) {
  const { t, state, action, fieldError, hiddenFields, emailField } = useAuthForm(signInAction, next)

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

      {hiddenFields}
      {emailField}
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
