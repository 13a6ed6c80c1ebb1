import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import {
  Button,
  DataTable,
  StatusBadge,
  Text,
  createDataTableColumnHelper,
  useDataTable,
  type DataTablePaginationState,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { AssignCodeForm } from "../components/assign-forms"
import { JournalTable } from "../components/journal-table"
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
import { formatPeriod, kindLabel, statusColor, statusLabel } from "../lib/subscription-format"
import { LIVE_STATUSES, type PurchaseWithKind } from "../lib/subscription-types"
import type { Purchase } from "../lib/types"

const PAGE_SIZE = 5

type Titled = { product_title?: string | null; variant_title?: string | null; variant_id: string }

const planTitle = (s: Titled) =>
  [s.product_title, s.variant_title].filter(Boolean).join(" · ") || s.variant_id

function SubscriptionSection({ customerId }: { customerId: string }) {
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
      title="Subscription"
      description="The customer's tariff, and promo codes applied by hand."
      actions={
        current ? (
          <Button size="small" variant="secondary" onClick={() => setCanceling(true)}>
            Cancel subscription
          </Button>
        ) : undefined
      }
    >
      {isLoading ? (
        <LoadingState rows={2} label="Loading the subscription…" />
      ) : isError ? (
        <ErrorState error={error} title="Could not load the subscriptions" onRetry={() => refetch()} />
      ) : current ? (
        <div data-testid="current-subscription">
          <SectionRow
            label="Current plan"
            value={
              <span className="flex flex-wrap items-center gap-2">
                {planTitle(current)}
                <StatusBadge color={statusColor(current.status)}>{statusLabel(current.status)}</StatusBadge>
              </span>
            }
          />
          <SectionRow
            label="Current period"
            value={`${formatDate(current.current_period_start)} – ${formatDate(current.current_period_end)}`}
          />
          {current.cancel_at_period_end ? (
            <SectionRow label="Ends" value={`Canceled: access until ${formatDate(current.current_period_end)}`} />
          ) : null}
          {current.pending_variant_id ? (
            <SectionRow
              label="Scheduled change"
              value={`${pending ? `${pending.product_title} · ${pending.variant_title}` : current.pending_variant_id} from ${formatDate(current.current_period_end)}`}
            />
          ) : null}
          {current.next_charge ? (
            <SectionRow
              label="Next charge"
              value={`${formatAmount(current.next_charge.amount, current.next_charge.currency_code)} on ${formatDate(current.next_charge.at)}`}
            />
          ) : null}
          {current.payment_method ? (
            <SectionRow
              label="Card"
              value={`${current.payment_method.brand} ·${current.payment_method.last4}`}
            />
          ) : null}
        </div>
      ) : (
        <div className="px-6 py-4" data-testid="current-subscription">
          <Text size="small" className="text-ui-fg-subtle">
            No live subscription.
          </Text>
        </div>
      )}
      {current && canceling ? (
        <CancelSubscriptionPrompt
          key={current.id}
          subscription={current}
          label={`${planTitle(current)}, ${statusLabel(current.status).toLowerCase()} until ${formatDate(current.current_period_end)}`}
          open={canceling}
          onOpenChange={setCanceling}
        />
      ) : null}
      <AssignCodeForm customerId={customerId} />
    </Section>
  )
}

const purchaseColumns = createDataTableColumnHelper<Purchase & PurchaseWithKind>()

function PurchasesSection({ customerId }: { customerId: string }) {
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const { data, isLoading, isError, error, refetch } = usePurchases({
    customer_id: customerId,
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
  })
  const columns = useMemo(
    () => [
      purchaseColumns.accessor("created_at", {
        header: "Date",
        cell: ({ getValue }) => formatDateTime(getValue()),
      }),
      purchaseColumns.display({
        id: "plan",
        header: "Plan",
        cell: ({ row }) => planTitle(row.original),
      }),
      purchaseColumns.display({
        id: "kind",
        header: "Kind",
        cell: ({ row }) => kindLabel(row.original.kind),
      }),
      purchaseColumns.display({
        id: "period",
        header: "Period",
        cell: ({ row }) => formatPeriod(row.original.period_start, row.original.period_end),
      }),
      purchaseColumns.accessor("promocode", {
        header: "Code",
        cell: ({ getValue }) => <span className="font-mono">{getValue() ?? "—"}</span>,
      }),
      purchaseColumns.accessor("discount_amount", {
        header: "Discount",
        align: "right",
        cell: ({ row }) => formatAmount(row.original.discount_amount, row.original.currency_code),
      }),
      purchaseColumns.accessor("total", {
        header: "Paid",
        align: "right",
        cell: ({ row }) => formatAmount(row.original.total, row.original.currency_code),
      }),
      purchaseColumns.accessor("status", {
        header: "Status",
        cell: ({ row }) => {
          const p = row.original
          return (
            <span title={p.failure_reason ? reasonLabel(p.failure_reason) : undefined}>
              <StatusBadge color={PURCHASE_STATUS_COLORS[p.status] ?? "grey"}>
                {p.status === "failed" && p.failure_reason
                  ? `Failed: ${reasonLabel(p.failure_reason)}`
                  : p.status.charAt(0).toUpperCase() + p.status.slice(1)}
              </StatusBadge>
            </span>
          )
        },
      }),
    ],
    []
  )
  const table = useDataTable({
    data: data?.purchases ?? [],
    columns,
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
  })
  return (
    <Section title="Purchases">
      {isError ? (
        <ErrorState error={error} title="Could not load the purchases" onRetry={() => refetch()} />
      ) : !isLoading && !data?.count ? (
        <EmptyState title="No purchases yet" />
      ) : (
        <DataTable instance={table}>
          <DataTable.Table />
          <DataTable.Pagination />
        </DataTable>
      )}
    </Section>
  )
}

function PromocodeHistorySection({ customerId }: { customerId: string }) {
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const { data, isLoading, isError, error, refetch } = usePromocodeJournal({
    customer_id: customerId,
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
  })
  return (
    <Section title="Promo code history" description="Every code this customer tried, used or was given.">
      {isError ? (
        <ErrorState error={error} title="Could not load the promo code history" onRetry={() => refetch()} />
      ) : (
        <JournalTable
          entries={data?.usages ?? []}
          count={data?.count ?? 0}
          pagination={pagination}
          onPaginationChange={setPagination}
          isLoading={isLoading}
          show="code"
          emptyText="No promo code activity"
        />
      )}
    </Section>
  )
}

/** On a customer's page: their subscription, purchases and promo code history. */
const CustomerTariffsWidget = ({ data }: DetailWidgetProps<AdminCustomer>) => {
  if (!data?.id) {
    return null
  }
  return (
    <div className="flex flex-col gap-y-3" role="region" aria-label="Subscription and promo codes">
      <SubscriptionSection customerId={data.id} />
      <PurchasesSection customerId={data.id} />
      <PromocodeHistorySection customerId={data.id} />
    </div>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details",
})

export default CustomerTariffsWidget
