import type { ReactNode } from "react"
import styles from "./AuthForms.module.css"

type Props = {
  title: string
  lead: string
  /** Why the shopper is here (sent from a page that needs an account). */
  notice?: string
  children: ReactNode
  footer: ReactNode
}

/** The frame of the sign-in and register pages. */
export default function AuthCard({ title, lead, notice, children, footer }: Props) {
  return (
    <section className={styles.card} aria-labelledby="auth-title">
      <h1 id="auth-title" className={styles.title}>
        {title}
      </h1>
      <p className={styles.lead}>{lead}</p>
      {notice ? (
        <p className={styles.notice} role="status">
          {notice}
        </p>
      ) : null}
      {children}
      <p className={styles.switch}>{footer}</p>
    </section>
  )
}
