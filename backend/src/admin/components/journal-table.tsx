import {
  DataTable,
  createDataTableColumnHelper,
  useDataTable,
  type DataTablePaginationState,
} from "@medusajs/ui"
import { useMemo, type MouseEvent } from "react"
import { Link } from "react-router-dom"
import { formatAmount, formatDateTime, customerLabel, reasonLabel } from "../lib/format"
import type { JournalEntry } from "../lib/types"
import { JournalActionBadge } from "./badges"
import { EmptyState } from "./states"
import { usePaginationTexts, useT } from "../lib/i18n"

const columnHelper = createDataTableColumnHelper<JournalEntry>()

const stop = (e: MouseEvent) => e.stopPropagation()

/** "pur_…K7Q2ZM": enough to tell purchases apart; the full id is in the tooltip. */
function shortId(id: string): string {
  const cut = id.indexOf("_") + 1
  const rest = id.slice(cut)
  return rest.length > 8 ? `${id.slice(0, cut)}…${rest.slice(-6)}` : id
}

/**
 * Rows of the promo code journal: when, who (linked to the customer page) or
 * which code, the result and why, the discount, and the purchase.
 */
export function JournalTable({
  entries,
  count,
  pagination,
  onPaginationChange,
  isLoading,
  show,
  emptyText,
}: {
  entries: JournalEntry[]
  count: number
  pagination: DataTablePaginationState
  onPaginationChange: (state: DataTablePaginationState) => void
  isLoading: boolean
  /** the column that varies: the customer (on a code's page) or the code (on a customer's) */
  show: "customer" | "code"
  emptyText: string
}) {
  const { t, locale } = useT()
  const paginationTexts = usePaginationTexts()
  const columns = useMemo(
    () => [
      columnHelper.accessor("created_at", {
        header: t("journal.time"),
        size: 140,
        cell: ({ getValue }) => formatDateTime(getValue()),
      }),
      show === "customer"
        ? columnHelper.accessor("customer_id", {
            header: t("validate.customer"),
            // long addresses are cut (the full one is in the tooltip)
            size: 200,
            cell: ({ row }) => {
              const e = row.original
              if (!e.customer_id) {
                return "—"
              }
              return (
                <Link
                  to={`/customers/${e.customer_id}`}
                  onClick={stop}
                  title={customerLabel(e.customer, e.customer_id)}
                  className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover block max-w-[200px] truncate"
                >
                  {e.customer?.email ?? e.customer_id}
                </Link>
              )
            },
          })
        : columnHelper.accessor("code", {
            header: t("list.code"),
            size: 160,
            cell: ({ row }) => {
              const e = row.original
              if (e.promocode_id) {
                return (
                  <Link
                    to={`/promocodes/${e.promocode_id}`}
                    onClick={stop}
                    className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover font-mono"
                  >
                    {e.code ?? e.promocode_id}
                  </Link>
                )
              }
              return <span className="font-mono">{e.code ?? "—"}</span>
            },
          }),
      // not "action": the data table keeps that id for its row-actions column
      columnHelper.accessor("action", {
        id: "result",
        header: t("journal.result"),
        size: 180,
        cell: ({ row }) => (
          <span
            className="flex min-w-0 items-center gap-x-2"
            title={row.original.reason ? reasonLabel(row.original.reason) : undefined}
          >
            <JournalActionBadge action={row.original.action} />
            {row.original.reason && (
              <span className="text-ui-fg-subtle truncate">{reasonLabel(row.original.reason)}</span>
            )}
          </span>
        ),
      }),
      columnHelper.accessor("discount_amount", {
        header: t("validate.discount"),
        size: 90,
        align: "right",
        cell: ({ row }) =>
          row.original.discount_amount === null || row.original.discount_amount === undefined
            ? "—"
            : formatAmount(row.original.discount_amount, row.original.currency_code),
      }),
      columnHelper.accessor("purchase_id", {
        header: t("journal.purchase"),
        size: 110,
        cell: ({ getValue }) => {
          const id = getValue()
          return id ? (
            <span className="font-mono text-xs" title={id}>
              {shortId(id)}
            </span>
          ) : (
            "—"
          )
        },
      }),
    ],
    // rebuilt when the language changes (t follows it)
    [show, locale]
  )

  const table = useDataTable({
    data: entries,
    columns,
    getRowId: (row) => row.id,
    rowCount: count,
    isLoading,
    pagination: { state: pagination, onPaginationChange },
  })

  if (!isLoading && count === 0) {
    return <EmptyState title={emptyText} />
  }
  return (
    <DataTable instance={table}>
      <DataTable.Table />
      <DataTable.Pagination translations={paginationTexts} />
    </DataTable>
  )
}
