import type { ReactNode } from "react"
import styles from "./StatusPanel.module.css"

type Props = {
  title: string
  text: string
  tone?: "info" | "error"
  headingLevel?: 1 | 2
  children?: ReactNode
}

/** Empty, error and not-found states: a short title, one sentence, an optional action. */
export default function StatusPanel({
  title,
  text,
  tone = "info",
  headingLevel = 2,
  children,
}: Props) {
  const Heading = headingLevel === 1 ? "h1" : "h2"

  return (
    <div
      className={`${styles.panel} ${tone === "error" ? styles.error : ""}`}
      role={tone === "error" ? "alert" : "status"}
    >
      <Heading className={styles.title}>{title}</Heading>
      <p className={styles.text}>{text}</p>
      {children ? <div className={styles.actions}>{children}</div> : null}
    </div>
  )
}
