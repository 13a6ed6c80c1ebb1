import type { InputHTMLAttributes } from "react"
import styles from "./Form.module.css"

type Props = {
  name: string
  label: string
  /** Shown under the input and read with it. */
  hint?: string
  /** The field's error message; makes the input invalid and is read with it. */
  error?: string
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">

/** A labelled input with its hint and error wired for assistive technology. */
export default function Field({ name, label, hint, error, ...input }: Props) {
  const id = `field-${name}`
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined

  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <input
        id={id}
        name={name}
        className={styles.input}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {error ? (
        <p id={errorId} className={styles.error}>
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      ) : null}
    </div>
  )
}
