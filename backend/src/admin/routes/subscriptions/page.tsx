import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowPath, ArrowUpRightOnBox, User, XCircle } from "@medusajs/icons"
import {
  Container,
  DataTable,
  Heading,
  StatusBadge,
  Text,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  useDataTable,
  type DataTableFilteringState,
  type DataTablePaginationState,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useNavigate, useSearchParams } from "react-router-dom"
import { CancelSubscriptionPrompt } from "../../components/cancel-subscription"
import { ErrorState } from "../../components/states"
import { useSubscriptions } from "../../hooks/subscriptions"
import { DEFAULT_CURRENCY, formatAmount, formatAmounts, formatDate } from "../../lib/format"
import { tr, usePaginationTexts, useT } from "../../lib/i18n"
import { SUBSCRIPTION_STATUSES, formatPeriod, planTitle, statusColor, statusLabel } from "../../lib/subscription-format"
import { LIVE_STATUSES } from "../../lib/subscription-types"
import type { AdminSubscription } from "../../lib/types"

const PAGE_SIZE = 20

const columnHelper = createDataTableColumnHelper<AdminSubscription>()
const filterHelper = createDataTableFilterHelper<AdminSubscription>()

function filters(t: (key: string) => string) {
  return [
    filterHelper.accessor("status", {
      type: "multiselect",
      label: t("list.status"),
      options: SUBSCRIPTION_STATUSES.map((value) => ({ value, label: statusLabel(value) })),
    }),
  ]
}

/**
 * Every customer's subscriptions, the latest ending first: search by the customer's
 * email, several statuses at once and the page in the URL; each row's MRR and the MRR
 * of everything the filters match above the table. A row opens the subscription; a
 * live one can be cancelled from its menu.
 */
const SubscriptionsPage = () => {
  const navigate = useNavigate()
  const { t, locale } = useT()
  const paginationTexts = usePaginationTexts()
  const [searchParams, setSearchParams] = useSearchParams()
  const [target, setTarget] = useState<AdminSubscription | null>(null)

  const status = searchParams.get("status") ?? ""
  const q = searchParams.get("q") ?? ""
  const offset = Math.max(0, Number(searchParams.get("offset")) || 0)
  const update = (patch: Record<string, string | null>) =>
    setSearchParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        for (const [key, value] of Object.entries(patch)) {
          if (value) {
            next.set(key, value)
          } else {
            next.delete(key)
          }
        }
        return next
      },
      { replace: true }
    )

  const { data, isLoading, isError, error, refetch } = useSubscriptions({ status, q, limit: PAGE_SIZE, offset })
  const subscriptions = data?.subscriptions ?? []

  // a filter just added from the menu has no value yet; it lives here until it gets one
  const [pendingFilters, setPendingFilters] = useState<DataTableFilteringState>({})
  const filtering: DataTableFilteringState = useMemo(
    () => ({ ...pendingFilters, ...(status ? { status: status.split(",") } : {}) }),
    [pendingFilters, status]
  )

  const columns = useMemo(
    () => [
      columnHelper.display({
        id: "customer",
        header: t("subscription.customer"),
        cell: ({ row }) => row.original.customer_email ?? row.original.customer_id,
      }),
      columnHelper.display({
        id: "plan",
        header: t("subscription.plan"),
        cell: ({ row }) => planTitle(row.original),
      }),
      columnHelper.accessor("status", {
        header: t("list.status"),
        cell: ({ row }) => (
          <span className="flex flex-wrap items-center gap-1">
            <StatusBadge color={statusColor(row.original.status)}>{statusLabel(row.original.status)}</StatusBadge>
            {row.original.cancel_at_period_end ? (
              <Text size="xsmall" className="text-ui-fg-subtle">
                {t("lifecycle.ends_at_period_end")}
              </Text>
            ) : null}
          </span>
        ),
      }),
      columnHelper.display({
        id: "period",
        header: t("lifecycle.current_period"),
        cell: ({ row }) => formatPeriod(row.original.current_period_start, row.original.current_period_end),
      }),
      columnHelper.display({
        id: "next_charge",
        header: t("lifecycle.next_charge"),
        cell: ({ row }) => {
          const next = row.original.next_charge
          return next
            ? t("lifecycle.next_charge_value", {
                amount: formatAmount(next.amount, next.currency_code),
                date: formatDate(next.at),
              })
            : "—"
        },
      }),
      columnHelper.display({
        id: "mrr",
        header: () => <span title={t("subscription.mrr_hint")}>{t("subscription.mrr")}</span>,
        cell: ({ row }) => (
          <span className="tabular-nums">
            {formatAmount(row.original.mrr, row.original.next_charge?.currency_code ?? DEFAULT_CURRENCY)}
          </span>
        ),
      }),
      columnHelper.action({
        actions: ({ row }) => [
          [
            {
              label: t("subscription.open"),
              icon: <ArrowUpRightOnBox />,
              onClick: () => navigate(`/subscriptions/${row.original.id}`),
            },
            {
              label: t("lifecycle.open_customer"),
              icon: <User />,
              onClick: () => navigate(`/customers/${row.original.customer_id}`),
            },
          ],
          ...(LIVE_STATUSES.includes(row.original.status)
            ? [[{ label: t("lifecycle.cancel_menu"), icon: <XCircle />, onClick: () => setTarget(row.original) }]]
            : []),
        ],
      }),
    ],
    // rebuilt when the language changes (t follows it)
    [navigate, locale]
  )
  const tableFilters = useMemo(() => filters(t), [locale])

  const pagination: DataTablePaginationState = {
    pageIndex: Math.floor(offset / PAGE_SIZE),
    pageSize: PAGE_SIZE,
  }

  const table = useDataTable({
    data: subscriptions,
    columns,
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading,
    filters: tableFilters,
    onRowClick: (_, row) => navigate(`/subscriptions/${row.id}`),
    search: {
      state: q,
      onSearchChange: (value) => update({ q: value.trim(), offset: null }),
    },
    filtering: {
      state: filtering,
      onFilteringChange: (state) => {
        setPendingFilters(
          Object.fromEntries(
            Object.entries(state).filter(([, value]) => !value || (Array.isArray(value) && !value.length))
          )
        )
        update({
          status: Array.isArray(state.status) ? (state.status as string[]).join(",") : "",
          offset: null,
        })
      },
    },
    pagination: {
      state: pagination,
      onPaginationChange: (state) => update({ offset: String(state.pageIndex * state.pageSize) }),
    },
  })

  return (
    <>
      <Container className="flex flex-col overflow-hidden p-0">
        <DataTable instance={table}>
          <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 px-6 py-4 md:flex-row md:items-center">
            <div className="flex flex-col gap-y-1">
              <Heading level="h1">{t("lifecycle.title")}</Heading>
              <Text size="small" className="text-ui-fg-subtle">
                {t("lifecycle.subtitle")}
              </Text>
              {data ? (
                <Text size="small" weight="plus" data-testid="mrr-total" title={t("subscription.mrr_hint")}>
                  {t("subscription.mrr_total", { amount: formatAmounts(data.mrr_total) })}
                </Text>
              ) : null}
            </div>
            <div className="flex flex-wrap items-center gap-2">
              <DataTable.FilterMenu tooltip={t("list.filter")} />
              <DataTable.Search placeholder={t("subscription.search")} />
            </div>
          </DataTable.Toolbar>
          {isError ? (
            <ErrorState error={error} title={t("customer.subscriptions_failed")} onRetry={() => refetch()} />
          ) : (
            <>
              <DataTable.Table
                emptyState={{
                  empty: { heading: t("lifecycle.empty"), description: t("lifecycle.empty_text") },
                  filtered: { heading: t("lifecycle.no_match"), description: t("subscription.no_match_text") },
                }}
              />
              <DataTable.Pagination translations={paginationTexts} />
            </>
          )}
        </DataTable>
      </Container>
      {target ? (
        <CancelSubscriptionPrompt
          key={target.id}
          subscription={target}
          label={t("lifecycle.plan_of", { plan: planTitle(target), customer: target.customer_email ?? target.customer_id })}
          open
          onOpenChange={(open) => {
            if (!open) {
              setTarget(null)
            }
          }}
        />
      ) : null}
    </>
  )
}

export const config = defineRouteConfig({
  label: "cinema.lifecycle.title",
  translationNs: "translation",
  icon: ArrowPath,
})

export const handle = {
  breadcrumb: () => tr("lifecycle.title"),
}

export default SubscriptionsPage
