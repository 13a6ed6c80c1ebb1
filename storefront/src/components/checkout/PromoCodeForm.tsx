"use client"

import { useEffect, useId, useRef, useState, useTransition, type FormEvent } from "react"
import { useTranslations } from "next-intl"
import formStyles from "@/components/forms/Form.module.css"
import { usePathname, useRouter } from "@/i18n/navigation"
import { PROMOCODE_MAX_LENGTH, type PromocodeRejection } from "@/lib/util/promocode"
import styles from "./Checkout.module.css"

type Props = {
  /** The code in the URL, as the shopper typed it. */
  code: string
  /** The code the server accepted, with what it changes (already formatted). */
  applied: { code: string; discount: string; total: string } | null
  /** Why the server refused the code in the URL. */
  rejection: PromocodeRejection | null
}

/**
 * The promo code field. Applying puts the code in the URL (`?code=`), and the page asks the
 * server for the price with it, so the result survives a reload and a change of language;
 * removing it drops the code from the URL and the original price comes back. Without
 * JavaScript the same happens through the form's GET submission.
 */
export default function PromoCodeForm({ code, applied, rejection }: Props) {
  const t = useTranslations("Checkout")
  const router = useRouter()
  const pathname = usePathname()
  const [value, setValue] = useState(code)
  const [emptyError, setEmptyError] = useState(false)
  const [pending, startTransition] = useTransition()
  const [intent, setIntent] = useState<"apply" | "remove" | null>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const outcomeRef = useRef<HTMLParagraphElement>(null)
  /** Set when the shopper acted, so focus moves only in answer to them. */
  const awaiting = useRef<"apply" | "remove" | null>(null)
  const id = useId()
  const errorId = `${id}-error`
  const statusId = `${id}-status`

  // After the server answered: the message of a rejection is read with the input, which
  // gets focus; an applied code is announced by the status and focus stays on "Apply".
  useEffect(() => {
    if (pending || !awaiting.current) {
      return
    }
    if (awaiting.current === "remove" || rejection) {
      inputRef.current?.focus()
    } else if (applied) {
      outcomeRef.current?.focus()
    }
    awaiting.current = null
  }, [pending, applied, rejection])

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (pending) {
      return
    }
    const trimmed = value.trim()
    if (!trimmed) {
      setEmptyError(true)
      inputRef.current?.focus()
      return
    }
    setEmptyError(false)
    awaiting.current = "apply"
    setIntent("apply")
    startTransition(() => {
      router.replace({ pathname, query: { code: trimmed } }, { scroll: false })
    })
  }

  function remove() {
    if (pending) {
      return
    }
    setValue("")
    setEmptyError(false)
    awaiting.current = "remove"
    setIntent("remove")
    startTransition(() => {
      router.replace(pathname, { scroll: false })
    })
  }

  const showRejection = rejection && !pending && !emptyError
  const error = emptyError
    ? t("promoEmpty")
    : showRejection
      ? t(`promoErrors.${rejection}`, { code })
      : null

  return (
    <section className={styles.section} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={styles.sectionTitle}>
        {t("promoTitle")}
      </h2>
      <form
        className={styles.promoForm}
        method="get"
        onSubmit={apply}
        noValidate
        aria-busy={pending || undefined}
      >
        <label htmlFor={`${id}-input`} className={formStyles.label}>
          {t("promoLabel")}
        </label>
        <div className={styles.promoRow}>
          <input
            ref={inputRef}
            id={`${id}-input`}
            name="code"
            className={`${formStyles.input} ${styles.promoInput}`}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            maxLength={PROMOCODE_MAX_LENGTH}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : applied ? statusId : undefined}
          />
          <button
            type="submit"
            className={formStyles.secondary}
            aria-disabled={pending || undefined}
          >
            {pending && intent === "apply" ? (
              <>
                <span className={formStyles.spinner} aria-hidden="true" />
                {t("promoChecking")}
              </>
            ) : (
              t("promoApply")
            )}
          </button>
        </div>
        {error ? (
          <p id={errorId} className={formStyles.error} role="alert">
            {error}
          </p>
        ) : null}
      </form>

      {applied && !pending ? (
        <div className={styles.applied}>
          <p
            ref={outcomeRef}
            id={statusId}
            role="status"
            tabIndex={-1}
            className={styles.appliedText}
          >
            {t("promoApplied", {
              code: applied.code,
              discount: applied.discount,
              total: applied.total,
            })}
          </p>
          <button
            type="button"
            className={styles.linkButton}
            onClick={remove}
            aria-label={t("promoRemoveLabel", { code: applied.code })}
          >
            {t("promoRemove")}
          </button>
        </div>
      ) : null}
    </section>
  )
}
