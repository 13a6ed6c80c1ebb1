import { ArrowDownTray } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useMemo } from "react"
import { useSearchParams } from "react-router-dom"
import { REPORT_INTERVALS, REPORT_STATUSES, type ReportInterval } from "../../../../../lib/subscription-report"
import { DayBarChart, shortDay } from "../../../../components/day-bar-chart"
import { LineChart } from "../../../../components/line-chart"
import { lastDays, ReportRange, ReportTabs } from "../../../../components/report-range"
import { Section } from "../../../../components/section"
import { EmptyState, ErrorState, LoadingState } from "../../../../components/states"
import { useSubscriptionReport } from "../../../../hooks/subscription-report"
import { formatAmount, formatNumber } from "../../../../lib/format"
import { currentLocale, tr, useT } from "../../../../lib/i18n"
import { apiUrl } from "../../../../lib/sdk"
import type { SubscriptionReport } from "../../../../lib/types"

const STATUS_COLORS: Record<(typeof REPORT_STATUSES)[number], string> = {
  trialing: "var(--tag-blue-icon)",
  active: "var(--tag-green-icon)",
  past_due: "var(--tag-orange-icon)",
}

/** A share 0..1 as the admin reads it: "33.3 %" / "33.3%". */
function formatPercent(value: number): string {
  return new Intl.NumberFormat(currentLocale(), { style: "percent", maximumFractionDigits: 1 }).format(value)
}

/** "Jan 2026" for a month's first day. */
function monthLabel(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  return new Intl.DateTimeFormat(currentLocale(), { month: "short", year: "numeric", timeZone: "UTC" }).format(date)
}

function Stat({ id, label, value }: { id: string; label: string; value: string }) {
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

/** Totals of the range: the last point's subscribers and MRR, renewals and endings summed. */
function totals(report: SubscriptionReport) {
  const last = report.points[report.points.length - 1]
  const sum = (key: "renewal_attempts" | "renewals_paid" | "ended") =>
    report.points.reduce((total, p) => total + p[key], 0)
  const attempts = sum("renewal_attempts")
  return {
    live: last ? last.trialing + last.active + last.past_due : 0,
    mrr: last?.mrr ?? 0,
    success: attempts ? sum("renewals_paid") / attempts : null,
    ended: sum("ended"),
    empty: !report.points.some((p) => p.trialing + p.active + p.past_due + p.ended + p.renewal_attempts > 0),
  }
}

function Charts({ report, interval }: { report: SubscriptionReport; interval: ReportInterval }) {
  const { t } = useT()
  const label = interval === "month" ? monthLabel : shortDay
  const currency = report.currency_code
  const line = (key: "mrr" | "renewal_success_rate" | "churn_rate") =>
    report.points.map((p) => ({ day: p.start, value: p[key] }))
  return (
    <>
      <Section title={t("subscription_report.by_status")} description={t("subscription_report.by_status_text")}>
        <div className="px-6 py-4">
          <DayBarChart
            title={t("subscription_report.by_status")}
            label={label}
            days={report.points.map((p) => ({ day: p.start, trialing: p.trialing, active: p.active, past_due: p.past_due }))}
            series={REPORT_STATUSES.map((status) => ({
              key: status,
              label: t(`subscription_report.${status}`),
              color: STATUS_COLORS[status],
            }))}
          />
        </div>
      </Section>
      <Section title={t("subscription_report.mrr")} description={t("subscription_report.mrr_text")}>
        <div className="px-6 py-4">
          <LineChart
            testId="mrr-chart"
            title={t("subscription_report.mrr")}
            label={label}
            points={line("mrr")}
            color="var(--tag-purple-icon)"
            format={(value) => formatAmount(value, currency)}
          />
        </div>
      </Section>
      <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
        <Section title={t("subscription_report.success")} description={t("subscription_report.success_text")}>
          <div className="px-6 py-4">
            <LineChart
              testId="success-chart"
              title={t("subscription_report.success")}
              label={label}
              points={line("renewal_success_rate").map((p) => ({ ...p, value: p.value === null ? null : p.value * 100 }))}
              color="var(--tag-green-icon)"
              format={(value) => formatPercent(value / 100)}
            />
          </div>
        </Section>
        <Section title={t("subscription_report.churn")} description={t("subscription_report.churn_text")}>
          <div className="px-6 py-4">
            <LineChart
              testId="churn-chart"
              title={t("subscription_report.churn")}
              label={label}
              points={line("churn_rate").map((p) => ({ ...p, value: p.value === null ? null : p.value * 100 }))}
              color="var(--tag-red-icon)"
              format={(value) => formatPercent(value / 100)}
            />
          </div>
        </Section>
      </div>
    </>
  )
}

/**
 * Subscribers by status, MRR, renewal success and churn over a date range,
 * per UTC day, week or month (GET /admin/subscriptions/report), with the
 * same figures as CSV. A second tab of the promo code report.
 */
const SubscriptionReportPage = () => {
  const { t } = useT()
  const [searchParams, setSearchParams] = useSearchParams()
  const defaults = lastDays(30)
  const from = searchParams.get("from") ?? defaults.from
  const to = searchParams.get("to") ?? defaults.to
  const asked = searchParams.get("interval") as ReportInterval | null
  const interval: ReportInterval = asked && REPORT_INTERVALS.includes(asked) ? asked : "day"
  const invalidRange = from > to

  const query = useMemo(() => ({ from, to, interval }), [from, to, interval])
  const { data, isLoading, isError, error, refetch, isFetching } = useSubscriptionReport(query, !invalidRange)
  const report = data?.report
  const sums = report ? totals(report) : null

  const update = (next: { from?: string; to?: string; interval?: ReportInterval }) =>
    setSearchParams(
      { from: next.from ?? from, to: next.to ?? to, interval: next.interval ?? interval },
      { replace: true }
    )

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-col gap-y-4 px-6 py-4">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="flex flex-col gap-y-1">
            <Heading level="h1">{t("subscription_report.title")}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {t("subscription_report.subtitle")} {isFetching && !isLoading ? t("report.updating") : ""}
            </Text>
          </div>
          <Button size="small" variant="secondary" asChild>
            <a
              href={apiUrl("/admin/subscriptions/report/export", query)}
              download={`subscription-report-${interval}-${from}-${to}.csv`}
            >
              <ArrowDownTray />
              {t("export.csv")}
            </a>
          </Button>
        </div>
        <ReportTabs current="subscriptions" search={searchParams.toString()} />
        <div className="flex flex-wrap items-end gap-3">
          <ReportRange from={from} to={to} invalid={invalidRange} onChange={update} presets={[30, 90, 365]} />
          <div className="flex gap-x-1" role="group" aria-label={t("subscription_report.interval")}>
            {REPORT_INTERVALS.map((step) => (
              <Button
                key={step}
                size="small"
                type="button"
                variant={step === interval ? "secondary" : "transparent"}
                aria-pressed={step === interval}
                onClick={() => update({ interval: step })}
              >
                {t(`subscription_report.interval_${step}`)}
              </Button>
            ))}
          </div>
        </div>
        {invalidRange && (
          <Text size="small" className="text-ui-fg-error" role="alert">
            {t("report.bad_range")}
          </Text>
        )}
      </Container>

      {invalidRange ? null : isLoading ? (
        <Container className="p-0">
          <LoadingState rows={6} label={t("subscription_report.loading")} />
        </Container>
      ) : isError || !report || !sums ? (
        <Container className="p-0">
          <ErrorState error={error} title={t("subscription_report.load_failed")} onRetry={() => refetch()} />
        </Container>
      ) : (
        <>
          <Container className="grid grid-cols-2 divide-x divide-y p-0 md:grid-cols-4 md:divide-y-0">
            <Stat id="live" label={t("subscription_report.live_end")} value={formatNumber(sums.live)} />
            <Stat id="mrr" label={t("subscription_report.mrr_end")} value={formatAmount(sums.mrr, report.currency_code)} />
            <Stat
              id="success"
              label={t("subscription_report.success_total")}
              value={sums.success === null ? t("subscription_report.no_value") : formatPercent(sums.success)}
            />
            <Stat id="ended" label={t("subscription_report.ended_total")} value={formatNumber(sums.ended)} />
          </Container>
          {sums.empty ? (
            <Container className="p-0">
              <EmptyState title={t("subscription_report.empty")} description={t("subscription_report.empty_text")} />
            </Container>
          ) : (
            <Charts report={report} interval={interval} />
          )}
          <Text size="xsmall" className="text-ui-fg-muted px-1">
            {t("subscription_report.history_note")}
          </Text>
        </>
      )}
    </div>
  )
}

export const handle = {
  breadcrumb: () => tr("subscription_report.title"),
}

export default SubscriptionReportPage
