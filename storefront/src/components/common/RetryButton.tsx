"use client"

import { useTransition } from "react"
import { useRouter } from "next/navigation"
import styles from "./StatusPanel.module.css"

type Props = {
  label: string
  /** Given by error.tsx to re-render the failed segment; otherwise the page is refetched. */
  onRetry?: () => void
}

export default function RetryButton({ label, onRetry }: Props) {
  const router = useRouter()
  const [pending, startTransition] = useTransition()

  return (
    <button
      type="button"
      className={styles.button}
      disabled={pending}
      onClick={() =>
        startTransition(() => {
          if (onRetry) {
            onRetry()
          } else {
            router.refresh()
          }
        })
      }
    >
      {label}
    </button>
  )
}
