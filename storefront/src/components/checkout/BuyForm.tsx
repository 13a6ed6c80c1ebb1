"use client"

import {
  startTransition,
  useActionState,
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
} from "react"
import { useLocale, useTranslations } from "next-intl"
import FormAlert from "@/components/forms/FormAlert"
import formStyles from "@/components/forms/Form.module.css"
import { Link, useRouter } from "@/i18n/navigation"
import { buyAction, type BuyState } from "@/lib/actions/checkout"
import {
  isDeclineReason,
  newIdempotencyKey,
  TEST_CARDS,
  type TestCard,
} from "@/lib/util/payment"
import styles from "./Checkout.module.css"

type Props = {
  variantId: string
  /** The promo code the server accepted, sent with the purchase. */
  promocode: string | null
  /** What will be charged, formatted. */
  total: string
  /** Nothing to pay (a free plan or a free-period code): no card to pick. */
  free: boolean
  /** A cheaper plan booked for the period end (formatted date): nothing charged now. */
  scheduledFor: string | null
  /** This page's path without the locale, to come back to after signing in again. */
  returnPath: string
  /** What happens at the period end (null: nothing to choose, e.g. a scheduled switch). */
  renewal: RenewalTerms | null
}

/**
 * The renewal choice (README, "Renewals"). A paid plan: renew automatically with the card
 * (default on) on `date` for `amount`. The Trial: with a card, it converts on `date` to one
 * of `plans` (default `defaultPlan`, the cheapest monthly one); without, it simply ends.
 */
export type RenewalTerms =
  | { kind: "paid"; date: string; amount: string }
  | {
      kind: "trial"
      date: string
      plans: { variantId: string; label: string; amount: string }[]
      defaultPlan: string
    }

const INITIAL: BuyState = { status: "idle" }

/** Outcomes after which the same attempt may be sent again: nobody knows how it ended. */
const UNKNOWN_OUTCOME: BuyState["status"][] = ["busy", "unavailable"]

/**
 * The test-card selector and the buy button.
 *
 * Each attempt carries an `Idempotency-Key`. The key is made when the shopper presses the
 * button and kept while the outcome is unknown (no answer, a server error, a purchase still
 * running): pressing "Try again" then sends the same attempt, which the backend answers
 * without charging twice. An attempt that ended (declined, code refused) or a change of the
 * card or code starts a new one with a new key.
 */
export default function BuyForm({
  variantId,
  promocode,
  total,
  free,
  scheduledFor,
  returnPath,
  renewal,
}: Props) {
  const t = useTranslations("Checkout")
  const locale = useLocale()
  const router = useRouter()
  const id = useId()
  const attempt = useRef<{ key: string; fingerprint: string } | null>(null)
  /** Blocks a second submission before React has re-rendered the disabled button. */
  const busy = useRef(false)
  const [autoRenew, setAutoRenew] = useState(true)
  const [convertTo, setConvertTo] = useState(renewal?.kind === "trial" ? renewal.defaultPlan : "")
  const trial = renewal?.kind === "trial"
  /** The Trial converts only with a card: the card selector is shown when it will. */
  const cardNeeded = !scheduledFor && (!free || (trial && autoRenew))

  const [state, dispatch, pending] = useActionState(
    async (previous: BuyState, formData: FormData): Promise<BuyState> => {
      const fingerprint = [
        variantId,
        promocode ?? "",
        formData.get("card") ?? "",
        formData.get("auto_renew") ?? "",
        formData.get("convert_to_variant_id") ?? "",
      ].join("|")
      if (!attempt.current || attempt.current.fingerprint !== fingerprint) {
        attempt.current = { key: newIdempotencyKey(), fingerprint }
      }
      formData.set("idempotency_key", attempt.current.key)

      let result: BuyState
      try {
        result = await buyAction(previous, formData)
      } catch {
        // The request to the storefront itself failed: the outcome is unknown.
        result = { status: "unavailable" }
      }
      if (!UNKNOWN_OUTCOME.includes(result.status)) {
        attempt.current = null
      }
      if (result.status !== "completed") {
        busy.current = false
      }
      return result
    },
    INITIAL
  )

  const completed = state.status === "completed" || state.status === "scheduled"
  useEffect(() => {
    if (state.status === "scheduled" || (state.status === "completed" && scheduledFor)) {
      // A switch booked for the period end: the account shows it ("… until …, then …").
      router.replace("/account")
    } else if (state.status === "completed") {
      router.replace(`/purchases/${encodeURIComponent(state.purchaseId)}`)
    } else if (state.status === "rejected" || state.status === "trial_unavailable") {
      // The code (or the Trial) stopped being available since the price was shown: show
      // the page again as it is now.
      router.refresh()
    }
  }, [state, router, scheduledFor])

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (busy.current || pending || completed) {
      return
    }
    busy.current = true
    const formData = new FormData(event.currentTarget)
    startTransition(() => dispatch(formData))
  }

  const retry = state.status !== "idle" && !completed
  const working = pending || completed
  const label = scheduledFor
    ? t("schedule")
    : free
      ? t(retry ? "activateAgain" : "activate")
      : t(retry ? "payAgain" : "pay", { amount: total })

  return (
    <section className={styles.section} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={styles.sectionTitle}>
        {t("paymentTitle")}
      </h2>

      <form onSubmit={submit} className={formStyles.form} noValidate>
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="variant_id" value={variantId} />
        {promocode ? <input type="hidden" name="promocode" value={promocode} /> : null}

        {renewal ? (
          <Renewal
            terms={renewal}
            autoRenew={autoRenew}
            onAutoRenew={setAutoRenew}
            convertTo={convertTo}
            onConvertTo={setConvertTo}
            disabled={working}
          />
        ) : null}

        {scheduledFor ? (
          <p className={styles.note}>{t("scheduleNote", { date: scheduledFor })}</p>
        ) : !cardNeeded ? (
          <p className={styles.note}>{t("freeNote")}</p>
        ) : (
          <fieldset className={styles.cards} disabled={working}>
            <legend className={formStyles.label}>{t("cardLegend")}</legend>
            <p id={`${id}-note`} className={`${styles.note} ${styles.emulated}`}>
              {t("emulatedNote")}
            </p>
            {TEST_CARDS.map((card: TestCard) => (
              <label key={card} className={styles.card}>
                <input
                  type="radio"
                  name="card"
                  value={card}
                  defaultChecked={card === "tok_success"}
                  aria-describedby={`${id}-note`}
                />
                <span>
                  <span className={styles.cardTitle}>{t(`cards.${card}.title`)}</span>
                  <span className={styles.cardText}>{t(`cards.${card}.text`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
        )}

        <Outcome state={state} promocode={promocode} returnPath={returnPath} />

        <button
          type="submit"
          className={`${formStyles.submit} ${styles.buy}`}
          disabled={working}
          aria-busy={working || undefined}
        >
          {working ? (
            <>
              <span className={formStyles.spinner} aria-hidden="true" />
              {completed ? t("opening") : scheduledFor ? t("scheduling") : t("processing")}
            </>
          ) : (
            label
          )}
        </button>
        <p className="sr-only" role="status">
          {pending ? t("processing") : ""}
        </p>
      </form>
    </section>
  )
}

function Outcome({
  state,
  promocode,
  returnPath,
}: {
  state: BuyState
  promocode: string | null
  returnPath: string
}) {
  const t = useTranslations("Checkout")

  switch (state.status) {
    case "idle":
    case "completed":
    case "scheduled":
    case "trial_unavailable":
      return null
    case "declined":
      return (
        <FormAlert title={t("declinedTitle")} focusKey={state}>
          <p>
            {t(
              `declineReasons.${isDeclineReason(state.reason) ? state.reason : "other"}`
            )}
          </p>
          <p>
            {promocode
              ? t("declinedRetryWithCode", { code: promocode })
              : t("declinedRetry")}
          </p>
        </FormAlert>
      )
    case "rejected":
      return (
        <FormAlert title={t("rejectedTitle")} focusKey={state}>
          <p>{t(`promoErrors.${state.reason}`, { code: promocode ?? "" })}</p>
        </FormAlert>
      )
    case "signed_out":
      return (
        <FormAlert title={t("signedOutTitle")} focusKey={state}>
          <p>
            {t.rich("signedOutText", {
              link: (chunks) => (
                <Link href={{ pathname: "/sign-in", query: { next: returnPath } }}>
                  {chunks}
                </Link>
              ),
            })}
          </p>
        </FormAlert>
      )
    case "busy":
      return (
        <FormAlert title={t("busyTitle")} focusKey={state}>
          <p>{t("busyText")}</p>
        </FormAlert>
      )
    case "unavailable":
      return (
        <FormAlert title={t("unavailableTitle")} focusKey={state}>
          <p>{t("unavailableText")}</p>
        </FormAlert>
      )
    case "failed":
      return (
        <FormAlert title={t("failedTitle")} focusKey={state}>
          <p>{t("failedText")}</p>
        </FormAlert>
      )
  }
}

function Renewal({
  terms,
  autoRenew,
  onAutoRenew,
  convertTo,
  onConvertTo,
  disabled,
}: {
  terms: RenewalTerms
  autoRenew: boolean
  onAutoRenew: (on: boolean) => void
  convertTo: string
  onConvertTo: (variantId: string) => void
  disabled: boolean
}) {
  const t = useTranslations("Checkout")
  const id = useId()
  const chosen = terms.kind === "trial" ? terms.plans.find((p) => p.variantId === convertTo) : null

  return (
    <fieldset className={styles.renewal} disabled={disabled}>
      <legend className={formStyles.label}>{t("renewalLegend")}</legend>
      <input type="hidden" name="auto_renew" value={String(autoRenew)} />
      <label className={styles.renewalToggle}>
        <input
          type="checkbox"
          checked={autoRenew}
          onChange={(event) => onAutoRenew(event.target.checked)}
          aria-describedby={`${id}-terms`}
        />
        {terms.kind === "paid" ? t("autoRenew") : t("trialConvert")}
      </label>
      {terms.kind === "trial" && autoRenew ? (
        <label className={formStyles.label}>
          {t("trialConvertTo")}
          <select
            name="convert_to_variant_id"
            value={convertTo}
            onChange={(event) => onConvertTo(event.target.value)}
            className={`${formStyles.input} ${styles.renewalSelect}`}
          >
            {terms.plans.map((plan) => (
              <option key={plan.variantId} value={plan.variantId}>
                {plan.label} · {plan.amount}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <p id={`${id}-terms`} className={styles.note}>
        {terms.kind === "paid"
          ? autoRenew
            ? t("renewsOn", { date: terms.date, amount: terms.amount })
            : t("endsOn", { date: terms.date })
          : autoRenew && chosen
            ? t("trialConvertsOn", { plan: chosen.label, date: terms.date, amount: chosen.amount })
            : t("trialEndsOn", { date: terms.date })}
      </p>
    </fieldset>
  )
}
