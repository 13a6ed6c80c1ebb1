import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, StatusBadge, Table, Text } from "@medusajs/ui"
import { useState, type ReactNode } from "react"
import { Link } from "react-router-dom"
import { AssignCodeForm } from "../components/assign-forms"
import { JournalActionBadge } from "../components/badges"
import { Section, SectionRow } from "../components/section"
import { EmptyState, ErrorState, LoadingState } from "../components/states"
import { CancelSubscriptionPrompt } from "../components/cancel-subscription"
import { usePurchases } from "../hooks/customers"
import { useSubscriptions } from "../hooks/subscriptions"
import { useTariffOptions } from "../hooks/tariffs"
import { usePromocodeJournal } from "../hooks/promocodes"
import {
  PURCHASE_STATUS_COLORS,
  formatAmount,
  formatDate,
  formatDateTime,
  reasonLabel,
} from "../lib/format"
import { usePaginationTexts, useT } from "../lib/i18n"
import { formatPeriod, kindLabel, planTitle, statusColor, statusLabel } from "../lib/subscription-format"
import { LIVE_STATUSES, type PurchaseWithKind } from "../lib/subscription-types"
import type { Purchase } from "../lib/types"

const PAGE_SIZE = 5

/**
 * A table that fits the side column: fixed layout, long text cut with the
 * whole of it in the tooltip (never wider than its column).
 */
function FitTable({
  label,
  head,
  rows,
  count,
  pageIndex,
  onPage,
}: {
  label: string
  head: ReactNode
  rows: ReactNode
  count: number
  pageIndex: number
  onPage: (pageIndex: number) => void
}) {
  const texts = usePaginationTexts()
  const pageCount = Math.max(1, Math.ceil(count / PAGE_SIZE))
  return (
    <div className="w-full min-w-0">
      <Table aria-label={label} className="w-full table-fixed">
        <Table.Header>{head}</Table.Header>
        <Table.Body>{rows}</Table.Body>
      </Table>
      {count > PAGE_SIZE && (
        <Table.Pagination
          count={count}
          pageSize={PAGE_SIZE}
          pageIndex={pageIndex}
          pageCount={pageCount}
          canPreviousPage={pageIndex > 0}
          canNextPage={pageIndex + 1 < pageCount}
          previousPage={() => onPage(pageIndex - 1)}
          nextPage={() => onPage(pageIndex + 1)}
          translations={texts}
        />
      )}
    </div>
  )
}

/** One line of text cut at the cell's edge, whole in the tooltip. */
function Cut({ children, title, className = "" }: { children: ReactNode; title?: string; className?: string }) {
  return (
    <span className={`block truncate ${className}`} title={title ?? (typeof children === "string" ? children : undefined)}>
      {children}
    </span>
  )
}

function SubscriptionSection({ customerId }: { customerId: string }) {
  const { t } = useT()
  // at most one subscription of a customer is live at a time
  const { data, isLoading, isError, error, refetch } = useSubscriptions({
    customer_id: customerId,
    status: LIVE_STATUSES.join(","),
    limit: 1,
    offset: 0,
  })
  const current = data?.subscriptions[0]
  const [canceling, setCanceling] = useState(false)
  const { data: plans } = useTariffOptions()
  const pending = current?.pending_variant_id
    ? plans?.find((p) => p.variant_id === current.pending_variant_id)
    : undefined

  return (
    <Section
      title={t("customer.subscription")}
      description={t("customer.subscription_text")}
      actions={
        current ? (
          <>
            <Button size="small" variant="transparent" asChild>
              <Link to={`/subscriptions/${current.id}`}>{t("subscription.open")}</Link>
            </Button>
            <Button size="small" variant="secondary" onClick={() => setCanceling(true)}>
              {t("lifecycle.cancel_subscription")}
            </Button>
          </>
        ) : undefined
      }
    >
      {isLoading ? (
        <LoadingState rows={2} label={t("customer.loading_subscription")} />
      ) : isError ? (
        <ErrorState error={error} title={t("customer.subscriptions_failed")} onRetry={() => refetch()} />
      ) : current ? (
        <div data-testid="current-subscription">
          <SectionRow
            label={t("customer.current_plan")}
            value={
              <span className="flex flex-wrap items-center gap-2">
                <Link
                  to={`/subscriptions/${current.id}`}
                  className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
                >
                  {planTitle(current)}
                </Link>
                <StatusBadge color={statusColor(current.status)}>{statusLabel(current.status)}</StatusBadge>
              </span>
            }
          />
          <SectionRow
            label={t("lifecycle.current_period")}
            value={formatPeriod(current.current_period_start, current.current_period_end)}
          />
          {current.cancel_at_period_end ? (
            <SectionRow
              label={t("detail.ends")}
              value={t("lifecycle.canceled_until", { date: formatDate(current.current_period_end) })}
            />
          ) : null}
          {current.pending_variant_id ? (
            <SectionRow
              label={t("lifecycle.scheduled_change")}
              value={t("lifecycle.scheduled_change_value", {
                plan: pending ? `${pending.product_title} · ${pending.variant_title}` : current.pending_variant_id,
                date: formatDate(current.current_period_end),
              })}
            />
          ) : null}
          {current.next_charge ? (
            <SectionRow
              label={t("lifecycle.next_charge")}
              value={t("lifecycle.next_charge_value", {
                amount: formatAmount(current.next_charge.amount, current.next_charge.currency_code),
                date: formatDate(current.next_charge.at),
              })}
            />
          ) : null}
          {current.payment_method ? (
            <SectionRow
              label={t("lifecycle.card")}
              value={`${current.payment_method.brand} ·${current.payment_method.last4}`}
            />
          ) : null}
        </div>
      ) : (
        <div className="px-6 py-4" data-testid="current-subscription">
          <Text size="small" className="text-ui-fg-subtle">
            {t("customer.no_subscription")}
          </Text>
        </div>
      )}
      {current && canceling ? (
        <CancelSubscriptionPrompt
          key={current.id}
          subscription={current}
          label={t("lifecycle.cancel_label", {
            plan: planTitle(current),
            status: statusLabel(current.status).toLowerCase(),
            date: formatDate(current.current_period_end),
          })}
          open={canceling}
          onOpenChange={setCanceling}
        />
      ) : null}
      <AssignCodeForm customerId={customerId} />
    </Section>
  )
}

function PurchaseStatus({ purchase: p }: { purchase: Purchase & PurchaseWithKind }) {
  const { t } = useT()
  const reason = p.status === "failed" && p.failure_reason ? reasonLabel(p.failure_reason) : null
  return (
    <span className="flex min-w-0 flex-col items-start gap-y-0.5" title={reason ?? undefined}>
      <StatusBadge className="max-w-full" color={PURCHASE_STATUS_COLORS[p.status] ?? "grey"}>
        {t(`customer.purchase_status.${p.status}`)}
      </StatusBadge>
      {reason && <Cut className="text-ui-fg-subtle w-full whitespace-normal line-clamp-2">{reason}</Cut>}
    </span>
  )
}

function PurchasesSection({ customerId }: { customerId: string }) {
  const { t } = useT()
  const [pageIndex, setPageIndex] = useState(0)
  const { data, isLoading, isError, error, refetch } = usePurchases({
    customer_id: customerId,
    limit: PAGE_SIZE,
    offset: pageIndex * PAGE_SIZE,
  })
  return (
    <Section title={t("customer.purchases")}>
      {isError ? (
        <ErrorState error={error} title={t("customer.purchases_failed")} onRetry={() => refetch()} />
      ) : isLoading ? (
        <LoadingState rows={3} />
      ) : !data?.count ? (
        <EmptyState title={t("customer.no_purchases")} />
      ) : (
        <FitTable
          label={t("customer.purchases")}
          count={data.count}
          pageIndex={pageIndex}
          onPage={setPageIndex}
          head={
            <Table.Row>
              <Table.HeaderCell className="w-[25%]">{t("customer.date")}</Table.HeaderCell>
              <Table.HeaderCell className="w-[31%]">{t("validate.plan")}</Table.HeaderCell>
              <Table.HeaderCell className="w-[21%] text-right">{t("customer.paid")}</Table.HeaderCell>
              <Table.HeaderCell className="w-[23%]">{t("list.status")}</Table.HeaderCell>
            </Table.Row>
          }
          rows={data.purchases.map((p) => (
            <Table.Row key={p.id} className="[&_td]:align-top [&_td]:py-2">
              <Table.Cell>
                <span className="block whitespace-normal">{formatDateTime(p.created_at)}</span>
              </Table.Cell>
              <Table.Cell>
                {p.subscription_id ? (
                  <Link
                    to={`/subscriptions/${p.subscription_id}`}
                    title={planTitle(p)}
                    className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover block truncate"
                  >
                    {planTitle(p)}
                  </Link>
                ) : (
                  <Cut>{planTitle(p)}</Cut>
                )}
                <Cut className="text-ui-fg-subtle">
                  {[kindLabel(p.kind), formatPeriod(p.period_start, p.period_end)]
                    .filter((x) => x !== "—")
                    .join(" · ") || "—"}
                </Cut>
                {p.promocode && <Cut className="text-ui-fg-subtle font-mono">{p.promocode}</Cut>}
              </Table.Cell>
              <Table.Cell className="text-right">
                <span className="block whitespace-normal break-words">{formatAmount(p.total, p.currency_code)}</span>
                {Number(p.discount_amount) > 0 && (
                  <span
                    className="text-ui-fg-subtle block whitespace-normal break-words"
                    title={t("customer.discount_of", { amount: formatAmount(p.discount_amount, p.currency_code) })}
                  >
                    −{formatAmount(p.discount_amount, p.currency_code)}
                  </span>
                )}
              </Table.Cell>
              <Table.Cell>
                <PurchaseStatus purchase={p} />
              </Table.Cell>
            </Table.Row>
          ))}
        />
      )}
    </Section>
  )
}

function PromocodeHistorySection({ customerId }: { customerId: string }) {
  const { t } = useT()
  const [pageIndex, setPageIndex] = useState(0)
  const { data, isLoading, isError, error, refetch } = usePromocodeJournal({
    customer_id: customerId,
    limit: PAGE_SIZE,
    offset: pageIndex * PAGE_SIZE,
  })
  return (
    <Section title={t("customer.history")} description={t("customer.history_text")}>
      {isError ? (
        <ErrorState error={error} title={t("customer.history_failed")} onRetry={() => refetch()} />
      ) : isLoading ? (
        <LoadingState rows={3} />
      ) : !data?.count ? (
        <EmptyState title={t("customer.no_history")} />
      ) : (
        <FitTable
          label={t("customer.history")}
          count={data.count}
          pageIndex={pageIndex}
          onPage={setPageIndex}
          head={
            <Table.Row>
              <Table.HeaderCell className="w-[27%]">{t("journal.time")}</Table.HeaderCell>
              <Table.HeaderCell className="w-[28%]">{t("list.code")}</Table.HeaderCell>
              <Table.HeaderCell className="w-[45%]">{t("journal.result")}</Table.HeaderCell>
            </Table.Row>
          }
          rows={data.usages.map((e) => {
            const reason = e.reason ? reasonLabel(e.reason) : null
            return (
              <Table.Row key={e.id} className="[&_td]:align-top [&_td]:py-2">
                <Table.Cell>
                  <span className="block whitespace-normal">{formatDateTime(e.created_at)}</span>
                </Table.Cell>
                <Table.Cell>
                  {e.promocode_id ? (
                    <Link
                      to={`/promocodes/${e.promocode_id}`}
                      title={e.code ?? undefined}
                      className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover block truncate font-mono"
                    >
                      {e.code ?? e.promocode_id}
                    </Link>
                  ) : (
                    <Cut className="font-mono">{e.code ?? "—"}</Cut>
                  )}
                </Table.Cell>
                <Table.Cell>
                  <span className="flex min-w-0 flex-col items-start gap-y-0.5" title={reason ?? undefined}>
                    <JournalActionBadge action={e.action} />
                    {reason && (
                      <span className="text-ui-fg-subtle line-clamp-2 w-full whitespace-normal">{reason}</span>
                    )}
                  </span>
                </Table.Cell>
              </Table.Row>
            )
          })}
        />
      )}
    </Section>
  )
}

/**
 * On a customer's page, in the side column next to the customer's details
 * (Medusa 2.21 lays main-column widgets out after every core section, so the
 * side column is where an admin sees it first): the subscription, applying a
 * code, purchases and promo code history, each table fitted to the column.
 */
const CustomerTariffsWidget = ({ data }: DetailWidgetProps<AdminCustomer>) => {
  const { t } = useT()
  if (!data?.id) {
    return null
  }
  return (
    <div className="flex min-w-0 flex-col gap-y-3" role="region" aria-label={t("customer.region")}>
      <SubscriptionSection customerId={data.id} />
      <PurchasesSection customerId={data.id} />
      <PromocodeHistorySection customerId={data.id} />
    </div>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.side.before",
})

export default CustomerTariffsWidget
