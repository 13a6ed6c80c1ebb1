/**
 * Checks of the account forms, shared by the server actions (the authority) and the forms
 * (which mirror them as `required`, `minLength`, `maxLength`). Each failure is a message key
 * under `Auth.errors`.
 */
export const PASSWORD_MIN_LENGTH = 8
export const PASSWORD_MAX_LENGTH = 128
export const NAME_MAX_LENGTH = 100
export const EMAIL_MAX_LENGTH = 254

export type FieldError =
  | "emailRequired"
  | "emailInvalid"
  | "emailTaken"
  | "passwordRequired"
  | "passwordShort"
  | "passwordLong"
  | "firstNameRequired"
  | "nameLong"

// One @, something on both sides, a dot in the domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export function checkEmail(email: string): FieldError | null {
  if (!email) return "emailRequired"
  if (email.length > EMAIL_MAX_LENGTH || !EMAIL.test(email)) return "emailInvalid"
  return null
}

/** On sign-in any non-empty password is sent: old accounts may have shorter ones. */
export function checkPasswordPresent(password: string): FieldError | null {
  return password ? null : "passwordRequired"
}

export function checkNewPassword(password: string): FieldError | null {
  if (!password) return "passwordRequired"
  if (password.length < PASSWORD_MIN_LENGTH) return "passwordShort"
  if (password.length > PASSWORD_MAX_LENGTH) return "passwordLong"
  return null
}

export function checkName(name: string, required: boolean): FieldError | null {
  if (!name) return required ? "firstNameRequired" : null
  return name.length > NAME_MAX_LENGTH ? "nameLong" : null
}

/** A form field's text, trimmed; passwords are taken as typed. */
export function textField(formData: FormData, name: string, trim = true): string {
  const value = formData.get(name)
  if (typeof value !== "string") return ""
  return trim ? value.trim() : value
}
