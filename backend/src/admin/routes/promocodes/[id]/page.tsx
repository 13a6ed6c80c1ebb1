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
  JOURNAL_ACTIONS,
  actionLabel,
  customerLabel,
  formatAmounts,
  formatDateTime,
  formatPromocodeValue,
  formatUsage,
  formatNumber,
  reasonLabel,
  typeLabel,
} from "../../../lib/format"
import { tr, useT } from "../../../lib/i18n"
import type { Promocode, PromocodeStats } from "../../../lib/types"

const JOURNAL_PAGE_SIZE = 10


function Targets({ promocode }: { promocode: Promocode }) {
  const { t } = useT()
  const { data: options } = useTariffOptions()
  const products = promocode.product_ids ?? []
  const variants = promocode.variant_ids ?? []
  if (!products.length && !variants.length) {
    return <>{t("detail.every_plan")}</>
  }
  const productTitle = (id: string) => options?.find((o) => o.product_id === id)?.product_title ?? id
  const variantTitle = (id: string) => {
    const o = options?.find((x) => x.variant_id === id)
    return o ? `${o.product_title} · ${o.variant_title}` : id
  }
  return (
    <ul className="flex flex-col gap-y-0.5">
      {products.map((id) => (
        <li key={id}>{t("detail.product_every_plan", { product: productTitle(id) })}</li>
      ))}
      {variants.map((id) => (
        <li key={id}>{variantTitle(id)}</li>
      ))}
    </ul>
  )
}

function Customers({ ids }: { ids: string[] }) {
  const { t } = useT()
  const shown = ids.slice(0, 20)
  const { data } = useCustomersById(shown)
  if (!ids.length) {
    return <>{t("detail.any_customer")}</>
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
      {ids.length > shown.length && <li>{t("detail.and_more", { n: formatNumber(ids.length - shown.length) })}</li>}
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
  const { t } = useT()
  const { toggleActive, deletePromocode } = usePromocodeActions()
  const p = promocode
  const yesNo = (value: boolean) => (value ? t("common.yes") : t("common.no"))
  const limit = (n: number | null) => (n === null ? t("detail.unlimited") : formatNumber(n))
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
              { label: t("common.edit"), icon: <PencilSquare />, onClick: onEdit },
              {
                label: p.is_active ? t("common.deactivate") : t("common.activate"),
                icon: <ReceiptPercent />,
                onClick: () => toggleActive(p),
              },
            ],
            [
              {
                label: t("common.delete"),
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
      <SectionRow label={t("list.kind")} value={typeLabel(p.type)} />
      <SectionRow label={t("detail.gives")} value={formatPromocodeValue(p)} />
      <SectionRow label={t("detail.starts")} value={p.starts_at ? formatDateTime(p.starts_at) : t("detail.immediately")} />
      <SectionRow label={t("detail.ends")} value={p.ends_at ? formatDateTime(p.ends_at) : t("detail.never")} />
      <SectionRow label={t("detail.active")} value={yesNo(p.is_active)} />
      <SectionRow label={t("detail.total_uses")} value={limit(p.usage_limit)} />
      <SectionRow
        label={t("detail.uses_per_customer")}
        value={limit(p.per_customer_limit)}
      />
      <SectionRow label={t("detail.first_purchase_only")} value={yesNo(p.first_purchase_only)} />
      <SectionRow
        label={t("detail.duration")}
        value={t(`detail.duration_${p.duration ?? "once"}`, { count: p.duration_periods ?? 1 })}
      />
      <SectionRow label={t("detail.plans")} value={<Targets promocode={p} />} />
      <SectionRow label={t("detail.customers")} value={<Customers ids={p.customer_ids ?? []} />} />
      {p.batch_id && (
        <SectionRow
          label={t("list.batch")}
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
      <SectionRow label={t("list.created")} value={formatDateTime(p.created_at)} />
    </Section>
  )
}

function CountersSection({ promocode, stats }: { promocode: Promocode; stats?: PromocodeStats }) {
  const { t } = useT()
  return (
    <Section title={t("detail.counters")}>
      <SectionRow label={t("list.used_limit")} value={formatUsage(promocode.used_count, promocode.usage_limit)} />
      <SectionRow label={t("detail.reserved_now")} value={formatNumber(stats?.reserved ?? promocode.reserved_count)} />
      <SectionRow label={t("detail.views")} value={formatNumber(promocode.validated_count ?? 0)} />
      {stats && (
        <>
          <SectionRow label={t("detail.redeemed")} value={formatNumber(stats.redeemed)} />
          <SectionRow label={t("detail.released")} value={formatNumber(stats.released)} />
          <SectionRow label={t("detail.customers")} value={formatNumber(stats.customers)} />
          <SectionRow
            label={t("detail.remaining")}
            value={stats.remaining === null ? t("detail.unlimited") : formatNumber(stats.remaining)}
          />
          <SectionRow
            label={t("detail.discount_given")}
            value={formatAmounts(stats.discount_given, promocode.currency_code ?? undefined)}
          />
          <SectionRow label={t("detail.last_redeemed")} value={formatDateTime(stats.last_redeemed_at)} />
          <SectionRow
            label={t("detail.rejections")}
            value={
              stats.rejections_by_reason.length ? (
                <ul className="flex flex-col gap-y-0.5">
                  {stats.rejections_by_reason.map((r) => (
                    <li key={r.reason ?? "none"}>
                      {reasonLabel(r.reason)} — {formatNumber(r.count)}
                    </li>
                  ))}
                </ul>
              ) : (
                t("detail.none")
              )
            }
          />
        </>
      )}
    </Section>
  )
}

function JournalSection({ id }: { id: string }) {
  const { t } = useT()
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
      title={t("detail.journal")}
      description={t("detail.journal_text")}
      actions={
        <Select
          size="small"
          value={action}
          onValueChange={(value) => {
            setAction(value)
            setPagination((p) => ({ ...p, pageIndex: 0 }))
          }}
        >
          <Select.Trigger aria-label={t("detail.show_results")} className="w-[160px]">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="all">{t("detail.all_results")}</Select.Item>
            {JOURNAL_ACTIONS.map((a) => (
              <Select.Item key={a} value={a}>
                {actionLabel(a)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      }
    >
      {isError ? (
        <ErrorState error={error} title={t("detail.journal_failed")} onRetry={() => refetch()} />
      ) : (
        <JournalTable
          entries={data?.usages ?? []}
          count={data?.count ?? 0}
          pagination={pagination}
          onPaginationChange={setPagination}
          isLoading={isLoading}
          show="customer"
          emptyText={action === "all" ? t("detail.journal_empty") : t("detail.no_results")}
        />
      )}
    </Section>
  )
}

/** One promo code: its rules, counters, journal, and assigning it to a customer. */
const PromocodeDetailPage = () => {
  const { id = "" } = useParams()
  const navigate = useNavigate()
  const { t } = useT()
  const [editOpen, setEditOpen] = useState(false)
  const { data, isLoading, isError, error, refetch } = usePromocode(id)

  const back = (
    <Link
      to="/promocodes"
      className="text-ui-fg-subtle hover:text-ui-fg-base txt-compact-small flex w-fit items-center gap-x-1"
    >
      <ArrowLeft /> {t("nav.promocodes")}
    </Link>
  )

  if (isLoading) {
    return (
      <div className="flex flex-col gap-y-3">
        {back}
        <Container className="p-0">
          <LoadingState rows={8} label={t("detail.loading")} />
        </Container>
      </div>
    )
  }
  if (isError || !data) {
    return (
      <div className="flex flex-col gap-y-3">
        {back}
        <Container className="p-0">
          <ErrorState error={error} title={t("detail.load_failed")} onRetry={() => refetch()} />
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
            title={t("detail.assign")}
            description={
              promocode.type === "free_period" ? t("detail.assign_free") : t("detail.assign_discount")
            }
          >
            <AssignToCustomerForm code={promocode.code} />
          </Section>
          <Text size="xsmall" className="text-ui-fg-muted px-1">
            {t("detail.id")} <span className="font-mono">{promocode.id}</span>
          </Text>
        </div>
      </div>
      <PromocodeFormModal open={editOpen} onOpenChange={setEditOpen} promocode={promocode} />
    </div>
  )
}

export const handle = {
  breadcrumb: () => tr("detail.breadcrumb"),
}

export default PromocodeDetailPage
