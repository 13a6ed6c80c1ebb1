"use client"

import Field from "@/components/forms/Field"
import FormAlert from "@/components/forms/FormAlert"
import formStyles from "@/components/forms/Form.module.css"
import SubmitButton from "@/components/forms/SubmitButton"
import { Link } from "@/i18n/navigation"
import { registerAction } from "@/lib/actions/auth"
import { NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/util/validation"
import { useAuthForm } from "./useAuthForm"

type Props = {
  /** Path to return to after registering (without the locale prefix). */
  next: string | null
}

export default function RegisterForm({ next }: Props) {
  const { t, state, action, fieldError, hiddenFields, emailField } = useAuthForm(registerAction, next)
  const signInHref = next ? { pathname: "/sign-in", query: { next } } : "/sign-in"

  return (
    <form action={action} noValidate className={formStyles.form}>
      {state.error ? (
        <FormAlert title={t(`formErrors.${state.error}`)} focusKey={state}>
          {state.error === "email_taken" ? (
            <p>
              {t.rich("emailTakenHint", {
                link: (chunks) => <Link href={signInHref}>{chunks}</Link>,
              })}
            </p>
          ) : state.error === "unavailable" ? (
            <p>{t("unavailableHint")}</p>
          ) : null}
        </FormAlert>
      ) : null}

      {hiddenFields}

      <div className={formStyles.row}>
        <Field
          name="first_name"
          label={t("firstName")}
          autoComplete="given-name"
          required
          maxLength={NAME_MAX_LENGTH}
          defaultValue={state.values.first_name}
          error={fieldError("first_name")}
        />
        <Field
          name="last_name"
          label={t("lastName")}
          hint={t("optional")}
          autoComplete="family-name"
          maxLength={NAME_MAX_LENGTH}
          defaultValue={state.values.last_name}
          error={fieldError("last_name")}
        />
      </div>
      {emailField}
      <Field
        name="password"
        type="password"
        label={t("password")}
        hint={t("passwordHint", { min: PASSWORD_MIN_LENGTH })}
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        maxLength={PASSWORD_MAX_LENGTH}
        error={fieldError("password")}
      />
      <SubmitButton label={t("registerSubmit")} pendingLabel={t("registerPending")} />
    </form>
  )
}
