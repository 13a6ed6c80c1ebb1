import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowPath, User, XCircle } from "@medusajs/icons"
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
import { useCustomersById } from "../../hooks/customers"
import { useSubscriptions } from "../../hooks/subscriptions"
import { useTariffOptions } from "../../hooks/tariffs"
import { formatAmount, formatDate } from "../../lib/format"
import {
  SUBSCRIPTION_STATUS_LABELS,
  statusColor,
  statusLabel,
} from "../../lib/subscription-format"
import {
  LIVE_STATUSES,
  type LifecycleStatus,
  type LifecycleSubscription,
} from "../../lib/subscription-types"

const PAGE_SIZE = 20

const columnHelper = createDataTableColumnHelper<LifecycleSubscription>()
const filterHelper = createDataTableFilterHelper<LifecycleSubscription>()

const FILTERS = [
  filterHelper.accessor("status", {
    type: "multiselect",
    label: "Status",
    options: (Object.keys(SUBSCRIPTION_STATUS_LABELS) as LifecycleStatus[]).map((value) => ({
      value,
      label: SUBSCRIPTION_STATUS_LABELS[value],
    })),
  }),
]

const planTitle = (s: LifecycleSubscription) =>
  [s.product_title, s.variant_title].filter(Boolean).join(" · ") || s.variant_id

/**
 * Every customer's subscriptions, the latest ending first: status filter and pages in
 * the URL; a live one can be cancelled (now, with an optional prorated refund, or at the
 * period end). A row opens the customer.
 */
const SubscriptionsPage = () => {
  const navigate = useNavigate()
  const [searchParams, setSearchParams] = useSearchParams()
  const [target, setTarget] = useState<LifecycleSubscription | null>(null)

  const status = searchParams.get("status") ?? ""
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

  const { data, isLoading, isError, error, refetch } = useSubscriptions({
    status,
    limit: PAGE_SIZE,
    offset,
  })
  const subscriptions = data?.subscriptions ?? []
  const customerIds = useMemo(
    () => [...new Set(subscriptions.map((s) => s.customer_id))],
    [subscriptions]
  )
  const { data: customers } = useCustomersById(customerIds)
  const { data: plans } = useTariffOptions()
  const emails = useMemo(
    () => new Map((customers ?? []).map((c) => [c.id, c.email])),
    [customers]
  )
  const planNames = useMemo(
    () =>
      new Map((plans ?? []).map((p) => [p.variant_id, `${p.product_title} · ${p.variant_title}`])),
    [plans]
  )

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
        header: "Customer",
        cell: ({ row }) => emails.get(row.original.customer_id) ?? row.original.customer_id,
      }),
      columnHelper.display({
        id: "plan",
        header: "Plan",
        cell: ({ row }) => planTitle(row.original),
      }),
      columnHelper.accessor("status", {
        header: "Status",
        cell: ({ row }) => (
          <span className="flex flex-wrap items-center gap-1">
            <StatusBadge color={statusColor(row.original.status)}>
              {statusLabel(row.original.status)}
            </StatusBadge>
            {row.original.cancel_at_period_end ? (
              <Text size="xsmall" className="text-ui-fg-subtle">
                ends at period end
              </Text>
            ) : null}
          </span>
        ),
      }),
      columnHelper.display({
        id: "period",
        header: "Current period",
        cell: ({ row }) =>
          `${formatDate(row.original.current_period_start)} – ${formatDate(row.original.current_period_end)}`,
      }),
      columnHelper.display({
        id: "pending",
        header: "Scheduled change",
        cell: ({ row }) => {
          const pending = row.original.pending_variant_id
          return pending ? planNames.get(pending) ?? pending : "—"
        },
      }),
      columnHelper.display({
        id: "next_charge",
        header: "Next charge",
        cell: ({ row }) => {
          const next = row.original.next_charge
          return next ? `${formatAmount(next.amount, next.currency_code)} on ${formatDate(next.at)}` : "—"
        },
      }),
      columnHelper.action({
        actions: ({ row }) =>
          LIVE_STATUSES.includes(row.original.status)
            ? [
                [
                  {
                    label: "Cancel…",
                    icon: <XCircle />,
                    onClick: () => setTarget(row.original),
                  },
                ],
              ]
            : [
                [
                  {
                    label: "Open customer",
                    icon: <User />,
                    onClick: () => navigate(`/customers/${row.original.customer_id}`),
                  },
                ],
              ],
      }),
    ],
    [emails, planNames, navigate]
  )

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
    filters: FILTERS,
    onRowClick: (_, row) => navigate(`/customers/${row.customer_id}`),
    filtering: {
      state: filtering,
      onFilteringChange: (state) => {
        setPendingFilters(
          Object.fromEntries(
            Object.entries(state).filter(
              ([, value]) => !value || (Array.isArray(value) && !value.length)
            )
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
              <Heading level="h1">Subscriptions</Heading>
              <Text size="small" className="text-ui-fg-subtle">
                Every customer's tariff: trials, active, past due, canceled and expired.
              </Text>
            </div>
            <DataTable.FilterMenu tooltip="Filter" />
          </DataTable.Toolbar>
          {isError ? (
            <ErrorState error={error} title="Could not load the subscriptions" onRetry={() => refetch()} />
          ) : (
            <>
              <DataTable.Table
                emptyState={{
                  empty: { heading: "No subscriptions yet", description: "They appear when customers buy a plan." },
                  filtered: { heading: "No subscriptions match", description: "Change the status filter." },
                }}
              />
              <DataTable.Pagination />
            </>
          )}
        </DataTable>
      </Container>
      {target ? (
        <CancelSubscriptionPrompt
          key={target.id}
          subscription={target}
          label={`${planTitle(target)} of ${emails.get(target.customer_id) ?? target.customer_id}`}
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
  label: "Subscriptions",
  icon: ArrowPath,
})

export const handle = {
  breadcrumb: () => "Subscriptions",
}

export default SubscriptionsPage
