import { useFormatter, useLocale, useTranslations } from "next-intl"
import { formatMoney } from "@/lib/util/money"
import type { PurchasePreview } from "@/types/purchase"
import styles from "./Checkout.module.css"

type Props = {
  tariffTitle: string
  period: string
  preview: PurchasePreview
}

/**
 * The plan and its price as the server computed it: original, the credit for unused time
 * (an upgrade), the discount, what is charged now, and when the plan takes effect.
 */
export default function OrderSummary({ tariffTitle, period, preview }: Props) {
  const t = useTranslations("Checkout")
  const locale = useLocale()
  const format = useFormatter()
  const money = (amount: number) => formatMoney(amount, preview.currency_code, locale)
  const reduced = preview.discount_amount > 0 || preview.credit_amount > 0
  const effective = preview.effective_at
    ? format.dateTime(new Date(preview.effective_at), { dateStyle: "long" })
    : null
  const note =
    preview.change === "upgrade"
      ? t("changes.upgrade", { tariff: tariffTitle })
      : preview.change === "scheduled" && effective
        ? t("changes.scheduled", { date: effective })
        : preview.change === "extension" && effective
          ? t("changes.extension", { date: effective })
          : null
  const chargedNow = preview.change === "upgrade" || preview.change === "scheduled"

  return (
    <section className={`${styles.section} ${styles.summary}`} aria-labelledby="summary-title">
      <h2 id="summary-title" className={styles.sectionTitle}>
        {t("summaryTitle")}
      </h2>
      <dl className={styles.lines}>
        <div className={styles.line}>
          <dt>{t("tariff")}</dt>
          <dd>
            <span className={styles.tariffName}>{tariffTitle}</span>{" "}
            <span className={styles.muted}>{period}</span>
          </dd>
        </div>
        <div className={styles.line}>
          <dt>{t("price")}</dt>
          <dd>
            {reduced ? (
              <s className={styles.struck}>
                <span className="sr-only">{t("oldPrice")} </span>
                {money(preview.original_amount)}
              </s>
            ) : (
              money(preview.original_amount)
            )}
          </dd>
        </div>
        {preview.credit_amount > 0 ? (
          <div className={`${styles.line} ${styles.discount}`}>
            <dt>{t("credit")}</dt>
            <dd>{t("minus", { amount: money(preview.credit_amount) })}</dd>
          </div>
        ) : null}
        {preview.discount_amount > 0 ? (
          <div className={`${styles.line} ${styles.discount}`}>
            <dt>
              {preview.promocode
                ? t("discountWithCode", { code: preview.promocode.code })
                : t("discount")}
            </dt>
            <dd>{t("minus", { amount: money(preview.discount_amount) })}</dd>
          </div>
        ) : null}
        <div className={`${styles.line} ${styles.total}`}>
          <dt>{chargedNow ? t("chargedNow") : t("total")}</dt>
          <dd>{money(preview.total)}</dd>
        </div>
      </dl>
      {preview.discount_amount > 0 && preview.promocode?.duration === "repeating" ? (
        <p className={styles.changeNote} role="note">
          {t("discountRepeating", { renewals: Math.max((preview.promocode.duration_periods ?? 1) - 1, 0) })}
        </p>
      ) : null}
      {preview.discount_amount > 0 && preview.promocode?.duration === "forever" ? (
        <p className={styles.changeNote} role="note">
          {t("discountForever")}
        </p>
      ) : null}
      {note ? (
        <p className={styles.changeNote} role="note">
          {note}
        </p>
      ) : null}
    </section>
  )
}
