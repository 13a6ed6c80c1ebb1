"use client"

import { useTranslations } from "next-intl"
import styles from "./PageLoading.module.css"

/**
 * What a page shows while the server prepares it: a spinner, announced once. A client
 * component, so the loading state Next.js prefetches needs nothing from the request (the
 * texts come from the client provider's messages).
 */
export default function PageLoading() {
  const t = useTranslations("Layout")

  return (
    <div className={styles.wrap} aria-busy="true">
      <span className={styles.spinner} aria-hidden="true" />
      <p role="status">{t("loading")}</p>
    </div>
  )
}
