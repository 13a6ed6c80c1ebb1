import { useLocale, useTranslations } from "next-intl"
import { formatMoney } from "@/lib/util/money"
import type { PurchasePreview } from "@/types/purchase"
import styles from "./Checkout.module.css"

type Props = {
  tariffTitle: string
  period: string
  preview: PurchasePreview
}

/** The plan and its price as the server computed it: original, discount, total. */
export default function OrderSummary({ tariffTitle, period, preview }: Props) {
  const t = useTranslations("Checkout")
  const locale = useLocale()
  const money = (amount: number) => formatMoney(amount, preview.currency_code, locale)
  const discounted = preview.discount_amount > 0

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
            {discounted ? (
              <s className={styles.struck}>
                <span className="sr-only">{t("oldPrice")} </span>
                {money(preview.original_amount)}
              </s>
            ) : (
              money(preview.original_amount)
            )}
          </dd>
        </div>
        {discounted ? (
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
          <dt>{t("total")}</dt>
          <dd>{money(preview.total)}</dd>
        </div>
      </dl>
    </section>
  )
}
