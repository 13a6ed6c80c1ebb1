import { defineRouteConfig } from "@medusajs/admin-sdk"
import { PencilSquare, ReceiptPercent, Sparkles, Trash } from "@medusajs/icons"
import {
  Button,
  Container,
  DataTable,
  Heading,
  Text,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  useDataTable,
  type DataTableFilteringState,
  type DataTablePaginationState,
  type DataTableSortingState,
} from "@medusajs/ui"
import { useMemo, useRef, useState } from "react"
import { Link, useNavigate, useSearchParams } from "react-router-dom"
import { PromocodeStatusBadge } from "../../components/badges"
import { ExportCodes } from "../../components/export-codes"
import { PromocodeFormModal } from "../../components/promocode-form-modal"
import { ErrorState } from "../../components/states"
import { usePromocodeActions } from "../../hooks/promocode-actions"
import { usePromocodes } from "../../hooks/promocodes"
import {
  PROMOCODE_STATUSES,
  PROMOCODE_TYPES,
  formatDate,
  formatPromocodeValue,
  formatUsage,
  formatWindow,
  statusLabel,
  typeLabel,
} from "../../lib/format"
import { tr, usePaginationTexts, useT } from "../../lib/i18n"
import type { Promocode } from "../../lib/types"

const PAGE_SIZE = 20
const DEFAULT_ORDER = "-created_at"

const columnHelper = createDataTableColumnHelper<Promocode>()
const filterHelper = createDataTableFilterHelper<Promocode>()

function filters(t: (key: string) => string) {
  return [
    filterHelper.accessor("status", {
      type: "multiselect",
      label: t("list.status"),
      options: PROMOCODE_STATUSES.map((value) => ({ value, label: statusLabel(value) })),
    }),
    filterHelper.accessor("type", {
      type: "radio",
      label: t("list.kind"),
      options: PROMOCODE_TYPES.map((value) => ({ value, label: typeLabel(value) })),
    }),
    filterHelper.accessor("batch_id", {
      type: "string",
      label: t("list.batch"),
      placeholder: t("list.batch_id"),
    }),
  ]
}

const isEmptyFilter = (value: unknown) =>
  value === null ||
  value === undefined ||
  (typeof value === "string" && !value.trim()) ||
  (Array.isArray(value) && !value.length)

function orderToSorting(order: string): DataTableSortingState {
  return order.startsWith("-")
    ? { id: order.slice(1), desc: true }
    : { id: order, desc: false }
}

function sortingToOrder(sorting: DataTableSortingState | undefined): string {
  if (!sorting?.id) {
    return DEFAULT_ORDER
  }
  return `${sorting.desc ? "-" : ""}${sorting.id}`
}

/**
 * The list of promo codes. Search, filters, sorting and the page live in the
 * URL, so a filtered view (say, one batch) can be linked to.
 */
const PromocodesPage = () => {
  const navigate = useNavigate()
  const { t, locale } = useT()
  const paginationTexts = usePaginationTexts()
  const [searchParams, setSearchParams] = useSearchParams()
  const [editing, setEditing] = useState<Promocode | undefined>()
  const [formOpen, setFormOpen] = useState(false)
  // the columns are built once; their row actions read the current helpers
  const promocodeActions = usePromocodeActions()
  const actions = useRef(promocodeActions)
  actions.current = promocodeActions

  const q = searchParams.get("q") ?? ""
  const status = searchParams.get("status") ?? ""
  const type = searchParams.get("type") ?? ""
  const batchId = searchParams.get("batch_id") ?? ""
  const order = searchParams.get("order") ?? DEFAULT_ORDER
  const offset = Math.max(0, Number(searchParams.get("offset")) || 0)

  const update = (patch: Record<string, string | null>) => {
    setSearchParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        for (const [key, value] of Object.entries(patch)) {
          if (value === null || value === "") {
            next.delete(key)
          } else {
            next.set(key, value)
          }
        }
        return next
      },
      { replace: true }
    )
  }

  const { data, isLoading, isError, error, refetch } = usePromocodes({
    q,
    status,
    type,
    batch_id: batchId,
    order,
    limit: PAGE_SIZE,
    offset,
  })

  // the filters in effect live in the URL; a filter just added from the menu
  // has no value yet and lives here until it gets one (or is removed)
  const [pendingFilters, setPendingFilters] = useState<DataTableFilteringState>({})
  const filtering: DataTableFilteringState = useMemo(() => {
    const state: DataTableFilteringState = { ...pendingFilters }
    if (status) {
      state.status = status.split(",")
    }
    if (type) {
      state.type = type
    }
    if (batchId) {
      state.batch_id = batchId
    }
    return state
  }, [pendingFilters, status, type, batchId])

  const columns = useMemo(
    () => [
      columnHelper.accessor("code", {
        header: t("list.code"),
        enableSorting: true,
        sortLabel: t("list.code"),
        sortAscLabel: t("list.a_z"),
        sortDescLabel: t("list.z_a"),
        cell: ({ getValue }) => <span className="font-mono">{getValue()}</span>,
      }),
      columnHelper.accessor("type", {
        header: t("list.kind"),
        cell: ({ getValue }) => typeLabel(getValue()),
      }),
      columnHelper.display({
        id: "value",
        header: t("list.value"),
        cell: ({ row }) => formatPromocodeValue(row.original),
      }),
      columnHelper.accessor("ends_at", {
        header: t("list.window"),
        enableSorting: true,
        sortLabel: t("list.end_date"),
        sortAscLabel: t("list.ending_first"),
        sortDescLabel: t("list.ending_last"),
        cell: ({ row }) => formatWindow(row.original.starts_at, row.original.ends_at),
      }),
      columnHelper.accessor("used_count", {
        header: t("list.used_limit"),
        enableSorting: true,
        sortLabel: t("list.uses"),
        sortAscLabel: t("list.fewest_first"),
        sortDescLabel: t("list.most_first"),
        cell: ({ row }) => formatUsage(row.original.used_count, row.original.usage_limit),
      }),
      columnHelper.accessor("status", {
        header: t("list.status"),
        cell: ({ getValue }) => <PromocodeStatusBadge status={getValue()} />,
      }),
      columnHelper.accessor("created_at", {
        header: t("list.created"),
        enableSorting: true,
        sortLabel: t("list.created"),
        sortAscLabel: t("list.oldest_first"),
        sortDescLabel: t("list.newest_first"),
        cell: ({ getValue }) => formatDate(getValue()),
      }),
      columnHelper.action({
        actions: ({ row }) => {
          const p = row.original
          return [
            [
              {
                label: t("common.edit"),
                icon: <PencilSquare />,
                onClick: () => {
                  setEditing(p)
                  setFormOpen(true)
                },
              },
              {
                label: p.is_active ? t("common.deactivate") : t("common.activate"),
                icon: <ReceiptPercent />,
                onClick: () => actions.current.toggleActive(p),
              },
            ],
            [
              {
                label: t("common.delete"),
                icon: <Trash />,
                onClick: () => actions.current.deletePromocode(p),
              },
            ],
          ]
        },
      }),
    ],
    // rebuilt when the language changes (t follows it)
    [locale]
  )
  const tableFilters = useMemo(() => filters(t), [locale])

  const pagination: DataTablePaginationState = {
    pageIndex: Math.floor(offset / PAGE_SIZE),
    pageSize: PAGE_SIZE,
  }

  const table = useDataTable({
    data: data?.promocodes ?? [],
    columns,
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading,
    filters: tableFilters,
    onRowClick: (_, row) => navigate(`/promocodes/${row.id}`),
    search: {
      state: q,
      onSearchChange: (value) => update({ q: value.trim(), offset: null }),
    },
    filtering: {
      state: filtering,
      onFilteringChange: (state) => {
        setPendingFilters(
          Object.fromEntries(Object.entries(state).filter(([, value]) => isEmptyFilter(value)))
        )
        const nextStatus = Array.isArray(state.status) ? (state.status as string[]).join(",") : ""
        update({
          status: nextStatus,
          type: typeof state.type === "string" ? state.type : "",
          batch_id: typeof state.batch_id === "string" ? state.batch_id.trim() : "",
          offset: null,
        })
      },
    },
    sorting: {
      state: orderToSorting(order),
      onSortingChange: (sorting) => update({ order: sortingToOrder(sorting), offset: null }),
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
              <Heading level="h1">{t("nav.promocodes")}</Heading>
              <Text size="small" className="text-ui-fg-subtle">
                {t("list.subtitle")}
              </Text>
              <Text size="small" className="text-ui-fg-subtle max-w-2xl">
                Use these for tariffs: percent, amount or free days, per-customer
                limits, assignment to accounts and a journal of every use. Medusa's{" "}
                <Link to="/promotions" className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
                  Promotions
                </Link>{" "}
                discount carts and products in Medusa's own checkout, which tariffs do not use.
              </Text>
            </div>
            <div className="flex flex-wrap items-center gap-2">
              <DataTable.FilterMenu tooltip={t("list.filter")} />
              <DataTable.SortingMenu tooltip={t("list.sort")} />
              <DataTable.Search placeholder={t("list.search")} />
              <ExportCodes key={batchId} batchId={batchId.trim() || null} label={batchId.trim() ? t("list.export_batch") : t("list.export_all")} />
              <Button size="small" variant="secondary" asChild>
                <Link to="/promocodes/generate">
                  <Sparkles />
                  {t("nav.generate")}
                </Link>
              </Button>
              <Button
                size="small"
                onClick={() => {
                  setEditing(undefined)
                  setFormOpen(true)
                }}
              >
                {t("list.create")}
              </Button>
            </div>
          </DataTable.Toolbar>
          {isError ? (
            <ErrorState error={error} title={t("list.load_failed")} onRetry={() => refetch()} />
          ) : (
            <>
              <DataTable.Table
                emptyState={{
                  empty: {
                    heading: t("list.empty"),
                    description: t("list.empty_text"),
                  },
                  filtered: {
                    heading: t("list.no_match"),
                    description: t("list.no_match_text"),
                  },
                }}
              />
              <DataTable.Pagination translations={paginationTexts} />
            </>
          )}
        </DataTable>
      </Container>
      <PromocodeFormModal
        open={formOpen}
        onOpenChange={setFormOpen}
        promocode={editing}
      />
    </>
  )
}

export const config = defineRouteConfig({
  label: "cinema.nav.promocodes",
  translationNs: "translation",
  icon: ReceiptPercent,
})

export const handle = {
  breadcrumb: () => tr("nav.promocodes"),
}

export default PromocodesPage
