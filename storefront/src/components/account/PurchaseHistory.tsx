import { useFormatter, useLocale, useTranslations } from "next-intl"
import { Link } from "@/i18n/navigation"
import { formatMoney } from "@/lib/util/money"
import { isDeclineReason, isPurchaseKind } from "@/lib/util/payment"
import type { Purchase } from "@/types/purchase"
import styles from "./Account.module.css"
import { DATE_TIME_WITH_ZONE } from "@/lib/util/date-time"

type Props = {
  /** One page of purchases, newest first; null when they could not be loaded. */
  purchases: Purchase[] | null
  /** The plan's period in the page's language, by variant id. */
  periods: Record<string, string>
  page: number
  pageCount: number
}

export default function PurchaseHistory({ purchases, periods, page, pageCount }: Props) {
  const t = useTranslations("Account")
  const tCheckout = useTranslations("Checkout")
  const locale = useLocale()
  const format = useFormatter()

  const result = (purchase: Purchase) => {
    if (purchase.status === "completed") {
      // Nothing was paid for a 0 total (the Trial, a free-period or 100 % code).
      return (
        <span className={styles.ok}>
          {purchase.total === 0 ? t("statusActivated") : t("statusCompleted")}
        </span>
      )
    }
    if (purchase.status === "failed") {
      return (
        <span className={styles.bad}>
          {t("statusFailed")}
          {isDeclineReason(purchase.reason) ? (
            <span className={styles.reason}>
              {tCheckout(`declineReasonsShort.${purchase.reason}`)}
            </span>
          ) : null}
        </span>
      )
    }
    return <span className={styles.muted}>{t("statusPending")}</span>
  }

  return (
    <section className={styles.section} aria-labelledby="history-title">
      <h2 id="history-title" className={styles.sectionTitle}>
        {t("historyTitle")}
      </h2>
      {purchases === null ? (
        <p className={styles.warning} role="status">
          {t("historyUnavailable")}
        </p>
      ) : purchases.length === 0 ? (
        <p className={styles.muted}>{t("noPurchases")}</p>
      ) : (
        <>
          <table className={styles.table}>
            <caption className="sr-only">{t("historyCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("colDate")}</th>
                <th scope="col">{t("colTariff")}</th>
                <th scope="col">{t("colAmount")}</th>
                <th scope="col">{t("colCode")}</th>
                <th scope="col">{t("colResult")}</th>
              </tr>
            </thead>
            <tbody>
              {purchases.map((purchase) => (
                <tr key={purchase.id}>
                  <td data-label={t("colDate")}>
                    {purchase.created_at
                      ? format.dateTime(new Date(purchase.created_at), DATE_TIME_WITH_ZONE)
                      : "—"}
                  </td>
                  <td data-label={t("colTariff")}>
                    <span>
                      {purchase.product_title ?? purchase.variant_id}
                      {(periods[purchase.variant_id] ?? purchase.variant_title) ? (
                        <span className={styles.muted}>
                          {" "}
                          · {periods[purchase.variant_id] ?? purchase.variant_title}
                        </span>
                      ) : null}
                      {isPurchaseKind(purchase.kind) ? (
                        <span className={styles.reason}>
                          {t(`kinds.${purchase.kind}`)}
                          {purchase.period_start && purchase.period_end
                            ? ` · ${format.dateTimeRange(
                                new Date(purchase.period_start),
                                new Date(purchase.period_end),
                                { dateStyle: "medium" }
                              )}`
                            : null}
                        </span>
                      ) : null}
                    </span>
                  </td>
                  <td data-label={t("colAmount")}>
                    <span>
                      {purchase.discount_amount > 0 ? (
                        <>
                          <s className={styles.muted}>
                            <span className="sr-only">{tCheckout("oldPrice")} </span>
                            {formatMoney(purchase.original_amount, purchase.currency_code, locale)}
                          </s>{" "}
                        </>
                      ) : null}
                      {formatMoney(purchase.total, purchase.currency_code, locale)}
                    </span>
                  </td>
                  <td data-label={t("colCode")}>
                    {purchase.promocode ? (
                      <code className={styles.code}>{purchase.promocode}</code>
                    ) : (
                      <span className={styles.muted}>{t("noCode")}</span>
                    )}
                  </td>
                  <td data-label={t("colResult")}>
                    <span>{result(purchase)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {pageCount > 1 ? (
            <nav className={styles.pager} aria-label={t("pagerLabel")}>
              {page > 1 ? (
                <Link
                  href={{ pathname: "/account", query: page > 2 ? { page: page - 1 } : {} }}
                  className={styles.buttonSecondary}
                  rel="prev"
                >
                  {t("newer")}
                </Link>
              ) : null}
              <p className={styles.muted}>{t("pageOf", { page, count: pageCount })}</p>
              {page < pageCount ? (
                <Link
                  href={{ pathname: "/account", query: { page: page + 1 } }}
                  className={styles.buttonSecondary}
                  rel="next"
                >
                  {t("older")}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </section>
  )
}
