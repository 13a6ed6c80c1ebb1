import { useState, type FormEvent } from "react"
import { focusFirstError } from "../components/field"
import { mapServerError, type FieldErrors } from "../lib/errors"

/**
 * The state of a form whose fields are checked before anything is sent: its
 * values, an error per field (cleared as soon as that field changes) and an
 * error for the form as a whole. `submit(send)` makes the onSubmit handler:
 * it checks every field and moves the focus to the first invalid one, or
 * calls `send`; what the server still refuses is shown at its field.
 */
export function useCheckedForm<V extends object>({
  initial,
  validate,
  idPrefix,
  fields,
}: {
  initial: () => V
  validate: (values: V) => FieldErrors
  /** ids of the inputs are `${idPrefix}-${field}` */
  idPrefix: string
  /** the form's fields in display order (focus goes to the first invalid one) */
  fields: readonly string[]
}) {
  const [values, setValues] = useState<V>(initial)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)

  const onChange = (patch: Partial<V>) => {
    setValues((v) => ({ ...v, ...patch }))
    setErrors((e) => {
      const next = { ...e }
      for (const key of Object.keys(patch)) {
        delete next[key]
      }
      return next
    })
  }

  const reset = (next: V) => {
    setValues(next)
    setErrors({})
    setFormError(null)
  }

  const submit = (send: (values: V) => Promise<void>) => async (event: FormEvent) => {
    event.preventDefault()
    setFormError(null)
    const found = validate(values)
    setErrors(found)
    if (Object.keys(found).length) {
      focusFirstError(idPrefix, found, fields)
      return
    }
    try {
      await send(values)
    } catch (error) {
      const mapped = mapServerError(error, fields)
      setErrors(mapped.fields)
      setFormError(mapped.form)
      focusFirstError(idPrefix, mapped.fields, fields)
    }
  }

  return { values, errors, formError, onChange, reset, submit }
}
