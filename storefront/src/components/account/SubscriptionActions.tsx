"use client"

import { startTransition, useActionState, useEffect, useId, useRef } from "react"
import { useLocale, useTranslations } from "next-intl"
import formStyles from "@/components/forms/Form.module.css"
import { Link, useRouter } from "@/i18n/navigation"
import {
  subscriptionAction,
  type SubscriptionActionState,
} from "@/lib/actions/subscription"
import styles from "./Account.module.css"

type Props = {
  subscriptionId: string
  /** Already cancelled: offer to resume instead. */
  cancelAtPeriodEnd: boolean
  /** The day access ends if cancelled (the period end), formatted. */
  accessUntil: string
}

const INITIAL: SubscriptionActionState = { status: "idle" }

/**
 * Cancel (after a confirmation that says the day access ends) or resume the subscription.
 * The page is rendered again after either, so it shows the subscription as it now is.
 */
export default function SubscriptionActions({
  subscriptionId,
  cancelAtPeriodEnd,
  accessUntil,
}: Props) {
  const t = useTranslations("Account")
  const locale = useLocale()
  const router = useRouter()
  const id = useId()
  const dialog = useRef<HTMLDialogElement>(null)
  const [state, dispatch, pending] = useActionState(subscriptionAction, INITIAL)

  useEffect(() => {
    if (state.status === "done") {
      dialog.current?.close()
      router.refresh()
    }
  }, [state, router])

  const send = (intent: "cancel" | "resume") => {
    const formData = new FormData()
    formData.set("locale", locale)
    formData.set("subscription_id", subscriptionId)
    formData.set("intent", intent)
    startTransition(() => dispatch(formData))
  }

  const error =
    state.status === "signed_out" ? (
      <p className={formStyles.error} role="alert">
        {t("actionSignedOut")}{" "}
        <Link href={{ pathname: "/sign-in", query: { next: "/account" } }}>
          {t("actionSignInAgain")}
        </Link>
      </p>
    ) : state.status === "refused" ? (
      <p className={formStyles.error} role="alert">
        {state.message ?? t("actionRefused")}
      </p>
    ) : state.status === "unavailable" ? (
      <p className={formStyles.error} role="alert">
        {t("actionUnavailable")}
      </p>
    ) : null

  if (cancelAtPeriodEnd) {
    return (
      <div className={styles.subscriptionActions}>
        <button
          type="button"
          className={styles.button}
          onClick={() => send("resume")}
          disabled={pending}
          aria-busy={pending || undefined}
        >
          {pending ? t("resuming") : t("resume")}
        </button>
        {error}
      </div>
    )
  }

  return (
    <div className={styles.subscriptionActions}>
      <button
        type="button"
        className={styles.buttonSecondary}
        onClick={() => dialog.current?.showModal()}
      >
        {t("cancel")}
      </button>
      <dialog
        ref={dialog}
        className={styles.dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-text`}
      >
        <h3 id={`${id}-title`} className={styles.dialogTitle}>
          {t("cancelTitle")}
        </h3>
        <p id={`${id}-text`}>{t("cancelText", { date: accessUntil })}</p>
        {error}
        <div className={styles.dialogActions}>
          <button
            type="button"
            className={styles.buttonSecondary}
            onClick={() => dialog.current?.close()}
            autoFocus
          >
            {t("cancelKeep")}
          </button>
          <button
            type="button"
            className={styles.danger}
            onClick={() => send("cancel")}
            disabled={pending}
            aria-busy={pending || undefined}
          >
            {pending ? t("canceling") : t("cancelConfirm")}
          </button>
        </div>
      </dialog>
    </div>
  )
}
