import { valueAxis } from "../lib/chart-scale"
import { tr } from "../lib/i18n"
import { HEIGHT, MARGIN, shortDay, useWidth } from "./day-bar-chart"

export type LinePoint = { day: string; value: number | null }

/** room for formatted values ("12 000 ₽", "100 %") left of the plot */
const LEFT = 72

/**
 * One series over time as a line with a dot per point, drawn as plain SVG
 * like DayBarChart. A null value (nothing to measure, e.g. a rate without
 * attempts) breaks the line and reads "—". Every dot has a tooltip; the same
 * numbers are in a table for screen readers.
 */
export function LineChart({
  points,
  title,
  color,
  format,
  label = shortDay,
  testId,
}: {
  points: LinePoint[]
  title: string
  /** a CSS color, e.g. a dashboard variable */
  color: string
  /** a value as the admin reads it (an amount, a percent) */
  format: (value: number) => string
  /** the x axis label of a point's day (default: "05 Jan") */
  label?: (day: string) => string
  testId?: string
}) {
  const [box, width] = useWidth<HTMLDivElement>(720)
  const plotW = width - LEFT - MARGIN.right
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom
  const values = points.map((p) => p.value).filter((v): v is number => v !== null)
  const { max, ticks } = valueAxis(Math.max(0, ...values))
  const step = points.length ? plotW / points.length : plotW
  const x = (i: number) => LEFT + i * step + step / 2
  const y = (value: number) => MARGIN.top + plotH - (value / max) * plotH
  const labelEvery = Math.max(1, Math.ceil(points.length / Math.max(1, Math.floor(plotW / 64))))
  const shown = (value: number | null) => (value === null ? "—" : format(value))

  // runs of consecutive measured points, each drawn as one polyline
  const runs: { i: number; value: number }[][] = []
  points.forEach((p, i) => {
    if (p.value === null) return
    const last = runs[runs.length - 1]
    if (last && last[last.length - 1].i === i - 1) last.push({ i, value: p.value })
    else runs.push([{ i, value: p.value }])
  })

  return (
    <figure className="flex flex-col gap-y-3">
      <div ref={box} className="w-full">
        <svg
          viewBox={`0 0 ${width} ${HEIGHT}`}
          width={width}
          height={HEIGHT}
          role="img"
          aria-label={`${title}: ${points.map((p) => `${p.day} ${shown(p.value)}`).join(", ")}`}
          data-testid={testId ?? "line-chart"}
        >
          {ticks.map((tick) => (
            <g key={tick}>
              <line
                x1={LEFT}
                x2={width - MARGIN.right}
                y1={y(tick)}
                y2={y(tick)}
                style={{ stroke: "var(--border-base)" }}
                strokeDasharray={tick === 0 ? undefined : "3 3"}
              />
              <text
                x={LEFT - 6}
                y={y(tick)}
                textAnchor="end"
                dominantBaseline="middle"
                fontSize={11}
                style={{ fill: "var(--fg-muted)" }}
              >
                {format(tick)}
              </text>
            </g>
          ))}
          {runs.map((run) => (
            <polyline
              key={run[0].i}
              points={run.map((p) => `${x(p.i)},${y(p.value)}`).join(" ")}
              fill="none"
              strokeWidth={2}
              strokeLinejoin="round"
              style={{ stroke: color }}
            />
          ))}
          {points.map((p, i) => (
            <g key={p.day} data-day={p.day}>
              <title>{`${p.day}: ${shown(p.value)}`}</title>
              {/* a full-height target so the tooltip shows between dots too */}
              <rect x={LEFT + i * step} y={MARGIN.top} width={step} height={plotH} fill="transparent" />
              {p.value !== null && <circle cx={x(i)} cy={y(p.value)} r={3} style={{ fill: color }} />}
              {i % labelEvery === 0 && (
                <text
                  x={x(i)}
                  y={HEIGHT - MARGIN.bottom + 16}
                  textAnchor="middle"
                  fontSize={11}
                  style={{ fill: "var(--fg-muted)" }}
                >
                  {label(p.day)}
                </text>
              )}
            </g>
          ))}
          {!values.length && (
            <text
              x={LEFT + plotW / 2}
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
            <th scope="col">{title}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.day}>
              <th scope="row">{p.day}</th>
              <td>{shown(p.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
