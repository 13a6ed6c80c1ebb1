"use client"

import { useActionState, useEffect, useId, useState } from "react"
import { useLocale, useTranslations } from "next-intl"
import formStyles from "@/components/forms/Form.module.css"
import checkoutStyles from "@/components/checkout/Checkout.module.css"
import { Link, useRouter } from "@/i18n/navigation"
import { subscriptionAction, type SubscriptionActionState } from "@/lib/actions/subscription"
import { SAVED_CARDS } from "@/lib/util/payment"
import styles from "./Account.module.css"

type Props = {
  subscriptionId: string
  /** The button's text: "Update card" on a past-due subscription, "Replace card" otherwise. */
  label: string
}

const INITIAL: SubscriptionActionState = { status: "idle" }

/**
 * Replaces the card renewals charge (`POST /store/subscriptions/:id/payment-method`). The
 * emulator's test cards stand in for a real card form, as on the checkout. A past-due
 * subscription is charged with the new card at once; the page is rendered again after.
 */
export default function CardForm({ subscriptionId, label }: Props) {
  const t = useTranslations("Account")
  const locale = useLocale()
  const router = useRouter()
  const id = useId()
  const [open, setOpen] = useState(false)
  const [state, action, pending] = useActionState(subscriptionAction, INITIAL)

  useEffect(() => {
    if (state.status === "done") {
      setOpen(false)
      router.refresh()
    }
  }, [state, router])

  if (!open) {
    return (
      <button type="button" className={styles.buttonSecondary} onClick={() => setOpen(true)}>
        {label}
      </button>
    )
  }

  return (
    <form action={action} className={styles.cardForm} aria-labelledby={`${id}-legend`}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="subscription_id" value={subscriptionId} />
      <input type="hidden" name="intent" value="replace_card" />
      <fieldset className={checkoutStyles.cards} disabled={pending}>
        <legend id={`${id}-legend`} className={formStyles.label}>
          {t("cardLegend")}
        </legend>
        <p className={checkoutStyles.note}>{t("cardEmulatedNote")}</p>
        {SAVED_CARDS.map((card) => (
          <label key={card} className={checkoutStyles.card}>
            <input type="radio" name="card" value={card} defaultChecked={card === "tok_success"} />
            <span>
              <span className={checkoutStyles.cardTitle}>{t(`savedCards.${card}.title`)}</span>
              <span className={checkoutStyles.cardText}>{t(`savedCards.${card}.text`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {state.status === "signed_out" ? (
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
      ) : null}
      <div className={styles.dialogActions}>
        <button type="button" className={styles.buttonSecondary} onClick={() => setOpen(false)}>
          {t("cardCancel")}
        </button>
        <button
          type="submit"
          className={styles.button}
          disabled={pending}
          aria-busy={pending || undefined}
        >
          {pending ? t("cardSaving") : t("cardSave")}
        </button>
      </div>
    </form>
  )
}
