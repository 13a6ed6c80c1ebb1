import { Text } from "@medusajs/ui"
import { useEffect, useRef, useState } from "react"
import { valueAxis } from "../lib/chart-scale"
import { currentLocale, tr } from "../lib/i18n"
import { formatNumber, plural } from "../lib/format"

export type ChartSeries<K extends string> = {
  key: K
  label: string
  /** a CSS color, e.g. a dashboard variable */
  color: string
}

export type ChartDay<K extends string> = { day: string } & Record<K, number>

export const HEIGHT = 240
export const MARGIN = { top: 12, right: 8, bottom: 28, left: 40 }
/** The rendered width of an element, kept up to date. */
export function useWidth<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T>(null)
  const [width, setWidth] = useState(fallback)
  useEffect(() => {
    const element = ref.current
    if (!element) {
      return
    }
    const observer = new ResizeObserver(([entry]) => {
      setWidth(Math.max(200, Math.floor(entry.contentRect.width)))
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  return [ref, width] as const
}

export function shortDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  if (Number.isNaN(date.getTime())) {
    return day
  }
  return new Intl.DateTimeFormat(currentLocale(), { day: "2-digit", month: "short", timeZone: "UTC" }).format(date)
}

/**
 * Grouped bars per day, drawn as plain SVG. Each day's group has a tooltip;
 * the same numbers are in a table for screen readers.
 */
export function DayBarChart<K extends string>({
  days,
  series,
  title,
  label = shortDay,
}: {
  days: ChartDay<K>[]
  series: ChartSeries<K>[]
  title: string
  /** the x axis label of a day (default: "05 Jan") */
  label?: (day: string) => string
}) {
  const [box, width] = useWidth<HTMLDivElement>(720)
  const plotW = width - MARGIN.left - MARGIN.right
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom
  const highest = Math.max(0, ...days.flatMap((d) => series.map((s) => d[s.key] ?? 0)))
  const { max, ticks } = valueAxis(highest)
  const groupW = days.length ? plotW / days.length : plotW
  const barW = Math.max(1, Math.min(24, (groupW * 0.8) / series.length))
  const groupPad = (groupW - barW * series.length) / 2
  // about one label per 64 pixels
  const labelEvery = Math.max(1, Math.ceil(days.length / Math.max(1, Math.floor(plotW / 64))))
  const y = (value: number) => MARGIN.top + plotH - (value / max) * plotH
  const total = days.reduce((sum, d) => sum + series.reduce((s, x) => s + (d[x.key] ?? 0), 0), 0)

  return (
    <figure className="flex flex-col gap-y-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1" aria-hidden>
        {series.map((s) => (
          <span key={s.key} className="flex items-center gap-x-1.5">
            <span className="inline-block size-2.5 rounded-sm" style={{ background: s.color }} />
            <Text size="small" leading="compact" className="text-ui-fg-subtle">
              {s.label}
            </Text>
          </span>
        ))}
      </div>
      <div ref={box} className="w-full">
        <svg
          viewBox={`0 0 ${width} ${HEIGHT}`}
          width={width}
          height={HEIGHT}
          role="img"
          aria-label={`${title}: ${plural(days.length, "chart.days")}, ${series
            .map((s) => `${s.label}: ${formatNumber(days.reduce((sum, d) => sum + (d[s.key] ?? 0), 0))}`)
            .join(", ")}`}
          data-testid="day-bar-chart"
        >
          {ticks.map((tick) => (
            <g key={tick}>
              <line
                x1={MARGIN.left}
                x2={width - MARGIN.right}
                y1={y(tick)}
                y2={y(tick)}
                style={{ stroke: "var(--border-base)" }}
                strokeDasharray={tick === 0 ? undefined : "3 3"}
              />
              <text
                x={MARGIN.left - 6}
                y={y(tick)}
                textAnchor="end"
                dominantBaseline="middle"
                fontSize={11}
                style={{ fill: "var(--fg-muted)" }}
              >
                {tick}
              </text>
            </g>
          ))}
          {days.map((d, i) => {
            const x0 = MARGIN.left + i * groupW + groupPad
            return (
              <g key={d.day} data-day={d.day}>
                <title>
                  {`${d.day}: ${series.map((s) => `${d[s.key] ?? 0} ${s.label.toLowerCase()}`).join(", ")}`}
                </title>
                {/* an invisible full-height target so the tooltip shows on empty days too */}
                <rect x={MARGIN.left + i * groupW} y={MARGIN.top} width={groupW} height={plotH} fill="transparent" />
                {series.map((s, j) => {
                  const value = d[s.key] ?? 0
                  const top = y(value)
                  return (
                    <rect
                      key={s.key}
                      x={x0 + j * barW}
                      y={top}
                      width={Math.max(1, barW - 1)}
                      height={Math.max(0, MARGIN.top + plotH - top)}
                      rx={1.5}
                      style={{ fill: s.color }}
                    />
                  )
                })}
                {i % labelEvery === 0 && (
                  <text
                    x={MARGIN.left + i * groupW + groupW / 2}
                    y={HEIGHT - MARGIN.bottom + 16}
                    textAnchor="middle"
                    fontSize={11}
                    style={{ fill: "var(--fg-muted)" }}
                  >
                    {label(d.day)}
                  </text>
                )}
              </g>
            )
          })}
          {total === 0 && (
            <text
              x={MARGIN.left + plotW / 2}
              y={MARGIN.top + plotH / 2}
              textAnchor="middle"
              fontSize={13}
              style={{ fill: "var(--fg-subtle)" }}
            >
              {tr("chart_extra.no_activity")}
            </text>
          )}
        </svg>
      </div>
      <figcaption className="sr-only">{title}</figcaption>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{tr("chart.day")}</th>
            {series.map((s) => (
              <th key={s.key} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day}>
              <th scope="row">{d.day}</th>
              {series.map((s) => (
                <td key={s.key}>{d[s.key] ?? 0}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
