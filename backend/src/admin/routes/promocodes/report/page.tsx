import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowDownTray } from "@medusajs/icons"
import { Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useMemo } from "react"
import { Link, useSearchParams } from "react-router-dom"
import { DayBarChart, type ChartDay } from "../../../components/day-bar-chart"
import { lastDays, ReportRange, ReportTabs } from "../../../components/report-range"
import { Section } from "../../../components/section"
import { EmptyState, ErrorState, LoadingState } from "../../../components/states"
import { usePromocodeReport } from "../../../hooks/promocodes"
import { DEFAULT_CURRENCY, formatAmounts, formatNumber, reasonLabel } from "../../../lib/format"
import { tr, useT } from "../../../lib/i18n"
import { apiUrl } from "../../../lib/sdk"
import type { PromocodeReport, ReasonCount } from "../../../lib/types"

const DAY_MS = 24 * 60 * 60 * 1000

/** Every day of the range, with the report's numbers where it has some. */
function fillDays(report: PromocodeReport, from: string, to: string): ChartDay<"redemptions" | "rejections">[] {
  const byDay = new Map(report.by_day.map((d) => [d.day, d]))
  const days: ChartDay<"redemptions" | "rejections">[] = []
  const start = Date.parse(`${from}T00:00:00Z`)
  const end = Date.parse(`${to}T00:00:00Z`)
  if (Number.isNaN(start) || Number.isNaN(end) || end < start || end - start > 400 * DAY_MS) {
    return report.by_day.map((d) => ({ day: d.day, redemptions: d.redemptions, rejections: d.rejections }))
  }
  for (let t = start; t <= end; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10)
    const found = byDay.get(day)
    days.push({ day, redemptions: found?.redemptions ?? 0, rejections: found?.rejections ?? 0 })
  }
  return days
}

function Stat({ id, label, value }: { id: string; label: string; value: string | number }) {
  return (
    <div className="flex flex-col gap-y-1 px-6 py-4">
      <Text size="small" leading="compact" className="text-ui-fg-subtle">
        {label}
      </Text>
      <Text size="xlarge" weight="plus" leading="compact" data-stat={id}>
        {value}
      </Text>
    </div>
  )
}

function ReasonTable({ rows, empty, label }: { rows: ReasonCount[]; empty: string; label: string }) {
  const { t } = useT()
  if (!rows.length) {
    return <EmptyState title={empty} />
  }
  const max = Math.max(...rows.map((r) => r.count), 1)
  return (
    <Table aria-label={label}>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>{t("report.reason")}</Table.HeaderCell>
          <Table.HeaderCell className="w-[45%]">{t("report.share")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("report.count")}</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rows.map((r) => (
          <Table.Row key={r.reason ?? "none"}>
            <Table.Cell>{reasonLabel(r.reason)}</Table.Cell>
            <Table.Cell>
              <div className="bg-ui-bg-subtle h-2 w-full overflow-hidden rounded-full" aria-hidden>
                <div
                  className="h-full rounded-full"
                  style={{ width: `${(r.count / max) * 100}%`, background: "var(--tag-red-icon)" }}
                />
              </div>
            </Table.Cell>
            <Table.Cell className="text-right">{formatNumber(r.count)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

function TopCodes({ report, currency }: { report: PromocodeReport; currency: string }) {
  const { t } = useT()
  const rows = report.top_codes ?? []
  if (!rows.length) {
    return <EmptyState title={t("report.no_redemptions")} />
  }
  return (
    <Table aria-label={t("report.top_codes")}>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>{t("list.code")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("report.redemptions")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("detail.discount_given")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("report.revenue")}</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rows.map((row) => (
          <Table.Row key={row.promocode_id ?? row.code}>
            <Table.Cell>
              {row.promocode_id ? (
                <Link
                  to={`/promocodes/${row.promocode_id}`}
                  className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover font-mono"
                >
                  {row.code}
                </Link>
              ) : (
                <span className="font-mono">{row.code}</span>
              )}
            </Table.Cell>
            <Table.Cell className="text-right">{formatNumber(row.redemptions)}</Table.Cell>
            <Table.Cell className="text-right">{formatAmounts(row.discount_given, currency)}</Table.Cell>
            <Table.Cell className="text-right">{formatAmounts(row.revenue, currency)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

/**
 * What happened to promo codes over a date range (UTC days): totals, a chart of
 * redemptions and rejections per day, why codes were refused or given back,
 * and the codes that brought the most redemptions. Exportable as CSV.
 */
const PromocodeReportPage = () => {
  const { t } = useT()
  const [searchParams, setSearchParams] = useSearchParams()
  const defaults = lastDays(30)
  const from = searchParams.get("from") ?? defaults.from
  const to = searchParams.get("to") ?? defaults.to
  const invalidRange = from > to

  const query = useMemo(
    // date-only bounds: the server reads them as UTC days, `to` included
    () => ({ from, to }),
    [from, to]
  )
  const { data, isLoading, isError, error, refetch, isFetching } = usePromocodeReport(query, !invalidRange)
  const report = data?.report
  // sums without a row are zero in the currency the report does use
  const currency = report?.discount_given[0]?.currency_code ?? DEFAULT_CURRENCY

  const setRange = (next: { from?: string; to?: string }) =>
    setSearchParams({ from: next.from ?? from, to: next.to ?? to }, { replace: true })

  const days = useMemo(() => (report ? fillDays(report, from, to) : []), [report, from, to])

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-col gap-y-4 px-6 py-4">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="flex flex-col gap-y-1">
            <Heading level="h1">{t("report.title")}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {t("report.utc_days")} {isFetching && !isLoading ? t("report.updating") : ""}
            </Text>
          </div>
          <Button size="small" variant="secondary" asChild>
            <a href={apiUrl("/admin/promocodes/report/export", query)} download={`promocode-report-${from}-${to}.csv`}>
              <ArrowDownTray />
              {t("export.csv")}
            </a>
          </Button>
        </div>
        <ReportTabs current="promocodes" search={searchParams.toString()} />
        <div className="flex flex-wrap items-end gap-3">
          <ReportRange from={from} to={to} invalid={invalidRange} onChange={setRange} />
        </div>
        {invalidRange && (
          <Text size="small" className="text-ui-fg-error" role="alert">
            {t("report.bad_range")}
          </Text>
        )}
      </Container>

      {invalidRange ? null : isLoading ? (
        <Container className="p-0">
          <LoadingState rows={6} label={t("report.loading")} />
        </Container>
      ) : isError || !report ? (
        <Container className="p-0">
          <ErrorState error={error} title={t("report.load_failed")} onRetry={() => refetch()} />
        </Container>
      ) : (
        <>
          <Container className="grid grid-cols-2 divide-x divide-y p-0 md:grid-cols-4 xl:grid-cols-7 xl:divide-y-0">
            <Stat id="attempts" label={t("report.attempts")} value={formatNumber(report.attempts)} />
            <Stat id="views" label={t("report.views")} value={formatNumber(report.views ?? 0)} />
            <Stat id="redemptions" label={t("report.redemptions")} value={formatNumber(report.redemptions)} />
            <Stat id="rejections" label={t("report.rejections")} value={formatNumber(report.rejections)} />
            <Stat id="releases" label={t("report.releases")} value={formatNumber(report.releases)} />
            <Stat id="assignments" label={t("report.assignments")} value={formatNumber(report.assignments)} />
            <Stat
              id="discount_given"
              label={t("detail.discount_given")}
              value={formatAmounts(report.discount_given, currency)}
            />
          </Container>

          <Section title={t("report.per_day")}>
            <div className="px-6 py-4">
              <DayBarChart
                title={t("report.per_day")}
                days={days}
                series={[
                  { key: "redemptions", label: t("report.redemptions"), color: "var(--tag-green-icon)" },
                  { key: "rejections", label: t("report.rejections"), color: "var(--tag-red-icon)" },
                ]}
              />
            </div>
          </Section>

          <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
            <Section title={t("report.rejections_by_reason")}>
              <ReasonTable
                rows={report.rejections_by_reason}
                empty={t("report.no_rejections")}
                label={t("report.rejections_by_reason")}
              />
            </Section>
            <Section title={t("report.releases_by_reason")} description={t("report.releases_text")}>
              <ReasonTable
                rows={report.releases_by_reason ?? []}
                empty={t("report.no_releases")}
                label={t("report.releases_by_reason")}
              />
            </Section>
          </div>

          <Section title={t("report.top_codes")} description={t("report.top_codes_text")}>
            <TopCodes report={report} currency={currency} />
          </Section>
        </>
      )}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "cinema.nav.report",
  translationNs: "translation",
  rank: 2,
})

export const handle = {
  breadcrumb: () => tr("report.title"),
}

export default PromocodeReportPage
