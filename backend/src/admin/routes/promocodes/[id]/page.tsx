import { ArrowLeft, PencilSquare, ReceiptPercent, Trash } from "@medusajs/icons"
import { Container, Select, Text, type DataTablePaginationState } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link, useNavigate, useParams } from "react-router-dom"
import { ActionMenu } from "../../../components/action-menu"
import { AssignToCustomerForm } from "../../../components/assign-forms"
import { PromocodeStatusBadge } from "../../../components/badges"
import { JournalTable } from "../../../components/journal-table"
import { PromocodeFormModal } from "../../../components/promocode-form-modal"
import { Section, SectionRow } from "../../../components/section"
import { ErrorState, LoadingState } from "../../../components/states"
import { useCustomersById } from "../../../hooks/customers"
import { usePromocodeActions } from "../../../hooks/promocode-actions"
import { usePromocode, usePromocodeUsages } from "../../../hooks/promocodes"
import { useTariffOptions } from "../../../hooks/tariffs"
import {
  ACTION_LABELS,
  TYPE_LABELS,
  customerLabel,
  formatAmounts,
  formatDateTime,
  formatPromocodeValue,
  formatUsage,
  reasonLabel,
} from "../../../lib/format"
import type { JournalAction, Promocode, PromocodeStats } from "../../../lib/types"

const JOURNAL_PAGE_SIZE = 10

const yesNo = (value: boolean) => (value ? "Yes" : "No")

function Targets({ promocode }: { promocode: Promocode }) {
  const { data: options } = useTariffOptions()
  const products = promocode.product_ids ?? []
  const variants = promocode.variant_ids ?? []
  if (!products.length && !variants.length) {
    return <>Every plan</>
  }
  const productTitle = (id: string) => options?.find((o) => o.product_id === id)?.product_title ?? id
  const variantTitle = (id: string) => {
    const o = options?.find((x) => x.variant_id === id)
    return o ? `${o.product_title} · ${o.variant_title}` : id
  }
  return (
    <ul className="flex flex-col gap-y-0.5">
      {products.map((id) => (
        <li key={id}>{productTitle(id)} (every plan)</li>
      ))}
      {variants.map((id) => (
        <li key={id}>{variantTitle(id)}</li>
      ))}
    </ul>
  )
}

function Customers({ ids }: { ids: string[] }) {
  const shown = ids.slice(0, 20)
  const { data } = useCustomersById(shown)
  if (!ids.length) {
    return <>Any customer</>
  }
  const byId = new Map((data ?? []).map((c) => [c.id, c]))
  return (
    <ul className="flex flex-col gap-y-0.5">
      {shown.map((id) => (
        <li key={id}>
          <Link to={`/customers/${id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
            {customerLabel(byId.get(id), id)}
          </Link>
        </li>
      ))}
      {ids.length > shown.length && <li>and {ids.length - shown.length} more</li>}
    </ul>
  )
}

function GeneralSection({
  promocode,
  onEdit,
  onDeleted,
}: {
  promocode: Promocode
  onEdit: () => void
  onDeleted: () => void
}) {
  const { toggleActive, deletePromocode } = usePromocodeActions()
  const p = promocode
  return (
    <Section
      level="h1"
      title={
        <span className="flex items-center gap-x-3">
          <span className="font-mono">{p.code}</span>
          <PromocodeStatusBadge status={p.status} />
        </span>
      }
      description={p.description ?? undefined}
      actions={
        <ActionMenu
          actions={[
            [
              { label: "Edit", icon: <PencilSquare />, onClick: onEdit },
              {
                label: p.is_active ? "Deactivate" : "Activate",
                icon: <ReceiptPercent />,
                onClick: () => toggleActive(p),
              },
            ],
            [
              {
                label: "Delete",
                icon: <Trash />,
                danger: true,
                onClick: async () => {
                  if (await deletePromocode(p)) {
                    onDeleted()
                  }
                },
              },
            ],
          ]}
        />
      }
    >
      <SectionRow label="Kind" value={TYPE_LABELS[p.type]} />
      <SectionRow label="Gives" value={formatPromocodeValue(p)} />
      <SectionRow label="Starts" value={p.starts_at ? formatDateTime(p.starts_at) : "Immediately"} />
      <SectionRow label="Ends" value={p.ends_at ? formatDateTime(p.ends_at) : "Never"} />
      <SectionRow label="Active" value={yesNo(p.is_active)} />
      <SectionRow label="Total uses" value={p.usage_limit === null ? "Unlimited" : p.usage_limit} />
      <SectionRow
        label="Uses per customer"
        value={p.per_customer_limit === null ? "Unlimited" : p.per_customer_limit}
      />
      <SectionRow label="First purchase only" value={yesNo(p.first_purchase_only)} />
      <SectionRow label="Plans" value={<Targets promocode={p} />} />
      <SectionRow label="Customers" value={<Customers ids={p.customer_ids ?? []} />} />
      {p.batch_id && (
        <SectionRow
          label="Batch"
          value={
            <Link
              to={`/promocodes?batch_id=${encodeURIComponent(p.batch_id)}`}
              className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover font-mono"
            >
              {p.batch_id}
            </Link>
          }
        />
      )}
      <SectionRow label="Created" value={formatDateTime(p.created_at)} />
    </Section>
  )
}

function CountersSection({ promocode, stats }: { promocode: Promocode; stats?: PromocodeStats }) {
  return (
    <Section title="Counters">
      <SectionRow label="Used / limit" value={formatUsage(promocode.used_count, promocode.usage_limit)} />
      <SectionRow label="Reserved now" value={stats?.reserved ?? promocode.reserved_count} />
      {stats && (
        <>
          <SectionRow label="Redeemed" value={stats.redeemed} />
          <SectionRow label="Released" value={stats.released} />
          <SectionRow label="Customers" value={stats.customers} />
          <SectionRow label="Remaining" value={stats.remaining === null ? "Unlimited" : stats.remaining} />
          <SectionRow label="Discount given" value={formatAmounts(stats.discount_given)} />
          <SectionRow label="Last redeemed" value={formatDateTime(stats.last_redeemed_at)} />
          <SectionRow
            label="Rejections"
            value={
              stats.rejections_by_reason.length ? (
                <ul className="flex flex-col gap-y-0.5">
                  {stats.rejections_by_reason.map((r) => (
                    <li key={r.reason ?? "none"}>
                      {reasonLabel(r.reason)}: {r.count}
                    </li>
                  ))}
                </ul>
              ) : (
                "None"
              )
            }
          />
        </>
      )}
    </Section>
  )
}

function JournalSection({ id }: { id: string }) {
  const [pagination, setPagination] = useState<DataTablePaginationState>({
    pageIndex: 0,
    pageSize: JOURNAL_PAGE_SIZE,
  })
  const [action, setAction] = useState<string>("all")
  const params = useMemo(
    () => ({
      limit: pagination.pageSize,
      offset: pagination.pageIndex * pagination.pageSize,
      action: action === "all" ? undefined : action,
    }),
    [pagination, action]
  )
  const { data, isLoading, isError, error, refetch } = usePromocodeUsages(id, params)

  return (
    <Section
      title="Usage journal"
      description="Every check, reservation, release, redemption and assignment of this code."
      actions={
        <Select
          size="small"
          value={action}
          onValueChange={(value) => {
            setAction(value)
            setPagination((p) => ({ ...p, pageIndex: 0 }))
          }}
        >
          <Select.Trigger aria-label="Show results" className="w-[160px]">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="all">All results</Select.Item>
            {(Object.keys(ACTION_LABELS) as JournalAction[]).map((a) => (
              <Select.Item key={a} value={a}>
                {ACTION_LABELS[a]}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      }
    >
      {isError ? (
        <ErrorState error={error} title="Could not load the journal" onRetry={() => refetch()} />
      ) : (
        <JournalTable
          entries={data?.usages ?? []}
          count={data?.count ?? 0}
          pagination={pagination}
          onPaginationChange={setPagination}
          isLoading={isLoading}
          show="customer"
          emptyText={action === "all" ? "Nobody has used this code yet" : "No such results"}
        />
      )}
    </Section>
  )
}

/** One promo code: its rules, counters, journal, and assigning it to a customer. */
const PromocodeDetailPage = () => {
  const { id = "" } = useParams()
  const navigate = useNavigate()
  const [editOpen, setEditOpen] = useState(false)
  const { data, isLoading, isError, error, refetch } = usePromocode(id)

  const back = (
    <Link
      to="/promocodes"
      className="text-ui-fg-subtle hover:text-ui-fg-base txt-compact-small flex w-fit items-center gap-x-1"
    >
      <ArrowLeft /> Promo codes
    </Link>
  )

  if (isLoading) {
    return (
      <div className="flex flex-col gap-y-3">
        {back}
        <Container className="p-0">
          <LoadingState rows={8} label="Loading the promo code…" />
        </Container>
      </div>
    )
  }
  if (isError || !data) {
    return (
      <div className="flex flex-col gap-y-3">
        {back}
        <Container className="p-0">
          <ErrorState error={error} title="Could not load this promo code" onRetry={() => refetch()} />
        </Container>
      </div>
    )
  }

  const { promocode, stats } = data
  return (
    <div className="flex flex-col gap-y-3">
      {back}
      <div className="flex flex-col gap-x-4 gap-y-3 xl:flex-row xl:items-start">
        <div className="flex w-full min-w-0 flex-col gap-y-3">
          <GeneralSection
            promocode={promocode}
            onEdit={() => setEditOpen(true)}
            onDeleted={() => navigate("/promocodes", { replace: true })}
          />
          <JournalSection id={promocode.id} />
        </div>
        <div className="flex w-full flex-col gap-y-3 xl:max-w-[400px]">
          <CountersSection promocode={promocode} stats={stats} />
          <Section
            title="Assign to a customer"
            description={
              promocode.type === "free_period"
                ? "Grants the plan to the customer right away."
                : "The discount waits for the customer's next purchase."
            }
          >
            <AssignToCustomerForm code={promocode.code} />
          </Section>
          <Text size="xsmall" className="text-ui-fg-muted px-1">
            Id <span className="font-mono">{promocode.id}</span>
          </Text>
        </div>
      </div>
      <PromocodeFormModal open={editOpen} onOpenChange={setEditOpen} promocode={promocode} />
    </div>
  )
}

export const handle = {
  breadcrumb: () => "Promo code",
}

export default PromocodeDetailPage
