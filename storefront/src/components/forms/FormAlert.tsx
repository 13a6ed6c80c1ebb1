"use client"

import { useEffect, useRef, type ReactNode } from "react"
import styles from "./Form.module.css"

type Props = {
  title: string
  children?: ReactNode
  /** Changes whenever a new outcome arrives, so the alert takes focus again. */
  focusKey?: unknown
}

/**
 * What went wrong with a whole form. It takes focus when it appears, so keyboard and
 * screen-reader users land on the explanation instead of losing their place.
 */
export default function FormAlert({ title, children, focusKey }: Props) {
  const ref = useRef<HTMLDivElement>(null)

  useEffect(() => {
    ref.current?.focus()
  }, [focusKey])

  return (
    <div ref={ref} className={styles.alert} role="alert" tabIndex={-1}>
      <p className={styles.alertTitle}>{title}</p>
      {children ? <div className={styles.alertText}>{children}</div> : null}
    </div>
  )
}
