import { Button, DatePicker, Label } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { plural } from "../lib/format"
import { useT } from "../lib/i18n"

const DAY_MS = 24 * 60 * 60 * 1000
const PRESETS = [7, 30, 90]

/** YYYY-MM-DD of a local date (what the admin picked). */
export function toDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0")
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

export function fromDay(day: string): Date | null {
  const [y, m, d] = day.split("-").map(Number)
  if (!y || !m || !d) {
    return null
  }
  return new Date(y, m - 1, d)
}

/** The last `n` days up to today, as a report range. */
export function lastDays(n: number) {
  const today = new Date()
  return { from: toDay(new Date(today.getTime() - (n - 1) * DAY_MS)), to: toDay(today) }
}

/** The range pickers of a report: from, to (days, `to` included) and quick ranges. */
export function ReportRange({
  from,
  to,
  invalid,
  onChange,
  presets = PRESETS,
}: {
  from: string
  to: string
  invalid: boolean
  onChange: (next: { from?: string; to?: string }) => void
  presets?: number[]
}) {
  const { t } = useT()
  const defaults = lastDays(30)
  return (
    <>
      <div className="flex flex-col gap-y-1">
        <Label size="small" weight="plus" id="report-from-label">
          {t("report.from")}
        </Label>
        <DatePicker
          aria-labelledby="report-from-label"
          size="small"
          value={fromDay(from)}
          onChange={(date) => onChange({ from: date ? toDay(date) : defaults.from })}
          isInvalid={invalid}
        />
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="small" weight="plus" id="report-to-label">
          {t("report.to")}
        </Label>
        <DatePicker
          aria-labelledby="report-to-label"
          size="small"
          value={fromDay(to)}
          onChange={(date) => onChange({ to: date ? toDay(date) : defaults.to })}
          isInvalid={invalid}
        />
      </div>
      <div className="flex gap-x-1" role="group" aria-label={t("report.quick_ranges")}>
        {presets.map((n) => (
          <Button key={n} size="small" variant="transparent" type="button" onClick={() => onChange(lastDays(n))}>
            {plural(n, "report.last_days")}
          </Button>
        ))}
      </div>
    </>
  )
}

const REPORTS = [
  { key: "promocodes", to: "/promocodes/report" },
  { key: "subscriptions", to: "/promocodes/report/subscriptions" },
] as const

/** Switches between the two reports (promo codes, subscriptions), keeping the range. */
export function ReportTabs({ current, search }: { current: (typeof REPORTS)[number]["key"]; search: string }) {
  const { t } = useT()
  return (
    <nav className="flex gap-x-1" aria-label={t("subscription_report.reports")}>
      {REPORTS.map((r) => (
        <Button key={r.key} size="small" variant={r.key === current ? "secondary" : "transparent"} asChild>
          <Link to={{ pathname: r.to, search }} aria-current={r.key === current ? "page" : undefined}>
            {t(`subscription_report.tab_${r.key}`)}
          </Link>
        </Button>
      ))}
    </nav>
  )
}
