"use client"

import { useFormStatus } from "react-dom"
import styles from "./Form.module.css"

type Props = {
  label: string
  pendingLabel: string
}

/** The form's submit button: says the form is being sent and cannot be pressed twice. */
export default function SubmitButton({ label, pendingLabel }: Props) {
  const { pending } = useFormStatus()

  return (
    <button
      type="submit"
      className={styles.submit}
      disabled={pending}
      aria-busy={pending || undefined}
    >
      {pending ? (
        <>
          <span className={styles.spinner} aria-hidden="true" />
          {pendingLabel}
        </>
      ) : (
        label
      )}
    </button>
  )
}
