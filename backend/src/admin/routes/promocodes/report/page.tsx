import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowDownTray } from "@medusajs/icons"
import { Button, Container, DatePicker, Heading, Label, Table, Text } from "@medusajs/ui"
import { useMemo } from "react"
import { Link, useSearchParams } from "react-router-dom"
import { DayBarChart, type ChartDay } from "../../../components/day-bar-chart"
import { Section } from "../../../components/section"
import { EmptyState, ErrorState, LoadingState } from "../../../components/states"
import { usePromocodeReport } from "../../../hooks/promocodes"
import { formatAmounts, reasonLabel } from "../../../lib/format"
import { apiUrl } from "../../../lib/sdk"
import type { PromocodeReport, ReasonCount } from "../../../lib/types"

const DAY_MS = 24 * 60 * 60 * 1000
const PRESETS = [7, 30, 90]

/** YYYY-MM-DD of a local date (what the admin picked). */
function toDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0")
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

function fromDay(day: string): Date | null {
  const [y, m, d] = day.split("-").map(Number)
  if (!y || !m || !d) {
    return null
  }
  return new Date(y, m - 1, d)
}

function lastDays(n: number) {
  const today = new Date()
  return { from: toDay(new Date(today.getTime() - (n - 1) * DAY_MS)), to: toDay(today) }
}

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

function Stat({ label, value }: { label: string; value: string | number }) {
  return (
    <div className="flex flex-col gap-y-1 px-6 py-4">
      <Text size="small" leading="compact" className="text-ui-fg-subtle">
        {label}
      </Text>
      <Text size="xlarge" weight="plus" leading="compact" data-stat={label}>
        {value}
      </Text>
    </div>
  )
}

function ReasonTable({ rows, empty, label }: { rows: ReasonCount[]; empty: string; label: string }) {
  if (!rows.length) {
    return <EmptyState title={empty} />
  }
  const max = Math.max(...rows.map((r) => r.count), 1)
  return (
    <Table aria-label={label}>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Reason</Table.HeaderCell>
          <Table.HeaderCell className="w-[45%]">Share</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Count</Table.HeaderCell>
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
            <Table.Cell className="text-right">{r.count}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

function TopCodes({ report }: { report: PromocodeReport }) {
  const rows = report.top_codes ?? []
  if (!rows.length) {
    return <EmptyState title="No code was redeemed in this period" />
  }
  return (
    <Table aria-label="Top codes">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Code</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Redemptions</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Discount given</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Revenue</Table.HeaderCell>
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
            <Table.Cell className="text-right">{row.redemptions}</Table.Cell>
            <Table.Cell className="text-right">{formatAmounts(row.discount_given)}</Table.Cell>
            <Table.Cell className="text-right">{formatAmounts(row.revenue)}</Table.Cell>
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

  const setRange = (next: { from?: string; to?: string }) =>
    setSearchParams({ from: next.from ?? from, to: next.to ?? to }, { replace: true })

  const days = useMemo(() => (report ? fillDays(report, from, to) : []), [report, from, to])

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-col gap-y-4 px-6 py-4">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="flex flex-col gap-y-1">
            <Heading level="h1">Promo code report</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Days are UTC days. {isFetching && !isLoading ? "Updating…" : ""}
            </Text>
          </div>
          <Button size="small" variant="secondary" asChild>
            <a href={apiUrl("/admin/promocodes/report/export", query)} download={`promocode-report-${from}-${to}.csv`}>
              <ArrowDownTray />
              Export CSV
            </a>
          </Button>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-y-1">
            <Label size="small" weight="plus" id="report-from-label">
              From
            </Label>
            <DatePicker
              aria-labelledby="report-from-label"
              size="small"
              value={fromDay(from)}
              onChange={(date) => setRange({ from: date ? toDay(date) : defaults.from })}
              isInvalid={invalidRange}
            />
          </div>
          <div className="flex flex-col gap-y-1">
            <Label size="small" weight="plus" id="report-to-label">
              To
            </Label>
            <DatePicker
              aria-labelledby="report-to-label"
              size="small"
              value={fromDay(to)}
              onChange={(date) => setRange({ to: date ? toDay(date) : defaults.to })}
              isInvalid={invalidRange}
            />
          </div>
          <div className="flex gap-x-1" role="group" aria-label="Quick ranges">
            {PRESETS.map((n) => (
              <Button key={n} size="small" variant="transparent" type="button" onClick={() => setRange(lastDays(n))}>
                Last {n} days
              </Button>
            ))}
          </div>
        </div>
        {invalidRange && (
          <Text size="small" className="text-ui-fg-error" role="alert">
            The start of the range is after its end.
          </Text>
        )}
      </Container>

      {invalidRange ? null : isLoading ? (
        <Container className="p-0">
          <LoadingState rows={6} label="Loading the report…" />
        </Container>
      ) : isError || !report ? (
        <Container className="p-0">
          <ErrorState error={error} title="Could not load the report" onRetry={() => refetch()} />
        </Container>
      ) : (
        <>
          <Container className="grid grid-cols-2 divide-x divide-y p-0 md:grid-cols-3 xl:grid-cols-6 xl:divide-y-0">
            <Stat label="Attempts" value={report.attempts} />
            <Stat label="Redemptions" value={report.redemptions} />
            <Stat label="Rejections" value={report.rejections} />
            <Stat label="Releases" value={report.releases} />
            <Stat label="Assignments" value={report.assignments} />
            <Stat label="Discount given" value={formatAmounts(report.discount_given)} />
          </Container>

          <Section title="Redemptions and rejections per day">
            <div className="px-6 py-4">
              <DayBarChart
                title="Redemptions and rejections per day"
                days={days}
                series={[
                  { key: "redemptions", label: "Redemptions", color: "var(--tag-green-icon)" },
                  { key: "rejections", label: "Rejections", color: "var(--tag-red-icon)" },
                ]}
              />
            </div>
          </Section>

          <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
            <Section title="Rejections by reason">
              <ReasonTable
                rows={report.rejections_by_reason}
                empty="No code was refused in this period"
                label="Rejections by reason"
              />
            </Section>
            <Section title="Releases by reason" description="Uses given back: failed payments, expired reservations.">
              <ReasonTable
                rows={report.releases_by_reason ?? []}
                empty="No use was given back in this period"
                label="Releases by reason"
              />
            </Section>
          </div>

          <Section title="Top codes" description="Redemptions, discount given and revenue of purchases made with each code.">
            <TopCodes report={report} />
          </Section>
        </>
      )}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Report",
  rank: 2,
})

export const handle = {
  breadcrumb: () => "Promo code report",
}

export default PromocodeReportPage
